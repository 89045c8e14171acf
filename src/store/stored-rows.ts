import { decodeGlobalId, encodeGlobalId } from '../domain/global-id.js';
import { compareDecimals, isDecimalString } from '../domain/decimal.js';
import { moneyOf } from '../domain/money.js';
import type { Transaction, TransactionStatus } from '../domain/model.js';
import type { ProviderKey } from '../domain/provider.js';
import type { Selectable } from 'kysely';
import type { SyncTransactionsTable } from './store-tables.js';

/** A transaction as a refresh read it from its provider, with what the store keeps beside it. */
export interface FetchedTransaction {
  transaction: Transaction;
  /** The account's institution (purge per institution), when known. */
  institutionId: string | null;
}

/** One row of the store as the feed serves it. */
export interface StoredTransaction {
  /** The latest state read (for a removed row: the last state the provider returned). */
  transaction: Transaction;
  institutionId: string | null;
  /** When a provider last returned (or, for a removed row, stopped returning) it. */
  fetchedAt: Date;
  /** Change sequence of the row's last change. */
  seq: number;
  /** Sequence at which it (last) appeared. */
  addedSeq: number;
  removed: boolean;
  /** Removed because the gateway purged it (the customer's consent ended): only its ids are kept. */
  purged: boolean;
  /** Removed pending rows: the posted twin's global ID and the link's confidence (0–1). */
  replacedBy: string | null;
  replacedConfidence: number | null;
}

/** A selected row (PostgreSQL answers `bigint` columns as strings). */
export type StoredRow = Selectable<SyncTransactionsTable>;

const toMs = (date: Date | null): number | null => (date === null ? null : date.getTime());
const fromMs = (value: number | string | null): Date | null => (value === null ? null : new Date(Number(value)));

/** The columns a transaction's content maps to (what a modification compares). */
export function contentColumns(fetched: FetchedTransaction) {
  const { transaction } = fetched;
  return {
    global_id: encodeGlobalId(transaction.ref),
    customer_id: transaction.customerRef?.id ?? null,
    customer_global_id: transaction.customerRef ? encodeGlobalId(transaction.customerRef) : null,
    account_id: transaction.accountRef?.id ?? null,
    account_global_id: transaction.accountRef ? encodeGlobalId(transaction.accountRef) : null,
    amount: transaction.amount.amount,
    currency: transaction.amount.currency,
    status: transaction.status,
    provider_status: transaction.providerStatus,
    description: transaction.description,
    memo: transaction.memo,
    category: transaction.category,
    payee: transaction.payee,
    posted_at: toMs(transaction.postedAt),
    transacted_at: toMs(transaction.transactedAt),
  };
}

/** Fields whose change is a modification the feed reports (pending → posted, amount, description …). */
const COMPARED = [
  'amount',
  'currency',
  'status',
  'provider_status',
  'description',
  'memo',
  'category',
  'payee',
  'posted_at',
  'transacted_at',
  'account_global_id',
] as const;

export function contentChanged(stored: StoredRow, fetched: ReturnType<typeof contentColumns>): boolean {
  return COMPARED.some((column) => {
    const before = stored[column];
    const after = fetched[column];
    // Rows stored before amounts had one form ("-56.4", now "-56.40") are the same amount.
    if (column === 'amount' && isDecimalString(stored.amount) && isDecimalString(fetched.amount)) return compareDecimals(stored.amount, fetched.amount) !== 0;
    return (before === null ? null : String(before)) !== (after === null ? null : String(after));
  });
}

/** The instant that places a row in a provider's window: posted, else transacted; null = undated. */
export function rowDate(row: Pick<StoredRow, 'posted_at' | 'transacted_at'>): number | null {
  const value = row.posted_at ?? row.transacted_at;
  return value === null ? null : Number(value);
}

/** A stored row back as the unified Transaction (provider details are not kept: null). */
/** The status of a purge tombstone: a row whose content was deleted, kept so the feed reports it removed. */
export const PURGED_STATUS = 'PURGED';

export function toStoredTransaction(row: StoredRow): StoredTransaction {
  const ref = decodeGlobalId(row.global_id, 'Transaction');
  const transaction: Transaction = {
    ref,
    provider: row.provider as ProviderKey,
    providerId: row.transaction_id,
    accountRef: row.account_global_id === null ? null : decodeGlobalId(row.account_global_id, 'Account'),
    customerRef: row.customer_global_id === null ? null : decodeGlobalId(row.customer_global_id, 'Customer'),
    amount: row.status === PURGED_STATUS || !isDecimalString(row.amount) ? { amount: row.amount, currency: row.currency } : moneyOf(row.amount, row.currency),
    status: row.status as TransactionStatus,
    providerStatus: row.provider_status,
    description: row.description,
    memo: row.memo,
    category: row.category,
    payee: row.payee,
    postedAt: fromMs(row.posted_at),
    transactedAt: fromMs(row.transacted_at),
    details: null,
  };
  return {
    transaction,
    institutionId: row.institution_id,
    fetchedAt: new Date(Number(row.fetched_at)),
    seq: Number(row.seq),
    addedSeq: Number(row.added_seq),
    removed: Number(row.removed) === 1,
    purged: row.status === PURGED_STATUS,
    replacedBy: row.replaced_by,
    replacedConfidence: row.replaced_confidence === null ? null : Number(row.replaced_confidence) / 100,
  };
}
