import { GatewayError } from './errors.js';
import type { Page, PageRequest, Transaction, TransactionQuery } from './model.js';
import { PAGE_LIMITS, transactionTime } from './paging.js';
import type { ProviderKey } from './provider.js';

/**
 * Keyset paging of transactions (issue 15, item 4). Every transaction list is ordered by one total
 * order — time (booked, else transacted; undated = the epoch), then provider, then the provider's
 * native id — ascending or, for `desc`, that whole order reversed. A cursor names a position in
 * that order (the key of the last row shown), never an offset, so rows inserted or removed anywhere
 * do not shift it: the next page is "the first `limit` rows strictly after the key".
 *
 * Providers page by offset and filter by date, so a page after a key is read as: the date window
 * narrowed to the key's time (`to` = key time for desc, `from` = key time for asc; both inclusive at
 * every provider), read from offset 0 in windows, sorted here by the total order, rows at or before
 * the key dropped. Rows sharing the boundary time are all read again (the providers order ties
 * arbitrarily); reading stops only once a fetched row lies strictly beyond the last row kept, so
 * no unread row can sort before it.
 */
export interface TransactionKey {
  /** Epoch ms of transactionTime(); null when the record has no date. */
  at: number | null;
  provider: ProviderKey;
  /** The provider's native id (`Transaction.providerId`). */
  id: string;
}

export type SortOrder = TransactionQuery['sort'];

export function keyOfTransaction(transaction: Transaction): TransactionKey {
  return { at: transactionTime(transaction), provider: transaction.provider, id: transaction.providerId };
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The total order in `sort` direction: negative when `a` comes first. */
export function compareKeys(a: TransactionKey, b: TransactionKey, sort: SortOrder): number {
  const ascending = (a.at ?? 0) - (b.at ?? 0) || compareText(a.provider, b.provider) || compareText(a.id, b.id);
  return sort === 'asc' ? ascending : -ascending;
}

export function compareTransactions(sort: SortOrder): (a: Transaction, b: Transaction) => number {
  return (a, b) => compareKeys(keyOfTransaction(a), keyOfTransaction(b), sort);
}

/** The query's date window narrowed to what can lie at or after `key` (inclusive of its time). */
export function narrowToKey(query: TransactionQuery, key: TransactionKey | null): TransactionQuery {
  if (key === null || key.at === null || key.at <= 0) return query;
  if (query.sort === 'desc') return key.at < query.to.getTime() ? { ...query, to: new Date(key.at) } : query;
  return key.at > query.from.getTime() ? { ...query, from: new Date(key.at) } : query;
}

export interface KeysetPage<T> {
  /** At most `limit` rows strictly after the key, in order. */
  items: T[];
  hasMore: boolean;
  /** The provider's exact total, on a first page only (a narrowed window counts fewer); may be a getter, read it only when needed. */
  readonly totalCount: number | null;
}

/** The first window a keyset page reads (the page and one more); what a prefetch must ask for to be reused. */
export function firstKeysetWindow(limit: number, maxWindow: number): PageRequest {
  return { offset: 0, limit: Math.min(maxWindow, limit + 1) };
}

/** Upstream windows one keyset page may read (rows sharing one timestamp beyond that: BAD_USER_INPUT). */
const MAX_WINDOWS = PAGE_LIMITS.maxFilterWindows;

/**
 * The first `limit` transactions strictly after `after` in `query.sort` order, read through
 * `fetch` (a provider list by offset, sorted by time in the query's direction, as every adapter's
 * is). The first window holds `limit + 1` records, later ones (rows tied at the boundary time, or
 * refused by `keep`) twice that, at least 100, at most `maxWindow`. Errors: `fetch`'s; BAD_USER_INPUT
 * when a page needs more than MAX_WINDOWS windows.
 */
export async function readKeysetPage(
  fetch: (query: TransactionQuery, window: PageRequest) => Promise<Page<Transaction>>,
  query: TransactionQuery,
  after: TransactionKey | null,
  limit: number,
  maxWindow: number,
  /** A filter applied here to every row read (amount, text); rows it refuses still advance the read. */
  keep?: (transaction: Transaction) => boolean,
): Promise<KeysetPage<Transaction>> {
  const narrowed = narrowToKey(query, after);
  const order = compareTransactions(query.sort);
  const beyond = (a: number, b: number): boolean => (query.sort === 'asc' ? a > b : a < b);
  let kept: Transaction[] = [];
  let offset = 0;
  let furthest: number | null = null;
  // The provider's total is read only when a caller asks for it (a getter): an account page cut from
  // a customer's window counts its account's remaining records lazily (issue 17 profile: ~9 % of the
  // reference query's CPU went to counting totals nobody selected).
  let firstPage: Page<Transaction> | null = null;
  const result = (items: Transaction[], hasMore: boolean): KeysetPage<Transaction> => ({
    items,
    hasMore,
    get totalCount() {
      return firstPage === null ? null : firstPage.totalCount;
    },
  });
  for (let windows = 0; ; windows += 1) {
    if (windows === MAX_WINDOWS) {
      throw new GatewayError(
        'BAD_USER_INPUT',
        `One page needed more than ${MAX_WINDOWS} upstream windows (a filter that matches sparsely, or many transactions at one instant); narrow the date range`,
      );
    }
    // After a key the window starts with the key's own row (its time is the window's edge): one more.
    const first = Math.min(maxWindow, firstKeysetWindow(limit, maxWindow).limit + (after === null ? 0 : 1));
    const size = windows === 0 ? first : Math.min(maxWindow, Math.max(2 * (limit + 1), 100));
    const page = await fetch(narrowed, { offset, limit: size });
    if (windows === 0 && after === null) firstPage = page;
    for (const transaction of page.items) {
      const at = transactionTime(transaction);
      if (at !== null && (furthest === null || beyond(at, furthest))) furthest = at;
      if (after !== null && compareKeys(keyOfTransaction(transaction), after, query.sort) <= 0) continue;
      if (keep === undefined || keep(transaction)) kept.push(transaction);
    }
    const read = page.span ?? page.items.length;
    offset += read;
    const ended = !page.hasMore || read === 0;
    kept.sort(order);
    if (ended) return result(kept.slice(0, limit), kept.length > limit);
    const last = kept[limit - 1];
    const lastAt = last === undefined ? null : (transactionTime(last) ?? 0);
    if (limit === 0 ? kept.length > 0 : lastAt !== null && furthest !== null && beyond(furthest, lastAt)) {
      return result(kept.slice(0, limit), true);
    }
    // Keep only what can still be shown, so memory stays at about one page per window.
    if (kept.length > limit + 1) kept = kept.slice(0, limit + 1);
  }
}
