import pMap from 'p-map';
import type { AccountLeftOut } from '../domain/accounts-left-out.js';
import { GatewayError } from '../domain/errors.js';
import type { NativeRef } from '../domain/global-id.js';
import type { ProviderKey } from '../domain/provider.js';
import type { ProviderRegistry } from '../domain/registry.js';
import type { GatewayEvents } from '../events/gateway-events.js';
import type { StoredTransaction } from '../store/stored-rows.js';
import type { TransactionStore } from '../store/transaction-store.js';
import { dueForReread, recordReread, rememberWaiting, waitingLeftOut } from './aggregating-rereads.js';
import { customerUnit, partKey, unitsOf, type UnitRead } from './refresh-units.js';
import { AGGREGATING_REREAD_INTERVAL_MS, REFRESH_CONCURRENCY } from './sync-limits.js';
import { decodeSyncCursor, encodeSyncCursor } from './sync-cursor.js';
import { resolveSyncScope, type ProviderPart, type SyncScopeInput } from './sync-scope.js';
import { pickTwin } from './twin-confidence.js';

export interface SyncRequest {
  /** The previous answer's nextCursor; null = from the start. */
  cursor: string | null;
  scope: SyncScopeInput | null;
  /** Rows per answer, 1–MAX_SYNC_PAGE. */
  limit: number;
}

export interface SyncDeps {
  store: TransactionStore;
  /** The caller's view of the providers (src/security/caller-registry.ts). */
  registry: ProviderRegistry;
  events: GatewayEvents;
  now: () => number;
  /** A scope read longer ago than this is read again (TRANSACTION_SYNC_MAX_AGE_SECONDS). */
  maxAgeMs: number;
}

export interface SyncResult {
  added: StoredTransaction[];
  modified: StoredTransaction[];
  removed: StoredTransaction[];
  nextCursor: string;
  hasMore: boolean;
  /** The oldest provider read behind this scope; null when none has been read yet. */
  fetchedAt: Date | null;
  /**
   * Providers (or some of their customers) that could not be read: their rows stay as they were;
   * and accounts a customer's rows lack (`account`: AU first aggregation), named on every call and
   * their customer read again at most every AGGREGATING_REREAD_INTERVAL_MS (sync-limits.ts).
   */
  providerErrors: Array<{ provider: ProviderKey; error: GatewayError; customer?: NativeRef | null; account?: NativeRef | null }>;
}

export const DEFAULT_SYNC_PAGE = 100;
/** Rows per answer at most: a BI loop pages with hasMore (and each row may carry loader-resolved fields). */
export const MAX_SYNC_PAGE = 500;

function asGatewayError(error: unknown, provider: ProviderKey): GatewayError {
  return error instanceof GatewayError ? error : new GatewayError('INTERNAL', `${provider} failed unexpectedly while syncing`, { provider, cause: error });
}

/** Refreshes of one part already running in this process, shared by concurrent calls (single-flight). */
const inFlight = new WeakMap<TransactionStore, Map<string, Promise<PartOutcome>>>();

interface PartOutcome {
  error: GatewayError | null;
  /** Accounts the part's customer reads lacked (accounts-left-out.ts). */
  leftOut: AccountLeftOut[];
  added: number;
  modified: number;
  removed: number;
}

/** Reads one unit and stores its rows; answers the accounts they lack. Throws when the read fails. */
async function applyUnit(deps: SyncDeps, unit: UnitRead, outcome: PartOutcome): Promise<AccountLeftOut[]> {
  const { rows, leftOut } = await unit.read();
  const counts = await deps.store.applyRefresh(unit.unit, rows, deps.now(), pickTwin);
  outcome.added += counts.added;
  outcome.modified += counts.modified;
  outcome.removed += counts.removed;
  return leftOut;
}

async function refreshPart(deps: SyncDeps, part: ProviderPart): Promise<PartOutcome> {
  const outcome: PartOutcome = { error: null, leftOut: [], added: 0, modified: 0, removed: 0 };
  const startedAt = deps.now();
  const key = partKey(part);
  try {
    const units = await unitsOf(part, startedAt);
    await pMap(
      units,
      async (unit) => {
        try {
          outcome.leftOut.push(...(await applyUnit(deps, unit, outcome)));
        } catch (error) {
          outcome.error ??= asGatewayError(error, part.adapter.key);
        }
      },
      { concurrency: REFRESH_CONCURRENCY },
    );
    // A read where a unit failed does not count as fresh: the next call reads the part again. One
    // whose rows only lack accounts still aggregating does; their customers alone are read again
    // (rereadWaiting), so an account stuck at 325 never makes every call read the whole provider.
    rememberWaiting(deps.store, key, outcome.error === null ? outcome.leftOut : [], startedAt);
    if (outcome.error === null) await deps.store.recordFetched(key, part.adapter.key, startedAt);
  } catch (error) {
    outcome.error = asGatewayError(error, part.adapter.key);
  }
  await announce(deps, part, outcome);
  return outcome;
}

/**
 * A fresh part's customers still waiting for an account's first aggregation: each read again alone
 * once AGGREGATING_REREAD_INTERVAL_MS has passed since its last read (`reread` false: none, the caller
 * pages on); the accounts still missing are named either way. A failed re-read names the customer
 * with its error and waits the interval again.
 */
