import type { Page, PageRequest } from '../../domain/model.js';

/** Reads one bank's list at an offset: what OBP's `limit`/`offset` give (no total, no next flag). */
export type BankWindow<T> = (bankId: string, window: PageRequest) => Promise<T[]>;

/**
 * Largest `limit` sent when counting a bank we are paging past. OBP enforces no maximum on the
 * customers list in this version (meta.pagination: OBP-10012 is not checked there), so this only
 * bounds the size of one answer.
 */
export const COUNT_WINDOW = 1000;

/** How many items a bank has, knowing it has at most `atMost` (its list at offset `atMost` was empty). */
async function countUpTo<T>(bankId: string, atMost: number, read: BankWindow<T>): Promise<number> {
  let counted = 0;
  for (;;) {
    const limit = Math.min(COUNT_WINDOW, atMost - counted);
    if (limit <= 0) return counted;
    const window = await read(bankId, { offset: counted, limit });
    counted += window.length;
    if (window.length < limit) return counted;
  }
}

/**
 * One offset-paged list over several banks: bank lists concatenated in `bankIds` order, so the
 * global offset of a record is the sizes of the banks before it plus its offset in its own bank.
 * OBP reports no totals, so paging past a bank costs one probe (the window at the remaining offset
 * is empty) and one count of that bank; the banks after the page's start are then read together.
 * Offsets stay stable as long as no bank before a record gains or loses records: each bank list is
 * read oldest first, so records added meanwhile land at the end of their bank.
 */
export async function mergeBankLists<T>(bankIds: readonly string[], read: BankWindow<T>, page: PageRequest): Promise<Page<T>> {
  let skip = page.offset;
  // One more than asked tells whether the merged list goes on.
  let want = page.limit + 1;
  const collected: T[] = [];
  let index = 0;
  while (index < bankIds.length && skip > 0) {
    const bankId = bankIds[index]!;
    index += 1;
    const window = await read(bankId, { offset: skip, limit: want });
    if (window.length === 0) {
      skip -= await countUpTo(bankId, skip, read);
      continue;
    }
    collected.push(...window);
    want -= window.length;
    skip = 0;
  }
  if (skip === 0 && want > 0 && index < bankIds.length) {
    const windows = await Promise.all(bankIds.slice(index).map((bankId) => read(bankId, { offset: 0, limit: want })));
    for (const window of windows) {
      const taken = window.slice(0, want);
      collected.push(...taken);
      want -= taken.length;
      if (want === 0) break;
    }
  }
  const reachedEnd = want > 0;
  return {
    items: collected.slice(0, page.limit),
    offset: page.offset,
    hasMore: !reachedEnd,
    totalCount: reachedEnd ? page.offset - skip + collected.length : null,
  };
}
