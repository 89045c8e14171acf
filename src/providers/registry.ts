import type Keyv from 'keyv';
import { createTokenCache } from '../auth/token-cache.js';
import { createRegistry, type ProviderRegistry } from '../domain/registry.js';
import type { UpstreamLimits } from '../http/limits.js';
import { createPurgeTargets, type PurgeTargets } from '../domain/purge.js';
import { createGatewayEvents, type GatewayEvents } from '../events/gateway-events.js';
import type { GatewayMetrics } from '../observability/metrics.js';
import type { AnyProviderModule, ProviderConfig, ProviderEndpoint } from './module.js';

/** Base URL and credentials per provider key: from the environment, or from the started sandbox. */
export type ProviderEndpoints = Readonly<Record<string, ProviderEndpoint>>;

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
  /** Purge targets of the gateway (default: a new, empty list). */
  purge?: PurgeTargets;
  /** The gateway's event bus (default: a new one). */
  events?: GatewayEvents;
}

/**
 * The registry of `modules` (in their order): a provider is enabled exactly when it has an endpoint;
 * its adapter gets that endpoint with the settings `providers` read from the environment.
 */
export function createProviderRegistry(
  modules: readonly AnyProviderModule[],
  providers: Readonly<Record<string, ProviderConfig>>,
  endpoints: ProviderEndpoints,
  deps: RegistryDependencies,
): ProviderRegistry {
  const tokens = createTokenCache({
    store: deps.store,
    ...(deps.now ? { now: deps.now } : {}),
    onFetch: (provider) => deps.metrics.tokenFetches.inc({ provider }),
  });
  const adapterDeps = {
    tokens,
    metrics: deps.metrics,
    store: deps.store,
    publicBaseUrl: deps.publicBaseUrl ?? (() => undefined),
    purge: deps.purge ?? createPurgeTargets(),
    events: deps.events ?? createGatewayEvents(),
    ...(deps.limits ? { limits: deps.limits } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  };
  const adapters = modules.flatMap((module) => {
    const endpoint = endpoints[module.key];
    if (!endpoint) return [];
    const config = providers[module.key];
    if (!config) throw new Error(`${module.key} has an endpoint but no configuration (was it given to loadConfig?)`);
    return [module.createAdapter({ ...endpoint, settings: config.settings }, adapterDeps)];
  });
  return createRegistry(
    modules.map((module) => module.key),
    adapters,
    deps.sandbox,
  );
}

/** The real endpoints of the providers whose credentials are configured. */
export function configuredEndpoints(providers: Readonly<Record<string, ProviderConfig>>): ProviderEndpoints {
  return Object.fromEntries(Object.entries(providers).flatMap(([key, config]) => (config.endpoint ? [[key, config.endpoint]] : [])));
}