async function rereadWaiting(deps: SyncDeps, part: ProviderPart, reread: boolean): Promise<PartOutcome> {
  const outcome: PartOutcome = { error: null, leftOut: [], added: 0, modified: 0, removed: 0 };
  const key = partKey(part);
  const now = deps.now();
  const failed: AccountLeftOut[] = [];
  const due = reread ? dueForReread(deps.store, key, now, AGGREGATING_REREAD_INTERVAL_MS) : [];
  await pMap(
    due,
    async (waiting) => {
      try {
        recordReread(deps.store, key, waiting.customer, await applyUnit(deps, customerUnit(part.adapter, waiting.customer, now), outcome), now);
      } catch (error) {
        recordReread(deps.store, key, waiting.customer, waiting.leftOut, now);
        failed.push({ customer: waiting.customer, account: null, error: asGatewayError(error, part.adapter.key) });
      }
    },
    { concurrency: REFRESH_CONCURRENCY },
  );
  outcome.leftOut = [...failed, ...waitingLeftOut(deps.store, key)];
  await announce(deps, part, outcome);
  return outcome;
}

async function announce(deps: SyncDeps, part: ProviderPart, outcome: PartOutcome): Promise<void> {
  const changes = outcome.added + outcome.modified + outcome.removed;
  if (changes > 0) {
    deps.events.publish('transactions.sync_updates_available', {
      provider: part.adapter.key,
      added: outcome.added,
      modified: outcome.modified,
      removed: outcome.removed,
      lastSequence: await deps.store.lastSequence(),
    });
  }
}

/** One run of `work` per key and store at a time; concurrent calls share it. */
function once(deps: SyncDeps, key: string, work: () => Promise<PartOutcome>): Promise<PartOutcome> {
  let running = inFlight.get(deps.store);
  if (!running) inFlight.set(deps.store, (running = new Map()));
  let pending = running.get(key);
  if (!pending) {
    pending = work().finally(() => running.delete(key));
    running.set(key, pending);
  }
  return pending;
}

const refreshOnce = (deps: SyncDeps, part: ProviderPart) => once(deps, partKey(part), () => refreshPart(deps, part));
const rereadOnce = (deps: SyncDeps, part: ProviderPart, reread: boolean) =>
  reread ? once(deps, `${partKey(part)}|waiting`, () => rereadWaiting(deps, part, true)) : rereadWaiting(deps, part, false);

/**
 * transactionsSync (issue 15, item 2): refreshes the parts of the scope never read or read longer
 * than maxAgeMs ago from their providers (none while the caller pages on with a hasMore cursor), then answers the store's changes after the cursor, in
 * sequence order: rows that appeared (`added`), changed (`modified`) or disappeared (`removed`, a
 * pending one linked to its posted twin when the refresh found it). A fresh part's customers whose
 * last read lacked accounts still aggregating are read again alone (rereadWaiting). Errors: BAD_USER_INPUT for a
 * malformed, foreign or other-scope cursor and for bad scope ids; FORBIDDEN for a provider the
 * caller may not use. A provider that fails is listed in providerErrors and its rows stay untouched.
 */
export async function transactionsSync(deps: SyncDeps, request: SyncRequest): Promise<SyncResult> {
  if (!Number.isInteger(request.limit) || request.limit < 1 || request.limit > MAX_SYNC_PAGE) {
    throw new GatewayError('BAD_USER_INPUT', `limit must be between 1 and ${MAX_SYNC_PAGE}`, { field: 'limit' });
  }
  const scope = resolveSyncScope(deps.registry, request.scope);
  const storeId = await deps.store.storeId();
  const cursor = request.cursor === null ? null : decodeSyncCursor(request.cursor, { storeId, scopeHash: scope.hash, lastSeq: await deps.store.lastSequence() });
  const afterSeq = cursor?.seq ?? 0;

  const keys = scope.parts.map(partKey);
  const readAt = await deps.store.unitsFetchedAt(keys);
  const now = deps.now();
  const stale = scope.parts.filter((part) => {
    const at = readAt.get(partKey(part));
    if (cursor?.more) return false;
    return at === undefined || now - at >= deps.maxAgeMs;
  });
  const fresh = scope.parts.filter((part) => !stale.includes(part));
  const outcomes = await Promise.all([
    ...stale.map(async (part) => ({ part, outcome: await refreshOnce(deps, part) })),
    ...fresh.map(async (part) => ({ part, outcome: await rereadOnce(deps, part, !cursor?.more) })),
  ]);
  const providerErrors = outcomes.flatMap(({ part, outcome }) => [
    ...(outcome.error ? [{ provider: part.adapter.key, error: outcome.error }] : []),
    ...outcome.leftOut.map(({ error, customer, account }) => ({ provider: part.adapter.key, error, customer, account })),
  ]);

  // Every row up to `lastSeq` is committed (sequences commit in order), so an answer that reaches
  // the end may move the cursor past changes outside this scope.
  const lastSeq = await deps.store.lastSequence();
  const rows = await deps.store.readChanges(scope.filter, afterSeq, request.limit);
  const hasMore = rows.length > request.limit;
  const page = rows.slice(0, request.limit);
  const nextSeq = hasMore ? (page.at(-1)?.seq ?? afterSeq) : Math.max(lastSeq, page.at(-1)?.seq ?? afterSeq, afterSeq);
  const fetched = [...(await deps.store.unitsFetchedAt(keys)).values()];
  return {
    added: page.filter((row) => !row.removed && row.addedSeq > afterSeq),
    modified: page.filter((row) => !row.removed && row.addedSeq <= afterSeq),
    removed: page.filter((row) => row.removed),
    nextCursor: encodeSyncCursor({ storeId, seq: nextSeq, scopeHash: scope.hash, more: hasMore }),
    hasMore,
    fetchedAt: fetched.length === 0 ? null : new Date(Math.min(...fetched)),
    providerErrors,
  };
}
