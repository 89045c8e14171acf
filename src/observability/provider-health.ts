import { CircuitState, type CircuitBreakerPolicy } from 'cockatiel';
import { Gauge, type Registry } from 'prom-client';

export type BreakerState = 'closed' | 'open' | 'half-open' | 'isolated';

/** What the gateway last saw of one provider's upstream calls (readiness, `/readyz`). */
export interface ProviderHealth {
  /** `open` only while calls are actually refused; an open breaker past its pause reads `half-open`. */
  breaker: BreakerState;
  /** Epoch ms of the last call the provider answered (any status below 500); null = none yet. */
  lastSuccessAt: number | null;
  /** Epoch ms of the last call that failed (transport error, timeout, 5xx); null = none yet. */
  lastFailureAt: number | null;
}

/**
 * Per-gateway record of each provider's breaker and last answers, fed by the HTTP client
 * (src/http/http-client.ts) and read by `/readyz`. Also exported as gauges
 * `gateway_provider_breaker_open` and `gateway_provider_last_success_timestamp_seconds`.
 */
export interface ProviderHealthBoard {
  /** Follows a cockatiel breaker; `halfOpenAfterMs` is its pause after opening. */
  watchBreaker(provider: string, breaker: CircuitBreakerPolicy, halfOpenAfterMs: number): void;
  succeeded(provider: string): void;
  failed(provider: string): void;
  /** The provider's health, or undefined when no HTTP client for it exists. */
  read(provider: string): ProviderHealth | undefined;
}

const STATE_NAMES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'isolated',
};

interface Entry {
  state: CircuitState;
  openedAt: number;
  halfOpenAfterMs: number;
  lastSuccessAt: number | null;
  lastFailureAt: number | null;
}

export function createProviderHealthBoard(registry: Registry, now: () => number = Date.now): ProviderHealthBoard {
  const breakerOpen = new Gauge({
    name: 'gateway_provider_breaker_open',
    help: 'Whether the provider circuit breaker refuses calls (1) or lets them through (0)',
    labelNames: ['provider'],
    registers: [registry],
  });
  const lastSuccess = new Gauge({
    name: 'gateway_provider_last_success_timestamp_seconds',
    help: 'Unix time of the last upstream call the provider answered (status below 500)',
    labelNames: ['provider'],
    registers: [registry],
  });
  const entries = new Map<string, Entry>();
  const entry = (provider: string): Entry => {
    let found = entries.get(provider);
    if (!found) {
      found = { state: CircuitState.Closed, openedAt: 0, halfOpenAfterMs: 0, lastSuccessAt: null, lastFailureAt: null };
      entries.set(provider, found);
    }
    return found;
  };
  return {
    watchBreaker(provider, breaker, halfOpenAfterMs) {
      const watched = entry(provider);
      watched.halfOpenAfterMs = halfOpenAfterMs;
      breakerOpen.set({ provider }, 0);
      breaker.onStateChange((state) => {
        watched.state = state;
        if (state === CircuitState.Open) watched.openedAt = now();
        breakerOpen.set({ provider }, state === CircuitState.Open || state === CircuitState.Isolated ? 1 : 0);
      });
    },
    succeeded(provider) {
      const at = now();
      entry(provider).lastSuccessAt = at;
      lastSuccess.set({ provider }, at / 1000);
    },
    failed(provider) {
      entry(provider).lastFailureAt = now();
    },
    read(provider) {
      const found = entries.get(provider);
      if (!found) return undefined;
      // cockatiel moves an open breaker to half-open only on the next call; past its pause it lets one through.
      const pausing = found.state !== CircuitState.Open || now() - found.openedAt < found.halfOpenAfterMs;
      return {
        breaker: pausing ? STATE_NAMES[found.state] : 'half-open',
        lastSuccessAt: found.lastSuccessAt,
        lastFailureAt: found.lastFailureAt,
      };
    },
  };
}
