import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { migrateToLatest } from './migrations.js';
import type { StoreTables } from './store-tables.js';

/** Where the transaction store lives (README "Configuration": TRANSACTION_STORE_DIR, DATABASE_URL). */
export interface StoreLocation {
  /** PostgreSQL connection URL; when set, the store is there and `dir` is not used. */
  databaseUrl?: string | undefined;
  /** PostgreSQL schema to use (created when missing); default the server's `search_path` (public). Tests use one per run. */
  schema?: string | undefined;
  /** Directory of the embedded SQLite file `transactions.sqlite` (created when missing). */
  dir: string;
}

export type StoreDialect = 'sqlite' | 'postgres';

export interface StoreDatabase {
  db: Kysely<StoreTables>;
  dialect: StoreDialect;
  close(): Promise<void>;
}

export const SQLITE_FILE_NAME = 'transactions.sqlite';
/** A writer waits this long for another's lock before failing (SQLite busy timeout). */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;
/** Connections per gateway instance: refreshes are serialised by the counter row, reads are short. */
const POSTGRES_POOL_SIZE = 5;
const SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Opens the store and runs its migrations: PostgreSQL (`pg` pool) when `databaseUrl` is set, else
 * SQLite (better-sqlite3) in `dir`, in WAL mode so readers never wait for the writer. Throws when the
 * database cannot be reached or a migration fails (the message never carries the URL: it may hold a password).
 * Each driver is loaded when its store opens: a gateway that never serves the change feed keeps
 * neither the native SQLite addon nor the PostgreSQL client resident (issue 17, memory).
 */
export async function openStoreDatabase(location: StoreLocation): Promise<StoreDatabase> {
  if (location.databaseUrl) {
    const schema = location.schema;
    if (schema !== undefined && !SCHEMA_PATTERN.test(schema)) throw new Error('transaction store: invalid PostgreSQL schema name');
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString: location.databaseUrl,
      max: POSTGRES_POOL_SIZE,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // An idle client's network error must not crash the process; the next query reports it.
    pool.on('error', () => undefined);
    let current: string;
    try {
      if (schema) await pool.query(`create schema if not exists ${schema}`);
      current = schema ?? String((await pool.query<{ schema: string }>('select current_schema() as schema')).rows[0]?.schema ?? 'public');
    } catch (error) {
      // Nothing else holds the pool: end it, or its connected idle client outlives the failed open.
      await pool.end().catch(() => undefined);
      throw error;
    }
    const db = new Kysely<StoreTables>({ dialect: new PostgresDialect({ pool }) });
    await migrateOrClose(db, current);
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const { default: Database } = await import('better-sqlite3');
  mkdirSync(location.dir, { recursive: true });
  const database = new Database(join(location.dir, SQLITE_FILE_NAME));
  database.pragma('journal_mode = WAL');
  database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  const db = new Kysely<StoreTables>({ dialect: new SqliteDialect({ database }) });
  await migrateOrClose(db);
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

async function migrateOrClose(db: Kysely<StoreTables>, schema?: string): Promise<void> {
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>, schema);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
}
