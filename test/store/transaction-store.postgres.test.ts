import { afterAll, beforeAll, describe } from 'vitest';
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
});
