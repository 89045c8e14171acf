import { describe, expect, it } from 'vitest';
import { ref } from '../../src/domain/global-id.js';
import type { Transaction } from '../../src/domain/model.js';
import { contentChanged, contentColumns, toStoredTransaction, type StoredRow } from '../../src/store/stored-rows.js';

/**
 * Rows the change feed stored before Money.amount had one form ("-56.4") are the same amount as
 * the canonical "-56.40" (src/domain/money.ts): not a modification, and served in the new form.
 */
const transaction = (amount: string): Transaction => ({
  ref: ref('MASTERCARD_US', 'Transaction', 't1', 'c1'),
  provider: 'MASTERCARD_US',
  providerId: 't1',
  accountRef: ref('MASTERCARD_US', 'Account', 'a1', 'c1'),
  customerRef: ref('MASTERCARD_US', 'Customer', 'c1'),
  amount: { amount, currency: 'USD' },
  status: 'POSTED',
  providerStatus: 'active',
  description: 'Coffee',
  memo: null,
  category: null,
  payee: null,
  postedAt: new Date('2026-11-01T00:00:00Z'),
  transactedAt: null,
  details: null,
});

function storedRow(amount: string): StoredRow {
  const columns = contentColumns({ transaction: transaction(amount), institutionId: null });
  return {
    ...columns,
    provider: 'MASTERCARD_US',
    transaction_id: 't1',
    institution_id: null,
    fetched_at: 0,
    seq: 1,
    added_seq: 1,
    removed: 0,
    replaced_by: null,
    replaced_confidence: null,
  } as unknown as StoredRow;
}

describe('stored amounts from before the canonical form', () => {
  it('are not a modification when only the form differs, and are served canonical', () => {
    const fresh = contentColumns({ transaction: transaction('-56.40'), institutionId: null });
    expect(contentChanged(storedRow('-56.4'), fresh)).toBe(false);
    expect(contentChanged(storedRow('-56.41'), fresh)).toBe(true);
    expect(toStoredTransaction(storedRow('-56.4')).transaction.amount).toEqual({ amount: '-56.40', currency: 'USD' });
  });
});
