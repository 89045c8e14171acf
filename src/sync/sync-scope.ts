import { createHash } from 'node:crypto';
import { GatewayError } from '../domain/errors.js';
import { decodeGlobalId, encodeGlobalId, type NativeRef } from '../domain/global-id.js';
import type { ProviderAdapter } from '../domain/ports.js';
import type { ProviderKey } from '../domain/provider.js';
import type { ProviderRegistry } from '../domain/registry.js';
import type { FeedFilter } from '../store/transaction-store.js';

/** What a caller asks transactionsSync to cover; null/absent = no restriction of that kind. */
export interface SyncScopeInput {
  providers?: readonly ProviderKey[] | null;
  /** Customer global IDs. */
  customers?: readonly string[] | null;
  /** Account global IDs. */
  accounts?: readonly string[] | null;
}

/** One provider's part of a scope: its named customers and accounts, or (none named) everything it holds. */
export interface ProviderPart {
  adapter: ProviderAdapter;
  customers: NativeRef[];
  accounts: NativeRef[];
}

export interface ResolvedScope {
  parts: ProviderPart[];
  filter: FeedFilter;
  /** Identifies the scope inside cursors (sha-256 of its canonical form, 16 hex digits). */
  hash: string;
}

/** Customers plus accounts one call may name: each is its own refresh. */
export const MAX_SCOPE_IDS = 100;

/**
 * Resolves the caller's scope against the providers this caller may use (a provider, customer or
 * account of another is FORBIDDEN, of an unknown provider BAD_USER_INPUT, as `registry.adapter`
 * says). Without providers, the providers of the named ids, or every enabled one. An id of a
 * provider left out of `providers` is BAD_USER_INPUT: it would never be synced.
 */
export function resolveSyncScope(registry: ProviderRegistry, input: SyncScopeInput | null | undefined): ResolvedScope {
  const customers = (input?.customers ?? []).map((id, index) => decodeGlobalId(id, 'Customer', `scope.customers[${index}]`));
  const accounts = (input?.accounts ?? []).map((id, index) => decodeGlobalId(id, 'Account', `scope.accounts[${index}]`));
  if (customers.length + accounts.length > MAX_SCOPE_IDS) {
    throw new GatewayError('BAD_USER_INPUT', `scope names ${customers.length + accounts.length} customers and accounts; at most ${MAX_SCOPE_IDS}`, { field: 'scope' });
  }
  const named = input?.providers ?? null;
  let keys: ProviderKey[];
  if (named !== null && named.length > 0) keys = [...new Set(named)];
  else if (customers.length + accounts.length > 0) keys = [...new Set([...customers, ...accounts].map((ref) => ref.provider))];
  else keys = registry.enabled().map((adapter) => adapter.key);
  const order = registry.known();
  keys.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const parts = keys.map((key) => ({ adapter: registry.adapter(key), customers: [] as NativeRef[], accounts: [] as NativeRef[] }));
  const partOf = (ref: NativeRef, field: string): ProviderPart => {
    const part = parts.find((candidate) => candidate.adapter.key === ref.provider);
    if (part) return part;
    registry.adapter(ref.provider);
    throw new GatewayError('BAD_USER_INPUT', `${field} is a ${ref.provider} ID, but scope.providers leaves ${ref.provider} out`, { field });
  };
  customers.forEach((ref, index) => partOf(ref, `scope.customers[${index}]`).customers.push(ref));
  accounts.forEach((ref, index) => partOf(ref, `scope.accounts[${index}]`).accounts.push(ref));

  const filter: FeedFilter = {
    parts: parts.map((part) => ({
      provider: part.adapter.key,
      customerIds: part.customers.map((ref) => ref.id),
      accountIds: part.accounts.map((ref) => ref.id),
    })),
  };
  const canonical = JSON.stringify([keys, customers.map(encodeGlobalId).sort(), accounts.map(encodeGlobalId).sort()]);
  return { parts, filter, hash: createHash('sha256').update(canonical).digest('hex').slice(0, 16) };
}
