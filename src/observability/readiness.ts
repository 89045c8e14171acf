import { connect } from 'node:net';
import type Keyv from 'keyv';
import { cacheStoreHealth, type CacheStoreHealth } from '../auth/cache-store.js';
import type { ProviderKey } from '../domain/provider.js';
import type { ProviderHealthBoard } from './provider-health.js';

/** How long `/readyz` waits for a TCP connection to a provider's origin. */
export const PROVIDER_PROBE_TIMEOUT_MS = 500;

export interface ProviderReadiness {
  provider: ProviderKey;
  enabled: boolean;
  /** A TCP connection to the provider's origin opened just now (no HTTP call, nothing billable). */
  reachable?: boolean;
  breaker?: string;
  /** ISO time of the last call the provider answered; null = none since start-up. */
  lastSuccessAt?: string | null;
  lastFailureAt?: string | null;
  /** Breaker refusing calls, or origin unreachable. */
  down?: boolean;
}

export interface Readiness {
  /** `ready`; `degraded` when some provider is down; `not ready` (503) when the cache store is unreachable or every provider is down. */
  status: 'ready' | 'degraded' | 'not ready';
  sandbox: boolean;
  cacheStore: CacheStoreHealth;
  providers: ProviderReadiness[];
}

export interface ReadinessSources {
  sandbox: boolean;
  /** Every provider the gateway knows, in module-list order. */
  providers: readonly ProviderKey[];
  /** Base URL per enabled provider. */
  endpoints: Partial<Record<ProviderKey, { baseUrl: string }>>;
  health: ProviderHealthBoard;
  store: Keyv;
}

function tcpReachable(baseUrl: string): Promise<boolean> {
  const url = new URL(baseUrl);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port, timeout: PROVIDER_PROBE_TIMEOUT_MS });
    const done = (reachable: boolean) => {
      socket.destroy();
      resolve(reachable);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

const iso = (epochMs: number | null | undefined) => (epochMs == null ? null : new Date(epochMs).toISOString());

/**
 * What `/readyz` answers: per provider whether it is enabled, its origin accepts connections, its
 * breaker state and last success; and whether the cache store answers a read. Takes at most
 * {@link PROVIDER_PROBE_TIMEOUT_MS} for the probes plus the cache store's timeout.
 */
export async function checkReadiness(sources: ReadinessSources): Promise<Readiness> {
  const [cacheStore, providers] = await Promise.all([
    cacheStoreHealth(sources.store),
    Promise.all(
      sources.providers.map(async (provider): Promise<ProviderReadiness> => {
        const endpoint = sources.endpoints[provider];
        if (!endpoint) return { provider, enabled: false };
        const reachable = await tcpReachable(endpoint.baseUrl);
        const health = sources.health.read(provider);
        const breaker = health?.breaker ?? 'closed';
        return {
          provider,
          enabled: true,
          reachable,
          breaker,
          lastSuccessAt: iso(health?.lastSuccessAt),
          lastFailureAt: iso(health?.lastFailureAt),
          down: !reachable || breaker === 'open' || breaker === 'isolated',
        };
      }),
    ),
  ]);
  const enabled = providers.filter((provider) => provider.enabled);
  const up = enabled.filter((provider) => !provider.down);
  const status = !cacheStore.reachable || up.length === 0 ? 'not ready' : up.length < enabled.length ? 'degraded' : 'ready';
  return { status, sandbox: sources.sandbox, cacheStore, providers };
}
