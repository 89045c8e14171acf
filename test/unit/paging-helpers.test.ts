import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Page, PageRequest } from '../../src/domain/model.js';
import { lookAheadPage, pageOf, readInWindows } from '../../src/domain/paging.js';

/** A provider list of `size` records that refuses windows outside 1…`max`, as providers do. */
function provider(size: number, max: number, calls: PageRequest[] = []) {
  const all = Array.from({ length: size }, (_, index) => index);
  return async (window: PageRequest): Promise<Page<number>> => {
    calls.push(window);
    if (window.limit < 1 || window.limit > max) throw new Error(`limit ${window.limit} refused`);
    const items = all.slice(window.offset, window.offset + window.limit);
    return { items, offset: window.offset, hasMore: window.offset + items.length < size, totalCount: size };
  };
}

const pages = fc.record({ offset: fc.integer({ min: 0, max: 300 }), limit: fc.integer({ min: 0, max: 250 }) });

describe('paging helpers (src/domain/paging.ts)', () => {
  it('readInWindows gives exactly the slice, whatever the page and the provider page size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 260 }), fc.integer({ min: 1, max: 60 }), pages, async (size, max, page) => {
        const calls: PageRequest[] = [];
        const read = await readInWindows(provider(size, max, calls), page, max);
        expect(read.items).toEqual(pageOf(Array.from({ length: size }, (_, index) => index), page).items);
        expect(read.hasMore).toBe(size > page.offset + page.limit);
        expect(read.offset).toBe(page.offset);
        // Never more calls than the page needs windows (one probe for an empty page).
        expect(calls.length).toBeLessThanOrEqual(Math.max(1, Math.ceil(page.limit / max)));
      }),
    );
  });

  it('readInWindows steps over records a reader left out instead of reading them twice', async () => {
    const fetch = async (window: PageRequest): Promise<Page<number>> => {
      const items = Array.from({ length: window.limit }, (_, index) => window.offset + index).filter((value) => value % 7 !== 3);
      return { items, offset: window.offset, hasMore: true, totalCount: null, span: window.limit };
    };
    const read = await readInWindows(fetch, { offset: 0, limit: 25 }, 10);
    expect(new Set(read.items).size).toBe(read.items.length);
    expect(read.span).toBe(25);
    expect(read.items).toEqual(Array.from({ length: 25 }, (_, index) => index).filter((value) => value % 7 !== 3));
  });

  it('pageOf and lookAheadPage agree on hasMore and know the total only when they can', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), pages, (size, page) => {
        const all = Array.from({ length: size }, (_, index) => index);
        const whole = pageOf(all, page);
        const ahead = lookAheadPage(all.slice(page.offset, page.offset + page.limit + 1), page);
        expect(ahead.items).toEqual(whole.items);
        expect(ahead.hasMore).toBe(whole.hasMore);
        if (ahead.totalCount !== null) expect(ahead.totalCount).toBe(size);
        expect(whole.totalCount).toBe(size);
      }),
    );
  });
});
