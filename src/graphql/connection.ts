import type { Page } from '../domain/model.js';
import { pageOf } from '../domain/paging.js';
import type { ConnectionShape } from './types/connection.js';
import { encodeCursor } from './cursor.js';

/** A provider page as a Relay connection; edge cursors are absolute offsets. */
export function toConnection<T>(page: Page<T>): ConnectionShape<T> {
  const edges = page.items.map((node, index) => ({ cursor: encodeCursor(page.offset + index), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasMore,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      // After records left out as unreadable (Page.span), the next page starts after all of them.
      endCursor: page.span !== undefined && page.span > 0 ? encodeCursor(page.offset + page.span - 1) : (edges.at(-1)?.cursor ?? null),
    },
    // Read when asked for: a lazily read window counts an account's records only then (account-window.ts).
    get totalCount() {
      return page.totalCount;
    },
  };
}

/** For lists a provider returns whole (Mastercard accounts): paged here, with an exact total. */
export const sliceToPage = pageOf;
