import { lazyAccountWindow, type AccountIndexedPage } from '../../domain/account-window.js';
import type { PageRequest, Transaction } from '../../domain/model.js';
import { readAndMap, type ReadContext } from '../record-reader.js';
import type { WireTransaction } from './wire.js';
import { transactionRecord } from './wire-fast-path.js';

/** A raw transaction's `accountId` as `flexibleId` will read it; null when it has none that reads. */
function rawAccountId(raw: unknown): string | null {
  const id = typeof raw === 'object' && raw !== null ? (raw as { accountId?: unknown }).accountId : undefined;
  if (typeof id === 'string') return id;
  return typeof id === 'number' && Number.isFinite(id) ? String(id) : null;
}

/**
 * One transactions answer (`{found, moreAvailable, transactions}`, us-notes.md, Transactions) as a
 * page whose records are read — tolerantly, one by one (record-reader.ts) — when a page asks for
 * them (account-window.ts). `span` is the provider's positions once a record is left out, so the
 * next window starts after all of them; `totalCount` is `found`, which counts every record.
 */
export function transactionWindowPage(
  body: { transactions: unknown[]; moreAvailable?: boolean | null; found?: number | null },
  window: PageRequest,
  context: ReadContext,
  map: (wire: WireTransaction) => Transaction,
): AccountIndexedPage<Transaction> {
  return lazyAccountWindow({
    raws: body.transactions,
    read: (raw) => readAndMap(transactionRecord, raw, context, map),
    accountOf: rawAccountId,
    offset: window.offset,
    hasMore: body.moreAvailable ?? false,
    totalCount: body.found ?? null,
  });
}
