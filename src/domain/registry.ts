import { GatewayError } from './errors.js';
import type { ProviderAdapter } from './ports.js';
import { PROVIDER_KEYS, type ProviderKey } from './provider.js';

/** The enabled adapters, listed explicitly (STYLE.md, habit 3); resolvers see only this. */
export interface ProviderRegistry {
  /** True when the adapters talk to the bundled simulators. */
  readonly sandbox: boolean;
  /** Enabled adapters in PROVIDER_KEYS order (the fan-out merge order). */
  enabled(): ProviderAdapter[];
  /** The adapter, or UNSUPPORTED_BY_PROVIDER when the provider is not enabled here. */
  adapter(key: ProviderKey): ProviderAdapter;
  close(): Promise<void>;
}

export function createRegistry(adapters: ProviderAdapter[], sandbox: boolean): ProviderRegistry {
  const byKey = new Map(adapters.map((adapter) => [adapter.key, adapter]));
  const ordered = PROVIDER_KEYS.flatMap((key) => {
    const adapter = byKey.get(key);
    return adapter ? [adapter] : [];
  });
  return {
    sandbox,
    enabled: () => ordered,
    adapter(key) {
      const adapter = byKey.get(key);
      if (!adapter) {
        throw new GatewayError('UNSUPPORTED_BY_PROVIDER', `${key} is not enabled on this gateway (no credentials configured)`, {
          provider: key,
        });
      }
      return adapter;
    },
    async close() {
      await Promise.all(ordered.map((adapter) => adapter.close()));
    },
  };
}
