import { GatewayError } from './errors.js';
import type { Page, PageRequest, Transaction, TransactionQuery } from './model.js';

/**
 * The one set of paging and date-window helpers adapters, loaders and the GraphQL layer share
 * (issue 10, item 3). Offsets are 0-based, as the gateway's cursors carry them.
 */

/** Page sizes a caller may ask for (STYLE.md, habit 8). */
export const PAGE_LIMITS = {
  /** When `first` is omitted. The providers default to 25 (Mastercard `limit`), so do we. */
  defaultSize: 25,
  /** BI tools pull in bulk; 1000 is Mastercard's own maximum `limit` (us-notes.md, Customers). */
  maxSize: 1000,
  /**
   * Upstream windows a locally filtered page may read before giving up; 10 × 1000 records keeps
   * one GraphQL field under ~10 upstream calls.
   */
  maxFilterWindows: 10,
} as const;

/** A page of a list held whole: `items` is the entire list, so the total is exact. */
export function pageOf<T>(items: readonly T[], page: PageRequest): Page<T> {
  return {
    items: items.slice(page.offset, page.offset + page.limit),
    offset: page.offset,
    hasMore: items.length > page.offset + page.limit,
    totalCount: items.length,
  };
}

/** A page that is known to be empty (a selection nothing can match). */
export function emptyPage<T>(page: PageRequest): Page<T> {
  return { items: [], offset: page.offset, hasMore: false, totalCount: 0 };
}

/**
 * A page from a window read at `page.offset` with one item more than `page.limit` (for providers
 * without a total or a next flag). The total is known only at the end of the list, and only when the
 * page is not past it (an empty page at offset n says nothing about the size). `read` is how many
 * records the provider sent (some may have been left out as unreadable): the next page starts after
 * all of them (`span`), and a page with a record left out has no exact total.
 */
export function lookAheadPage<T>(items: readonly T[], page: PageRequest, read = items.length): Page<T> {
  const hasMore = read > page.limit;
  const knowsTotal = !hasMore && read === items.length && (items.length > 0 || page.offset === 0);
  const kept = items.slice(0, page.limit);
  const span = Math.min(read, page.limit);
  return {
    items: kept,
    offset: page.offset,
    hasMore,
    totalCount: knowsTotal ? page.offset + items.length : null,
    ...(span !== kept.length ? { span } : {}),
  };
}

/** A page whose unreadable records left holes (`undefined`): the holes go, `span` keeps the provider's positions. */
export function withoutHoles<T>(page: Page<T | undefined>): Page<T> {
  const items = page.items.filter((item): item is T => item !== undefined);
  if (items.length === page.items.length) return page as Page<T>;
  return { ...page, items, totalCount: null, span: page.span ?? page.items.length };
}

/**
 * Reads `page` from a provider list whose windows hold 1…`maxWindow` records, in as many windows as
 * it takes: a page larger than the provider's page size is filled from consecutive windows, and
 * `limit: 0` (which providers refuse) reads one record to learn whether the list goes on.
 */
export async function readInWindows<T>(
  fetchWindow: (window: PageRequest) => Promise<Page<T>>,
  page: PageRequest,
  maxWindow: number,
): Promise<Page<T>> {
  if (page.limit === 0) {
    const probe = await fetchWindow({ offset: page.offset, limit: 1 });
    return { items: [], offset: page.offset, hasMore: probe.items.length > 0, totalCount: probe.totalCount };
  }
  const items: T[] = [];
  const end = page.offset + page.limit;
  // Windows advance by the provider positions read (`span`), not by the records kept: a record the
  // adapter left out (tolerant reading) must not shift the next window onto records already read.
  for (let offset = page.offset; ; ) {
    const limit = Math.min(maxWindow, end - offset);
    const window = await fetchWindow({ offset, limit });
    items.push(...window.items.slice(0, limit));
    const read = Math.min(limit, window.span ?? window.items.length);
    offset += read;
    const ended = !window.hasMore || read === 0;
    if (ended || offset >= end) {
      const span = offset - page.offset;
      return { items, offset: page.offset, hasMore: !ended, totalCount: window.totalCount, ...(span !== items.length ? { span } : {}) };
    }
  }
}

/**
 * Pages through a provider list whose filter the provider cannot apply itself, applying it here.
 * Reads whole windows of `windowSize` until it has `page.offset + page.limit + 1` matches or the
 * provider has no more; BAD_USER_INPUT after PAGE_LIMITS.maxFilterWindows windows.
 */
export async function pageThroughFilter<T>(
  fetchWindow: (window: PageRequest) => Promise<Page<T>>,
  keep: (item: T) => boolean,
  page: PageRequest,
  windowSize: number,
): Promise<Page<T>> {
  const needed = page.offset + page.limit + 1;
  const matches: T[] = [];
  let offset = 0;
  let hasMore = true;
  for (let windows = 0; hasMore && matches.length < needed; windows += 1) {
    if (windows === PAGE_LIMITS.maxFilterWindows) {
      throw new GatewayError(
        'BAD_USER_INPUT',
        `The filter matches too sparsely to page through here (more than ${PAGE_LIMITS.maxFilterWindows * windowSize} records scanned); narrow the date range`,
      );
    }
    const window = await fetchWindow({ offset, limit: windowSize });
    matches.push(...window.items.filter(keep));
    offset += window.span ?? window.items.length;
    hasMore = window.hasMore && window.items.length > 0;
  }
  return {
    items: matches.slice(page.offset, page.offset + page.limit),
    offset: page.offset,
    hasMore: matches.length > page.offset + page.limit,
    totalCount: hasMore ? null : matches.length,
  };
}

/** When a transaction happened for ordering and windows: booked, else transacted; null when neither is known. */
export function transactionTime(transaction: Transaction): number | null {
  return (transaction.postedAt ?? transaction.transactedAt)?.getTime() ?? null;
}

/**
 * Whether a transaction belongs to a query's window: `from` ≤ its time ≤ `to` (both inclusive) and
 * one of the statuses (any when none). A transaction without a time is kept (it cannot be placed).
 */
export function matchesTransactionQuery(transaction: Transaction, query: TransactionQuery): boolean {
  const at = transactionTime(transaction);
  if (at !== null && (at < query.from.getTime() || at > query.to.getTime())) return false;
  return query.statuses.length === 0 || query.statuses.includes(transaction.status);
}

/** Sorted copy by time in the query's order (stable; undated transactions count as the epoch). */
export function sortByTime(transactions: readonly Transaction[], sort: TransactionQuery['sort']): Transaction[] {
  const direction = sort === 'asc' ? 1 : -1;
  return [...transactions].sort((a, b) => direction * ((transactionTime(a) ?? 0) - (transactionTime(b) ?? 0)));
}
