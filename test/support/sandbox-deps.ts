import Keyv from 'keyv';
import { createTokenCache, type TokenCache } from '../../src/auth/token-cache.js';
import { createMetrics, type GatewayMetrics } from '../../src/observability/metrics.js';
import { createPurgeTargets, type PurgeTargets } from '../../src/domain/purge.js';
import { createGatewayEvents, type GatewayEvents } from '../../src/events/gateway-events.js';

/** What an adapter needs besides its endpoint, for tests that build one directly. */
export function adapterDependencies(): { tokens: TokenCache; metrics: GatewayMetrics; store: Keyv; purge: PurgeTargets; events: GatewayEvents } {
  const metrics = createMetrics({ defaultMetrics: false });
  const store = new Keyv();
  const tokens = createTokenCache({ store, onFetch: (provider) => metrics.tokenFetches.inc({ provider }) });
  return { tokens, metrics, store, purge: createPurgeTargets(), events: createGatewayEvents() };
}

/** Reads one counter's value for a label set from a metrics registry. */
export async function counterValue(metrics: GatewayMetrics, name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = await metrics.registry.getSingleMetric(name)?.get();
  return (metric?.values ?? [])
    .filter((value) => Object.entries(labels).every(([key, expected]) => String(value.labels[key]) === expected))
    .reduce((sum, value) => sum + value.value, 0);
}
