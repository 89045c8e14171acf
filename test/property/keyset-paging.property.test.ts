import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ref } from '../../src/domain/global-id.js';
import { compareTransactions, keyOfTransaction, readKeysetPage, type TransactionKey } from '../../src/domain/keyset.js';
import type { Page, PageRequest, Transaction, TransactionQuery } from '../../src/domain/model.js';

/**
 * Keyset paging (issue 15, item 4) against a provider list that changes between pages: random rows
 * with many shared timestamps, random page and provider window sizes, random insertions and
 * deletions before every page. The provider orders ties arbitrarily (by a random rank), as real
 * ones may. Whatever happens, no row is shown twice, every row that existed at the first page and
 * was never removed is shown, and the rows come in the one total order.
 */
interface Row {
  id: string;
  at: number;
  rank: number;
}

const transaction = (row: Row): Transaction => ({
  ref: ref('OBP', 'Transaction', row.id),
  provider: 'OBP',
  providerId: row.id,
  accountRef: null,
  customerRef: null,
  amount: { amount: '1.00', currency: 'EUR' },
  status: 'POSTED',
  providerStatus: null,
  description: null,
  memo: null,
  category: null,
  payee: null,
  postedAt: new Date(row.at),
  transactedAt: null,
  details: null,
});

/** A provider: filters by date (inclusive), sorts by date in the query's direction, ties by `rank`, pages by offset. */
function provider(rows: Map<string, Row>, maxWindow: number) {
  return async (query: TransactionQuery, window: PageRequest): Promise<Page<Transaction>> => {
    const sign = query.sort === 'asc' ? 1 : -1;
    const matching = [...rows.values()]
      .filter((row) => row.at >= query.from.getTime() && row.at <= query.to.getTime())
      .sort((a, b) => sign * (a.at - b.at) || a.rank - b.rank);
    const limit = Math.min(window.limit, maxWindow);
    const items = matching.slice(window.offset, window.offset + limit).map(transaction);
    return { items, offset: window.offset, hasMore: window.offset + limit < matching.length, totalCount: matching.length };
  };
}

const rowArb = fc.record({ id: fc.integer({ min: 0, max: 10_000 }).map(String), at: fc.integer({ min: 1, max: 30 }).map((day) => day * 1000), rank: fc.integer() });
const changeArb = fc.record({ inserts: fc.array(rowArb, { maxLength: 6 }), deletes: fc.array(fc.nat(), { maxLength: 4 }) });

describe('keyset paging over a changing provider list', () => {
  it('never repeats a row, never loses a surviving one, and keeps the total order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { maxLength: 80 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 15 }),
        fc.constantFrom('asc' as const, 'desc' as const),
        fc.array(changeArb, { maxLength: 40 }),
        async (initial, limit, maxWindow, sort, changes) => {
          const rows = new Map(initial.map((row) => [row.id, row]));
          const snapshot = new Set(rows.keys());
          const removed = new Set<string>();
          const query: TransactionQuery = { from: new Date(0), to: new Date(100_000), statuses: [], sort };
          const fetch = provider(rows, maxWindow);
          const shown: Transaction[] = [];
          let after: TransactionKey | null = null;
          for (let pageIndex = 0; pageIndex < 200; pageIndex += 1) {
            const page = await readKeysetPage(fetch, query, after, limit, maxWindow);
            shown.push(...page.items);
            if (!page.hasMore || page.items.length === 0) break;
            after = keyOfTransaction(page.items.at(-1)!);
            const change = changes[pageIndex % Math.max(changes.length, 1)];
            // New ids only: a row whose date changes (an id coming back elsewhere) moves in the order (README, For BI).
            for (const row of change?.inserts ?? []) if (!rows.has(row.id) && !removed.has(row.id)) rows.set(row.id, row);
            const ids = [...rows.keys()];
            for (const index of change?.deletes ?? []) {
              const id = ids[index % Math.max(ids.length, 1)];
              if (id !== undefined && rows.delete(id)) removed.add(id);
            }
          }
          const ids = shown.map((row) => row.providerId);
          expect(new Set(ids).size).toBe(ids.length);
          for (const id of snapshot) if (!removed.has(id)) expect(ids).toContain(id);
          const order = compareTransactions(sort);
          for (let index = 1; index < shown.length; index += 1) expect(order(shown[index - 1]!, shown[index]!)).toBeLessThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
