/** The providers the gateway knows, in the order fan-out results are merged. */
export const PROVIDER_KEYS = ['MASTERCARD_AU', 'MASTERCARD_US', 'CAIBO_IPG', 'OBP'] as const;
export type ProviderKey = (typeof PROVIDER_KEYS)[number];

export function isProviderKey(value: string): value is ProviderKey {
  return (PROVIDER_KEYS as readonly string[]).includes(value);
}
