import type { ProviderKey } from '../domain/provider.js';

/**
 * What a caller may do (README, "Access and limits"). `read` reads data, `write` creates, updates
 * and deletes, `reports` generates reports and reads their raw JSON, `sensitive` sees full account
 * numbers and owners and may send an SSN, `operator` administers (webhook subscriptions and the like).
 */
export const SCOPES = ['read', 'write', 'reports', 'sensitive', 'operator'] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** An authenticated caller; every GraphQL request has exactly one. */
export interface Caller {
  /** Stable, non-secret identifier: the key's `id`, the JWT's `sub`, or `sandbox`. Used for rate limits and logs. */
  id: string;
  kind: 'api-key' | 'jwt';
  scopes: ReadonlySet<Scope>;
  /** Providers this caller may reach; null = all. */
  providers: ReadonlySet<ProviderKey> | null;
}

export function callerMayUse(caller: Caller, provider: ProviderKey): boolean {
  return caller.providers === null || caller.providers.has(provider);
}
