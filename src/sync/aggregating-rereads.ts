import type { AccountLeftOut } from '../domain/accounts-left-out.js';
import { encodeGlobalId, type NativeRef } from '../domain/global-id.js';
import type { TransactionStore } from '../store/transaction-store.js';

/** A customer whose last read lacked accounts still in their first aggregation (accounts-left-out.ts). */
export interface WaitingCustomer {
  customer: NativeRef;
  /** The accounts its rows lack, named in providerErrors on every call until a read finds them. */
  leftOut: AccountLeftOut[];
  /** When it was last read (the gateway's clock, ms). */
  readAt: number;
}

/**
 * Per store, per sync part (refresh-units.ts `partKey`), the customers waiting for an account's
 * first aggregation, by global ID. In memory: an instance that restarts forgets them, and its next
 * read of the whole part (once TRANSACTION_SYNC_MAX_AGE_SECONDS has passed) finds them again.
 */
const waitingByStore = new WeakMap<TransactionStore, Map<string, Map<string, WaitingCustomer>>>();

function partsOf(store: TransactionStore): Map<string, Map<string, WaitingCustomer>> {
  let parts = waitingByStore.get(store);
  if (!parts) waitingByStore.set(store, (parts = new Map()));
  return parts;
}

/** After a read of a whole part: the customers whose rows lacked accounts, replacing what was known. */
export function rememberWaiting(store: TransactionStore, key: string, leftOut: readonly AccountLeftOut[], readAt: number): void {
  const byCustomer = new Map<string, WaitingCustomer>();
  for (const entry of leftOut) {
    const id = encodeGlobalId(entry.customer);
    const waiting = byCustomer.get(id) ?? { customer: entry.customer, leftOut: [], readAt };
    waiting.leftOut.push(entry);
    byCustomer.set(id, waiting);
  }
  if (byCustomer.size === 0) partsOf(store).delete(key);
  else partsOf(store).set(key, byCustomer);
}

/** After a re-read of one waiting customer: still waiting (its accounts now lacking), or done. */
export function recordReread(store: TransactionStore, key: string, customer: NativeRef, leftOut: readonly AccountLeftOut[], readAt: number): void {
  const byCustomer = partsOf(store).get(key);
  if (!byCustomer) return;
  const id = encodeGlobalId(customer);
  if (leftOut.length > 0) byCustomer.set(id, { customer, leftOut: [...leftOut], readAt });
  else byCustomer.delete(id);
  if (byCustomer.size === 0) partsOf(store).delete(key);
}

/** Every account the part's waiting customers lack, as last read. */
export function waitingLeftOut(store: TransactionStore, key: string): AccountLeftOut[] {
  return [...(partsOf(store).get(key)?.values() ?? [])].flatMap((waiting) => waiting.leftOut);
}

/** The waiting customers last read `intervalMs` ago or longer. */
export function dueForReread(store: TransactionStore, key: string, now: number, intervalMs: number): WaitingCustomer[] {
  return [...(partsOf(store).get(key)?.values() ?? [])].filter((waiting) => now - waiting.readAt >= intervalMs);
}
