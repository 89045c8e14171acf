import { randomUUID } from 'node:crypto';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/**
 * The store's schema migrations, as code, in name order (kysely's Migrator runs each once and records
 * it in `kysely_migration`, under a lock, in both SQLite and PostgreSQL). Never edit a released
 * migration: add the next one.
 */
const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026-11-30-001-transaction-store': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sync_state')
        .addColumn('id', 'integer', (column) => column.primaryKey())
        .addColumn('last_seq', 'bigint', (column) => column.notNull())
        .addColumn('store_id', 'text', (column) => column.notNull())
        .execute();
      await sql`insert into sync_state (id, last_seq, store_id) values (1, 0, ${randomUUID()})`.execute(db);
      await db.schema
        .createTable('sync_transactions')
        .addColumn('provider', 'text', (column) => column.notNull())
        .addColumn('transaction_id', 'text', (column) => column.notNull())
        .addColumn('global_id', 'text', (column) => column.notNull())
        .addColumn('customer_id', 'text')
        .addColumn('customer_global_id', 'text')
        .addColumn('account_id', 'text')
        .addColumn('account_global_id', 'text')
        .addColumn('institution_id', 'text')
        .addColumn('amount', 'text', (column) => column.notNull())
        .addColumn('currency', 'text', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('provider_status', 'text')
        .addColumn('description', 'text')
        .addColumn('memo', 'text')
        .addColumn('category', 'text')
        .addColumn('payee', 'text')
        .addColumn('posted_at', 'bigint')
        .addColumn('transacted_at', 'bigint')
        .addColumn('fetched_at', 'bigint', (column) => column.notNull())
        .addColumn('seq', 'bigint', (column) => column.notNull())
        .addColumn('added_seq', 'bigint', (column) => column.notNull())
        .addColumn('removed', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('replaced_by', 'text')
        .addColumn('replaced_confidence', 'integer')
        .addPrimaryKeyConstraint('sync_transactions_pk', ['global_id'])
        .execute();
      // The feed reads by sequence; refreshes and purges by provider and customer.
      await db.schema.createIndex('sync_transactions_seq').on('sync_transactions').column('seq').execute();
      await db.schema.createIndex('sync_transactions_customer').on('sync_transactions').columns(['provider', 'customer_id']).execute();
      await db.schema
        .createTable('sync_units')
        .addColumn('unit_key', 'text', (column) => column.primaryKey())
        .addColumn('provider', 'text', (column) => column.notNull())
        .addColumn('customer_id', 'text')
        .addColumn('fetched_at', 'bigint', (column) => column.notNull())
        .execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

/**
 * Brings the schema up to the latest migration; throws the migration's own error when one fails.
 * `schema` (PostgreSQL) is where the store lives: kysely's migrator looks for its own tables in any
 * schema unless told which, and would take another schema's for this one's.
 */
export async function migrateToLatest(db: Kysely<unknown>, schema?: string): Promise<void> {
  const { error } = await new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`transaction store migration failed: ${String(error)}`);
}

/** Names of the migrations this build knows, in order (tests compare them with what ran). */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS).sort();
