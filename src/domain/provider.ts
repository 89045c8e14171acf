/**
 * A provider's key (`MASTERCARD_AU`, `OBP` …): upper snake case, declared by its module
 * (src/providers/modules.ts lists them). The domain does not know the list — the registry does —
 * so a key here is only checked for its form.
 */
export type ProviderKey = string;

const PROVIDER_KEY = /^[A-Z][A-Z0-9_]{1,31}$/;

/** Whether `value` has the form of a provider key (whether such a provider exists is the registry's question). */
export function isProviderKey(value: string): value is ProviderKey {
  return PROVIDER_KEY.test(value);
}
