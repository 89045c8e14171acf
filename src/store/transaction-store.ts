import { sql, type ExpressionBuilder, type Insertable, type Kysely, type Transaction as DbTransaction } from 'kysely';
import type { PurgeScope } from '../domain/purge.js';
import type { StoreDatabase, StoreDialect } from './store-database.js';
import type { StoreTables, SyncTransactionsTable } from './store-tables.js';
import { contentChanged, contentColumns, PURGED_STATUS, rowDate, toStoredTransaction, type FetchedTransaction, type StoredRow, type StoredTransaction } from './stored-rows.js';

/** What one refresh of a unit compares: the stored rows of this provider, customer and/or account. */
export interface RefreshUnit {
  /** Freshness key (`sync_units`), e.g. `OBP|customer|c1`. */
  key: string;
  provider: string;
  /** Only this customer's rows (native id); null = every customer of the provider. */
  customerId: string | null;
  /** Only this account's rows (native id); null = every account. */
  accountId: string | null;
  /** Epoch ms: stored rows dated before it lie outside what the provider was asked for, so are never reported removed. */
  windowFrom: number;
}

/** A removed pending row and the posted rows added by the same refresh: the linker picks its twin. */
export type TwinLinker = (removed: StoredTransaction, candidates: readonly FetchedTransaction[]) => { twin: FetchedTransaction; confidence: number } | null;

export interface RefreshOutcome {
  added: number;
  modified: number;
  removed: number;
  /** The store's last sequence after this refresh. */
  lastSeq: number;
}

/**
 * Which rows the feed reads: per provider, its named customers' and accounts' rows (native ids), or
 * every row of it when it names none. No parts: no rows.
 */
export interface FeedFilter {
  parts: ReadonlyArray<{ provider: string; customerIds: readonly string[]; accountIds: readonly string[] }>;
}

export interface TransactionStore {
  readonly dialect: StoreDialect;
  /** Random per store: cursors carry it, so a cursor of another store is refused. */
  storeId(): Promise<string>;
  lastSequence(): Promise<number>;
  /**
   * Replaces the unit's rows with what its provider returned, in one database transaction that holds
   * the store's counter row (refreshes are serialised, sequences commit in order): new rows are
   * added, changed ones modified, missing ones dated inside the window removed (a removed pending row
   * linked to its posted twin by `link`), each change taking the next sequence.
   */
  applyRefresh(unit: RefreshUnit, fetched: readonly FetchedTransaction[], fetchedAt: number, link?: TwinLinker): Promise<RefreshOutcome>;
  /**
   * Rows changed after `afterSeq`, in sequence order, at most `limit` (+1 tells whether more follow).
   * A row added and removed since `afterSeq` is left out: that caller never saw it.
   */
  readChanges(filter: FeedFilter, afterSeq: number, limit: number): Promise<StoredTransaction[]>;
  /** When each unit was last read from its provider (epoch ms); absent = never. */
  unitsFetchedAt(keys: readonly string[]): Promise<Map<string, number>>;
  /** Records that a unit made of several refreshes (a provider's whole part) was read completely at `fetchedAt`. */
  recordFetched(key: string, provider: string, fetchedAt: number): Promise<void>;
  /** Rows a purge of `scope` would delete. */
  count(scope: PurgeScope): Promise<number>;
  /**
   * Deletes the content of the scope's rows and their refresh records. Each row becomes a tombstone
   * (ids only: provider, transaction, customer, account and institution ids; no amount, text or
   * dates) with a new sequence, so the feed reports it `removed` with `purged: true` and a warehouse
   * deletes its copy too (CDR: delete data derived from a revoked consent). Answers the rows purged.
   */
  purge(scope: PurgeScope): Promise<number>;
  close(): Promise<void>;
}

