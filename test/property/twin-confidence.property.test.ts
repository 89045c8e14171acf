import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ref } from '../../src/domain/global-id.js';
import type { Transaction } from '../../src/domain/model.js';
import { descriptionSimilarity, TWIN_THRESHOLD, twinConfidence } from '../../src/sync/twin-confidence.js';

const DAY = 86_400_000;

const transaction = (fields: { account: string; amount: number; currency: string; at: number; description: string | null; status: Transaction['status'] }): Transaction => ({
  ref: ref('MASTERCARD_US', 'Transaction', String(Math.abs(fields.at)), 'c1'),
  provider: 'MASTERCARD_US',
  providerId: String(fields.at),
  accountRef: ref('MASTERCARD_US', 'Account', fields.account, 'c1'),
  customerRef: ref('MASTERCARD_US', 'Customer', 'c1'),
  amount: { amount: fields.amount.toFixed(2), currency: fields.currency },
  status: fields.status,
  providerStatus: null,
  description: fields.description,
  memo: null,
  category: null,
  payee: null,
  postedAt: null,
  transactedAt: new Date(fields.at),
  details: null,
});

const side = fc.record({
  account: fc.constantFrom('a1', 'a2'),
  amount: fc.double({ min: -5000, max: 5000, noNaN: true }).filter((value) => Math.abs(value) >= 0.01),
  currency: fc.constantFrom('USD', 'AUD'),
  at: fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 }),
  description: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
});

describe('twin confidence (pending → posted link score)', () => {
  it('lies in [0, 1], is symmetric, and is 0 across accounts, currencies or directions', () => {
    fc.assert(
      fc.property(side, side, (a, b) => {
        const pending = transaction({ ...a, status: 'PENDING' });
        const posted = transaction({ ...b, status: 'POSTED' });
        const score = twinConfidence(pending, posted);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(twinConfidence(posted, pending)).toBe(score);
        if (a.account !== b.account || a.currency !== b.currency || Math.sign(Number(a.amount.toFixed(2))) !== Math.sign(Number(b.amount.toFixed(2)))) expect(score).toBe(0);
      }),
    );
  });

  it('is 1 for a posted copy of the pending one, and at least the threshold when only the description changes', () => {
    fc.assert(
      fc.property(side, fc.string({ maxLength: 40 }), (a, other) => {
        const pending = transaction({ ...a, status: 'PENDING' });
        // A copy scores 1; without descriptions, that part is unknown (0.5): 0.88.
        expect(twinConfidence(pending, transaction({ ...a, status: 'POSTED' }))).toBe(a.description ? 1 : 0.88);
        expect(twinConfidence(pending, transaction({ ...a, description: other, status: 'POSTED' }))).toBeGreaterThanOrEqual(TWIN_THRESHOLD);
      }),
    );
  });

  it('never rises as the amount or the dates drift further apart', () => {
    fc.assert(
      fc.property(side, fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), (a, d1, d2, days1, days2) => {
        const pending = transaction({ ...a, status: 'PENDING' });
        const [near, far] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const [soon, late] = days1 <= days2 ? [days1, days2] : [days2, days1];
        const at = (drift: number, days: number) => transaction({ ...a, amount: a.amount * (1 + drift), at: a.at + days * DAY, status: 'POSTED' });
        expect(twinConfidence(pending, at(far, soon))).toBeLessThanOrEqual(twinConfidence(pending, at(near, soon)) + 0.01);
        expect(twinConfidence(pending, at(near, late))).toBeLessThanOrEqual(twinConfidence(pending, at(near, soon)));
      }),
    );
  });

  it('links on the amount only with a close date or a similar description', () => {
    const base = { account: 'a1', amount: -20, currency: 'USD', at: 1_750_000_000_000 };
    const pending = transaction({ ...base, description: 'SQ *BLUE BOTTLE 4411', status: 'PENDING' });
    expect(twinConfidence(pending, transaction({ ...base, description: 'BLUE BOTTLE COFFEE', status: 'POSTED' }))).toBeGreaterThan(0.8);
    expect(twinConfidence(pending, transaction({ ...base, at: base.at + 9 * DAY, description: 'PAYROLL', status: 'POSTED' }))).toBeLessThan(TWIN_THRESHOLD);
  });

  it('compares descriptions symmetrically, 1 for equal texts once digits and punctuation are dropped', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (a, b) => {
        const score = descriptionSimilarity(a, b);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(descriptionSimilarity(b, a)).toBeCloseTo(score, 10);
        expect(descriptionSimilarity(a, a)).toBe(1);
      }),
    );
    expect(descriptionSimilarity('WOOLWORTHS 1234 09/11', 'Woolworths')).toBe(1);
  });
});
