import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLazyTransactionStore } from '../../src/store/lazy-store.js';
import type { TransactionStore } from '../../src/store/transaction-store.js';
import { databaseUrlOrSkip, dropSchema, uniqueSchema } from '../support/postgres.js';
import { transactionStoreSuite } from './transaction-store.suite.js';

const databaseUrl = databaseUrlOrSkip();

describe.skipIf(!databaseUrl)('PostgreSQL (DATABASE_URL)', () => {
  // Another store in the same database (another worktree's run, another gateway): each store must
  // keep to its own schema's migration tables, not take the other's for its own.
  const decoySchema = uniqueSchema('decoy');
  let decoy: TransactionStore;
  beforeAll(async () => {
    decoy = createLazyTransactionStore({ dir: '/nonexistent', databaseUrl, schema: decoySchema });
    await decoy.lastSequence();
  });
  afterAll(async () => {
    await decoy?.close();
    await dropSchema(databaseUrl!, decoySchema);
  });

  transactionStoreSuite('PostgreSQL', () => {
    const schema = uniqueSchema('txstore');
    return {
      open: async () => createLazyTransactionStore({ dir: '/nonexistent', databaseUrl, schema }),
      destroy: () => dropSchema(databaseUrl!, schema),
    };
  });

  it('answers a failed open as retryable, without the URL, and leaves no connection open', async () => {
    // `pg_` is reserved for system schemas: `create schema` fails after the pool has connected.
    const applicationName = `txstore_${randomBytes(6).toString('hex')}`;
    const url = new URL(databaseUrl!);
    url.searchParams.set('application_name', applicationName);
    const store = createLazyTransactionStore({ dir: '/nonexistent', databaseUrl: url.toString(), schema: `pg_${applicationName}` });
    try {
      const failure = await store.lastSequence().then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toMatchObject({ code: 'INTERNAL', retryable: true, message: 'The transaction store could not be opened; retry later' });
      expect(String((failure as Error).message)).not.toContain(url.host);
      // No connection stays open behind a failed open (the pool's ending: test/store/store-database.test.ts).
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        let open = -1;
        for (let tries = 0; tries < 20 && open !== 0; tries += 1) {
          if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 100));
          open = Number((await client.query<{ n: string }>('select count(*) as n from pg_stat_activity where application_name = $1', [applicationName])).rows[0]!.n);
        }
        expect(open).toBe(0);
      } finally {
        await client.end();
      }
    } finally {
      await store.close();
    }
  });
});