type Db = Kysely<StoreTables> | DbTransaction<StoreTables>;
type TxBuilder = ExpressionBuilder<StoreTables, 'sync_transactions'>;
/** A condition no row meets (SQLite binds no booleans, so not `eb.val(false)`). */
const NOTHING = sql<boolean>`1 = 0`;
/** Rows per multi-row INSERT: 100 × 26 columns stays far below both databases' bound-parameter limits. */
const INSERT_BATCH = 100;
/** Ids per `in (…)` list: far below SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

function unitFilter(unit: RefreshUnit) {
  return (eb: TxBuilder) =>
    eb.and([
      eb('provider', '=', unit.provider),
      ...(unit.customerId === null ? [] : [eb('customer_id', '=', unit.customerId)]),
      ...(unit.accountId === null ? [] : [eb('account_id', '=', unit.accountId)]),
    ]);
}

function purgeFilter(scope: PurgeScope) {
  return (eb: TxBuilder) => {
    const owner = [eb('provider', '=', scope.provider), eb('customer_id', '=', scope.customerId)];
    if (scope.institutionIds === null) return eb.and(owner);
    const which = [];
    if (scope.institutionIds.length > 0) which.push(eb('institution_id', 'in', [...scope.institutionIds]));
    if (scope.accountIds && scope.accountIds.length > 0) which.push(eb('account_id', 'in', [...scope.accountIds]));
    return which.length === 0 ? NOTHING : eb.and([...owner, eb.or(which)]);
  };
}

async function upsertUnit(db: Db, key: string, provider: string, customerId: string | null, fetchedAt: number): Promise<void> {
  await db
    .insertInto('sync_units')
    .values({ unit_key: key, provider, customer_id: customerId, fetched_at: fetchedAt })
    .onConflict((conflict) => conflict.column('unit_key').doUpdateSet({ fetched_at: fetchedAt }))
    .execute();
}

/** The store over an open database (src/store/store-database.ts); SQLite and PostgreSQL alike. */
export function createTransactionStore(database: StoreDatabase): TransactionStore {
  const { db } = database;

  async function rowsOfUnit(trx: Db, unit: RefreshUnit, ids: readonly string[]): Promise<Map<string, StoredRow>> {
    const rows = new Map<string, StoredRow>();
    for (const row of await trx.selectFrom('sync_transactions').selectAll().where(unitFilter(unit)).execute()) rows.set(row.global_id, row);
    const outside = ids.filter((id) => !rows.has(id));
    for (const part of chunks(outside)) {
      for (const row of await trx.selectFrom('sync_transactions').selectAll().where('global_id', 'in', part).execute()) rows.set(row.global_id, row);
    }
    return rows;
  }

  return {
    dialect: database.dialect,
    async storeId() {
      const row = await db.selectFrom('sync_state').select('store_id').where('id', '=', 1).executeTakeFirstOrThrow();
      return row.store_id;
    },
    async lastSequence() {
      const row = await db.selectFrom('sync_state').select('last_seq').where('id', '=', 1).executeTakeFirstOrThrow();
      return Number(row.last_seq);
    },
    applyRefresh(unit, fetched, fetchedAt, link) {
      return db.transaction().execute(async (trx) => {
        // Takes the counter row's lock (PostgreSQL) or the write lock (SQLite) first: refreshes run one
        // at a time, so every sequence commits in order and a reader never skips one.
        await trx.updateTable('sync_state').set({ last_seq: sql`last_seq` }).where('id', '=', 1).execute();
        const { last_seq } = await trx.selectFrom('sync_state').select('last_seq').where('id', '=', 1).executeTakeFirstOrThrow();
        let seq = Number(last_seq);
        const incoming = fetched.map((item) => ({ item, columns: contentColumns(item) }));
        const stored = await rowsOfUnit(trx, unit, incoming.map(({ columns }) => columns.global_id));
        const seen = new Set<string>();
        const added: FetchedTransaction[] = [];
        const inserts: Array<Insertable<SyncTransactionsTable>> = [];
        let modified = 0;
        for (const { item, columns } of incoming) {
          if (seen.has(columns.global_id)) continue;
          seen.add(columns.global_id);
          const before = stored.get(columns.global_id);
          const common = { ...columns, transaction_id: item.transaction.providerId, provider: item.transaction.provider, institution_id: item.institutionId, fetched_at: fetchedAt };
          if (before === undefined) {
            seq += 1;
            inserts.push({ ...common, seq, added_seq: seq, removed: 0, replaced_by: null, replaced_confidence: null });
            added.push(item);
          } else if (Number(before.removed) === 1) {
            seq += 1;
            await trx.updateTable('sync_transactions').set({ ...common, seq, added_seq: seq, removed: 0, replaced_by: null, replaced_confidence: null }).where('global_id', '=', columns.global_id).execute();
            added.push(item);
          } else if (contentChanged(before, columns)) {
            seq += 1;
            modified += 1;
            await trx.updateTable('sync_transactions').set({ ...common, seq }).where('global_id', '=', columns.global_id).execute();
          }
        }
        // New rows go in batches: one statement per INSERT_BATCH rows, not per row.
        for (let i = 0; i < inserts.length; i += INSERT_BATCH) await trx.insertInto('sync_transactions').values(inserts.slice(i, i + INSERT_BATCH)).execute();
        // Everything the provider returned (and everything it stopped returning) was read now.
        await trx.updateTable('sync_transactions').set({ fetched_at: fetchedAt }).where(unitFilter(unit)).where('removed', '=', 0).execute();
        for (const part of chunks([...seen])) await trx.updateTable('sync_transactions').set({ fetched_at: fetchedAt }).where('global_id', 'in', part).execute();

        const gone = [...stored.values()].filter((row) => {
          if (seen.has(row.global_id) || Number(row.removed) === 1 || row.provider !== unit.provider) return false;
          if (unit.customerId !== null && row.customer_id !== unit.customerId) return false;
          if (unit.accountId !== null && row.account_id !== unit.accountId) return false;
          const date = rowDate(row);
          return date === null || date >= unit.windowFrom;
        });
        const candidates = added.filter((item) => item.transaction.status === 'POSTED');
        for (const row of gone) {
          seq += 1;
          const removed = toStoredTransaction(row);
          const twin = removed.transaction.status === 'PENDING' && link ? link(removed, candidates) : null;
          if (twin) candidates.splice(candidates.indexOf(twin.twin), 1);
          await trx
            .updateTable('sync_transactions')
            .set({
              seq,
              removed: 1,
              fetched_at: fetchedAt,
              replaced_by: twin ? contentColumns(twin.twin).global_id : null,
              replaced_confidence: twin ? Math.round(twin.confidence * 100) : null,
            })
            .where('global_id', '=', row.global_id)
            .execute();
        }
        await trx.updateTable('sync_state').set({ last_seq: seq }).where('id', '=', 1).execute();
        await upsertUnit(trx, unit.key, unit.provider, unit.customerId, fetchedAt);
        return { added: added.length, modified, removed: gone.length, lastSeq: seq };
      });
    },
    async readChanges(filter, afterSeq, limit) {
      const rows = await db
        .selectFrom('sync_transactions')
        .selectAll()
        .where('seq', '>', afterSeq)
        .where((eb) => eb.not(eb.and([eb('removed', '=', 1), eb('added_seq', '>', afterSeq)])))
        .where((eb) => {
          const parts = filter.parts.map((part) => {
            const named = [
              ...(part.customerIds.length > 0 ? [eb('customer_id', 'in', [...part.customerIds])] : []),
              ...(part.accountIds.length > 0 ? [eb('account_id', 'in', [...part.accountIds])] : []),
            ];
            return named.length === 0 ? eb('provider', '=', part.provider) : eb.and([eb('provider', '=', part.provider), eb.or(named)]);
          });
          return parts.length === 0 ? NOTHING : eb.or(parts);
        })
        .orderBy('seq')
        .limit(limit + 1)
        .execute();
      return rows.map((row) => toStoredTransaction(row));
    },
    async unitsFetchedAt(keys) {
      const found = new Map<string, number>();
      for (const part of chunks(keys)) {
        for (const row of await db.selectFrom('sync_units').select(['unit_key', 'fetched_at']).where('unit_key', 'in', part).execute()) {
          found.set(row.unit_key, Number(row.fetched_at));
        }
      }
      return found;
    },
    recordFetched: (key, provider, fetchedAt) => upsertUnit(db, key, provider, null, fetchedAt),
    async count(scope) {
      const row = await db
        .selectFrom('sync_transactions')
        .select((eb) => eb.fn.countAll().as('n'))
        .where(purgeFilter(scope))
        .where('status', '!=', PURGED_STATUS)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    purge(scope) {
      return db.transaction().execute(async (trx) => {
        // The counter row's lock first, as a refresh takes it: sequences commit in order.
        await trx.updateTable('sync_state').set({ last_seq: sql`last_seq` }).where('id', '=', 1).execute();
        const { last_seq } = await trx.selectFrom('sync_state').select('last_seq').where('id', '=', 1).executeTakeFirstOrThrow();
        let seq = Number(last_seq);
        const doomed = await trx.selectFrom('sync_transactions').select('global_id').where(purgeFilter(scope)).where('status', '!=', PURGED_STATUS).orderBy('global_id').execute();
        const wiped = { amount: '0', currency: '', status: PURGED_STATUS, provider_status: null, description: null, memo: null, category: null, payee: null, posted_at: null, transacted_at: null, removed: 1, replaced_by: null, replaced_confidence: null };
        // One sequence per row, so a feed page boundary never splits rows that share one.
        for (const { global_id } of doomed) {
          seq += 1;
          await trx.updateTable('sync_transactions').set({ ...wiped, seq, fetched_at: Date.now() }).where('global_id', '=', global_id).execute();
        }
        await trx.updateTable('sync_state').set({ last_seq: seq }).where('id', '=', 1).execute();
        // The customer's refresh records go too, so the next sync reads the provider again.
        await trx.deleteFrom('sync_units').where('provider', '=', scope.provider).where('customer_id', '=', scope.customerId).execute();
        return doomed.length;
      });
    },
    close: () => database.close(),
  };
}
