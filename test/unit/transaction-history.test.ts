import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultFrom, oldestHeld } from '../../src/domain/transaction-query.js';

const instants = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });

describe('transaction history window (issue 16, row 1)', () => {
  it('oldestHeld is maxMonths calendar months back: same time of day, day clamped to the month', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 1, max: 36 }), (now, maxMonths) => {
        const oldest = oldestHeld({ defaultDays: 180, maxMonths }, now)!;
        const at = new Date(now);
        const months = (at.getUTCFullYear() - oldest.getUTCFullYear()) * 12 + at.getUTCMonth() - oldest.getUTCMonth();
        expect(months).toBe(maxMonths);
        expect(oldest.getUTCDate()).toBeLessThanOrEqual(at.getUTCDate());
        expect(oldest.getTime() % 86_400_000).toBe(now % 86_400_000);
      }),
    );
  });

  it('clamps 31 March to the end of February', () => {
    expect(oldestHeld({ defaultDays: 180, maxMonths: 1 }, Date.UTC(2025, 2, 31, 12))!.toISOString()).toBe('2025-02-28T12:00:00.000Z');
  });

  it('no documented limit: null; no default window: the epoch', () => {
    expect(oldestHeld({ defaultDays: null, maxMonths: null }, Date.now())).toBeNull();
    expect(defaultFrom({ defaultDays: null, maxMonths: null }, new Date()).getTime()).toBe(0);
    fc.assert(
      fc.property(instants, fc.integer({ min: 1, max: 3650 }), (to, days) => {
        expect(to - defaultFrom({ defaultDays: days, maxMonths: null }, new Date(to)).getTime()).toBe(days * 86_400_000);
      }),
    );
  });
});
