import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TransactionQuery } from '../../src/domain/model.js';
import { transactionQueryKey } from '../../src/domain/transaction-query.js';

/** The DataLoader key of a transaction query: equal exactly when the queries are (issue 17: built per account field). */
const query = fc.record({
  from: fc.date({ noInvalidDate: true }),
  to: fc.date({ noInvalidDate: true }),
  statuses: fc.subarray(['POSTED', 'PENDING', 'SHADOW', 'OTHER'] as const),
  sort: fc.constantFrom('asc', 'desc'),
}) as fc.Arbitrary<TransactionQuery>;

const same = (a: TransactionQuery, b: TransactionQuery): boolean =>
  a.from.getTime() === b.from.getTime() && a.to.getTime() === b.to.getTime() && a.statuses.join() === b.statuses.join() && a.sort === b.sort;

describe('transaction query keys', () => {
  it('are equal exactly for equal queries', () => {
    fc.assert(
      fc.property(query, query, (a, b) => {
        expect(transactionQueryKey(a) === transactionQueryKey(b)).toBe(same(a, b));
        expect(transactionQueryKey({ ...a, from: new Date(a.from.getTime()) })).toBe(transactionQueryKey(a));
      }),
    );
  });

  it('refuse an invalid date as formatting it would', () => {
    expect(() => transactionQueryKey({ from: new Date(Number.NaN), to: new Date(), statuses: [], sort: 'desc' })).toThrow(RangeError);
  });
});
