import type Keyv from 'keyv';
import { createTokenCache } from '../auth/token-cache.js';
import type { GatewayConfig } from '../config.js';
import type { ProviderAdapter } from '../domain/ports.js';
import { createRegistry, type ProviderRegistry } from '../domain/registry.js';
import type { UpstreamLimits } from '../http/limits.js';
import type { GatewayMetrics } from '../observability/metrics.js';
import { createCaiboAdapter } from './caibo/adapter.js';
import { createMastercardAdapter } from './mastercard/adapter.js';
import { createMastercardAuAdapter } from './mastercard/au-adapter.js';
import { AU_LENDING, createMastercardLending, createReportTracker, US_LENDING, type LendingRegion } from './mastercard/lending/index.js';
import { US_REGION } from './mastercard/us.js';
import { createObpAdapter } from './obp/adapter.js';

/** Base URL and credentials per provider: from the environment, or from the started sandbox. */
export type ProviderEndpoints = GatewayConfig['providers'];

export interface RegistryDependencies {
  store: Keyv;
  metrics: GatewayMetrics;
  sandbox: boolean;
  limits?: Partial<UpstreamLimits>;
  now?: () => number;
  /**
   * The gateway's public base URL, when known: report generations then default their `callbackUrl`
   * to the gateway's own report webhook (src/webhooks). Read at generation time.
   */
  publicBaseUrl?: () => string | undefined;
}

/**
 * The explicit provider list (STYLE.md, habit 3): a provider is enabled exactly when it has an
 * endpoint. Adding a provider means one more block here and a folder under src/providers.
 */
export function createProviderRegistry(endpoints: ProviderEndpoints, deps: RegistryDependencies): ProviderRegistry {
  const tokens = createTokenCache({
    store: deps.store,
    ...(deps.now ? { now: deps.now } : {}),
    onFetch: (provider) => deps.metrics.tokenFetches.inc({ provider }),
  });
  const shared = {
    tokens,
    metrics: deps.metrics,
    ...(deps.limits ? { limits: deps.limits } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  };
  const adapters: ProviderAdapter[] = [];
  // Lending (issue 6): composed onto the Mastercard adapters; the spread keeps `key`, `close` and `client`.
  const lending = (region: LendingRegion) => ({
    tracker: createReportTracker({
      provider: region.provider,
      store: deps.store,
      publicBaseUrl: deps.publicBaseUrl ?? (() => undefined),
      ...(deps.now ? { now: deps.now } : {}),
    }),
    ...(deps.now ? { now: deps.now } : {}),
  });
  if (endpoints.MASTERCARD_AU) {
    const au = createMastercardAuAdapter({ ...endpoints.MASTERCARD_AU, ...shared });
    adapters.push({ ...au, ...createMastercardLending(au.client, AU_LENDING, lending(AU_LENDING)) });
  }
  if (endpoints.MASTERCARD_US) {
    const us = createMastercardAdapter({ region: US_REGION, ...endpoints.MASTERCARD_US, ...shared });
    adapters.push({ ...us, ...createMastercardLending(us.client, US_LENDING, lending(US_LENDING)) });
  }
  if (endpoints.CAIBO_IPG) {
    adapters.push(createCaiboAdapter({ ...endpoints.CAIBO_IPG, ...shared }));
  }
  if (endpoints.OBP) {
    adapters.push(createObpAdapter({ ...endpoints.OBP, ...shared }));
  }
  return createRegistry(adapters, deps.sandbox);
}
