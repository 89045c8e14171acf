import type { Page, PageRequest } from '../../domain/model.js';

export interface IndexedPage<T> {
  /** `undefined` where a record could not be read (record-reader.ts): it still holds its position. */
  items: Array<T | undefined>;
  found: number | null;
  moreAvailable: boolean;
}

/** Mastercard: `limit` max 1000 (openbanking-us.yaml LimitParameter, ConsentLimitParameter). */
const MAX_LIMIT = 1000;

/**
 * Lists whose `start` is the index of a PAGE, not of a record (institutions and consents:
 * openbanking-us.yaml StartParameter "Index of the page of results to return"; us-notes.md,
 * Institutions). The gateway's cursors are record offsets, so an offset window is read as one
 * page when it is aligned (the usual case: `after` the previous page's end) and two otherwise.
 */
export async function windowFromPages<T>(
  page: PageRequest,
  fetchPage: (start: number, limit: number) => Promise<IndexedPage<T>>,
): Promise<Page<T>> {
  const size = Math.min(Math.max(page.limit, 1), MAX_LIMIT);
  const firstIndex = Math.floor(page.offset / size);
  const first = await fetchPage(firstIndex + 1, size);
  let items = first.items;
  let more = first.moreAvailable;
  const skip = page.offset - firstIndex * size;
  if (skip > 0 && more) {
    const second = await fetchPage(firstIndex + 2, size);
    items = [...items, ...second.items];
    more = second.moreAvailable;
  }
  const positions = items.slice(skip, skip + page.limit);
  const window = positions.filter((item): item is T => item !== undefined);
  const found = first.found;
  return {
    items: window,
    offset: page.offset,
    hasMore: found !== null ? page.offset + positions.length < found : more || items.length > skip + page.limit,
    totalCount: found,
    ...(window.length < positions.length ? { span: positions.length } : {}),
  };
}
