import type { ColumnType } from 'kysely';

/**
 * The transaction store's tables (src/store/migrations.ts creates them). Only what the change feed
 * needs: no full account numbers (accounts are kept as global IDs), no SSNs, no provider bodies.
 * Times are epoch milliseconds; sequences are the store's change-log positions. PostgreSQL hands
 * `bigint` back as a string, so reads go through `Number()` (sequences and times stay below 2^53).
 */
type BigIntColumn = ColumnType<number | string, number, number>;
type NullableBigIntColumn = ColumnType<number | string | null, number | null, number | null>;

/** One row, the single store-wide counter: the last change sequence handed out. */
export interface SyncStateTable {
  id: number;
  last_seq: BigIntColumn;
  /** Random per store (set by the first migration): cursors of another store are refused. */
  store_id: string;
}

/** The latest known state of one provider transaction (or Caibo payment request). */
export interface SyncTransactionsTable {
  provider: string;
  /** The provider's native transaction id. */
  transaction_id: string;
  /** The transaction's global ID, as callers see it (primary key: it names provider, id and scope). */
  global_id: string;
  /** Native customer id (purge scope); null when the provider names none. */
  customer_id: string | null;
  customer_global_id: string | null;
  /** Native account id (purge scope); null for Caibo payment requests. */
  account_id: string | null;
  account_global_id: string | null;
  /** The account's institution (purge per institution), when the provider says. */
  institution_id: string | null;
  amount: string;
  currency: string;
  status: string;
  provider_status: string | null;
  description: string | null;
  memo: string | null;
  category: string | null;
  payee: string | null;
  posted_at: NullableBigIntColumn;
  transacted_at: NullableBigIntColumn;
  /** When a provider last returned this row (epoch ms). */
  fetched_at: BigIntColumn;
  /** Sequence of the row's last change (added, modified or removed). */
  seq: BigIntColumn;
  /** Sequence at which the row (last) appeared. */
  added_seq: BigIntColumn;
  /** 1 once the provider stopped returning it. */
  removed: number;
  /** A removed pending row: the global ID of the posted twin that replaced it, when one was found. */
  replaced_by: string | null;
  /** Confidence of that link in percent (0–100), see src/sync/twin-confidence.ts. */
  replaced_confidence: number | null;
}

/** When a refresh unit (a customer, an account, a provider-wide list) was last read from its provider. */
export interface SyncUnitsTable {
  unit_key: string;
  provider: string;
  customer_id: string | null;
  fetched_at: BigIntColumn;
}

export interface StoreTables {
  sync_state: SyncStateTable;
  sync_transactions: SyncTransactionsTable;
  sync_units: SyncUnitsTable;
}
