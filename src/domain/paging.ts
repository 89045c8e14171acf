import { GatewayError } from './errors.js';
import type { Page, PageRequest } from './model.js';

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

/**
 * Pages through a provider list whose filter the provider cannot apply itself, applying it here.
 * Reads whole windows of `windowSize` until it has `page.offset + page.limit + 1` matches or the
 * provider has no more.
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
