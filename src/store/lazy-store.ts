import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GatewayError } from '../domain/errors.js';
import type { PurgeTarget } from '../domain/purge.js';
import { openStoreDatabase, SQLITE_FILE_NAME, type StoreLocation } from './store-database.js';
import { createTransactionStore, type TransactionStore } from './transaction-store.js';

/**
 * The gateway's transaction store, opened (and migrated) on first use, so a gateway that never
 * serves the change feed never creates a file or a database connection. A failed open is retried
 * on the next call, so it is INTERNAL with `retryable: true` and a message that names neither the
 * directory nor the URL (the cause, kept for the log, does). A purge before any open of an SQLite store whose file does not exist has
 * nothing to delete and answers 0 without creating it.
 */
export function createLazyTransactionStore(location: StoreLocation): TransactionStore {
  let opening: Promise<TransactionStore> | null = null;
  let closed = false;
  const open = (): Promise<TransactionStore> => {
    if (closed) return Promise.reject(new Error('transaction store is closed'));
    opening ??= openStoreDatabase(location)
      .then(createTransactionStore)
      .catch((error: unknown) => {
        opening = null;
        throw new GatewayError('INTERNAL', 'The transaction store could not be opened; retry later', { retryable: true, cause: error });
      });
    return opening;
  };
  const nothingStored = () => opening === null && !location.databaseUrl && !existsSync(join(location.dir, SQLITE_FILE_NAME));
  return {
    dialect: location.databaseUrl ? 'postgres' : 'sqlite',
    storeId: async () => (await open()).storeId(),
    lastSequence: async () => (await open()).lastSequence(),
    applyRefresh: async (...args) => (await open()).applyRefresh(...args),
    readChanges: async (...args) => (await open()).readChanges(...args),
    unitsFetchedAt: async (keys) => (await open()).unitsFetchedAt(keys),
    recordFetched: async (...args) => (await open()).recordFetched(...args),
    count: async (scope) => (nothingStored() ? 0 : (await open()).count(scope)),
    purge: async (scope) => (nothingStored() ? 0 : (await open()).purge(scope)),
    async close() {
      closed = true;
      const pending = opening;
      opening = null;
      if (pending) await (await pending.catch(() => null))?.close();
    },
  };
}

/** The store's purge target (`transaction-store`): the consent purge deletes a customer's rows per institution. */
export function transactionStorePurgeTarget(store: TransactionStore): PurgeTarget {
  return { name: 'transaction-store', count: (scope) => store.count(scope), purge: (scope) => store.purge(scope) };
}
