import { GatewayError } from './errors.js';
import type { ProviderAdapter } from './ports.js';
import type { ProviderKey } from './provider.js';

/** The providers of this gateway and the enabled adapters (STYLE.md, habit 3); resolvers see only this. */
export interface ProviderRegistry {
  /** True when the adapters talk to the bundled simulators. */
  readonly sandbox: boolean;
  /** Every provider this gateway knows, enabled or not, in module-list order (the GraphQL `Provider` enum). */
  known(): readonly ProviderKey[];
  /** Enabled adapters in module-list order (the fan-out merge order). */
  enabled(): ProviderAdapter[];
  /**
   * The adapter. UNSUPPORTED_BY_PROVIDER when the provider is known but not enabled here;
   * BAD_USER_INPUT when no provider has that key (a forged ID or cursor).
   */
  adapter(key: ProviderKey): ProviderAdapter;
  close(): Promise<void>;
}

export function createRegistry(known: readonly ProviderKey[], adapters: ProviderAdapter[], sandbox: boolean): ProviderRegistry {
  const byKey = new Map(adapters.map((adapter) => [adapter.key, adapter]));
  const unknown = adapters.find((adapter) => !known.includes(adapter.key));
  if (unknown) throw new Error(`Adapter ${unknown.key} has no provider module`);
  const ordered = known.flatMap((key) => {
    const adapter = byKey.get(key);
    return adapter ? [adapter] : [];
  });
  return {
    sandbox,
    known: () => known,
    enabled: () => ordered,
    adapter(key) {
      const adapter = byKey.get(key);
      if (adapter) return adapter;
      if (!known.includes(key)) throw new GatewayError('BAD_USER_INPUT', `There is no provider ${key} on this gateway`);
      throw new GatewayError('UNSUPPORTED_BY_PROVIDER', `${key} is not enabled on this gateway (no credentials configured)`, {
        provider: key,
      });
    },
    async close() {
      await Promise.all(ordered.map((adapter) => adapter.close()));
    },
  };
}
