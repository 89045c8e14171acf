import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { createGraphQLMetrics, type GraphQLMetrics } from './graphql-metrics.js';
import { createProviderHealthBoard, type ProviderHealthBoard } from './provider-health.js';

/**
 * The gateway's Prometheus metrics. A registry per gateway instance (not prom-client's global one)
 * so tests can run several gateways in one process and read each one's numbers.
 */
export interface GatewayMetrics {
  readonly registry: Registry;
  readonly upstreamRequests: Counter<'provider' | 'operation' | 'status'>;
  readonly upstreamLatency: Histogram<'provider' | 'operation'>;
  readonly tokenFetches: Counter<'provider'>;
  /** Calls the provider bills per request (Mastercard AU live balance), so finance can reconcile. */
  readonly billableCalls: Counter<'provider' | 'operation'>;
  /** Provider records or fields read tolerantly (issue 9): kind is unknown_enum, unparsable, missing_id or invalid_record. */
  readonly providerDataWarnings: Counter<'provider' | 'operation' | 'kind'>;
  /** Operations, durations, error codes and cost per GraphQL operation (graphql-metrics.ts). */
  readonly graphql: GraphQLMetrics;
  /** Breaker state and last answers per provider, for `/readyz` (provider-health.ts). */
  readonly providerHealth: ProviderHealthBoard;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): GatewayMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  return {
    registry,
    providerHealth: createProviderHealthBoard(registry),
    graphql: createGraphQLMetrics(registry),
    upstreamRequests: new Counter({
      name: 'gateway_upstream_requests_total',
      help: 'Upstream provider HTTP requests by provider, operation and HTTP status (or error kind)',
      labelNames: ['provider', 'operation', 'status'],
      registers: [registry],
    }),
    upstreamLatency: new Histogram({
      name: 'gateway_upstream_request_duration_seconds',
      help: 'Upstream provider request latency in seconds',
      labelNames: ['provider', 'operation'],
      // Buckets from a loopback simulator (~1 ms) to a slow bank (10 s, the body timeout).
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    tokenFetches: new Counter({
      name: 'gateway_token_fetches_total',
      help: 'Provider access tokens fetched (cache misses and refreshes)',
      labelNames: ['provider'],
      registers: [registry],
    }),
    billableCalls: new Counter({
      name: 'gateway_billable_calls_total',
      help: 'Upstream calls the provider bills individually',
      labelNames: ['provider', 'operation'],
      registers: [registry],
    }),
    providerDataWarnings: new Counter({
      name: 'gateway_provider_data_warnings_total',
      help: 'Provider records left out or fields read as null/OTHER because they were not as documented, by provider, operation and kind',
      labelNames: ['provider', 'operation', 'kind'],
      registers: [registry],
    }),
  };
}
