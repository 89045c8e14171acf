import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lazyAccountWindow } from '../../src/domain/account-window.js';

/**
 * Issue 17: a customer window read lazily, account by account, answers exactly what reading the
 * whole window and filtering by account answers — records left out included.
 */
interface Raw {
  id: number;
  accountId: unknown;
  readable: boolean;
}
interface Read {
  id: number;
  account: string | null;
}

const accountOf = (raw: unknown): string | null => {
  const id = (raw as Raw).accountId;
  return typeof id === 'string' ? id : typeof id === 'number' ? String(id) : null;
};

function windowOver(raws: Raw[]) {
  const reads: number[] = [];
  const page = lazyAccountWindow<Read>({
    raws,
    read: (raw) => {
      const record = raw as Raw;
      reads.push(record.id);
      return record.readable ? { id: record.id, account: accountOf(record) } : undefined;
    },
    accountOf,
    offset: 0,
    hasMore: false,
    totalCount: raws.length,
  });
  return { page, reads };
}

const raw = fc.record({
  id: fc.nat(),
  accountId: fc.oneof(fc.constantFrom('a1', 'a2', 'a3'), fc.constantFrom(7, 8), fc.constant(null), fc.constant({ nested: true })),
  readable: fc.boolean(),
});

describe('lazy account window', () => {
  it('gives each account the records reading everything and filtering would give', () => {
    fc.assert(
      fc.property(fc.array(raw, { maxLength: 60 }), fc.constantFrom('a1', 'a2', '7', 'none'), fc.nat({ max: 70 }), (raws, account, count) => {
        const lazy = windowOver(raws).page.accountRecords(account, count);
        const eager = windowOver(raws).page.items.filter((record) => record.account === account).slice(0, count);
        expect(lazy).toEqual(eager);
      }),
    );
  });

  it('reads only the records a page needs, each at most once, and counts left-out positions in span', () => {
    const raws: Raw[] = Array.from({ length: 30 }, (_, index) => ({ id: index, accountId: `a${index % 3}`, readable: index !== 3 }));
    const { page, reads } = windowOver(raws);
    expect(page.accountRecords('a0', 2).map((record) => record.id)).toEqual([0, 6]);
    // a0's records are 0, 3, 6 …; 3 is unreadable and was read (and left out) on the way.
    expect(reads).toEqual([0, 3, 6]);
    expect(page.accountRecords('a0', 2).map((record) => record.id)).toEqual([0, 6]);
    expect(reads).toEqual([0, 3, 6]);
    expect(page.items).toHaveLength(29);
    expect(page.span).toBe(30);
    expect(new Set(reads).size).toBe(reads.length);
    expect(reads).toHaveLength(30);
  });

  it('has no span when every record is readable', () => {
    const { page } = windowOver([{ id: 1, accountId: 'a', readable: true }]);
    expect(page.span).toBeUndefined();
    expect(page.positions).toBe(1);
  });
});
