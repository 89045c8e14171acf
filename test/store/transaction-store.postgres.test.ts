import { describe } from 'vitest';
import { createLazyTransactionStore } from '../../src/store/lazy-store.js';
import { databaseUrlOrSkip, dropSchema, uniqueSchema } from '../support/postgres.js';
import { transactionStoreSuite } from './transaction-store.suite.js';

const databaseUrl = databaseUrlOrSkip();

describe.skipIf(!databaseUrl)('PostgreSQL (DATABASE_URL)', () => {
  transactionStoreSuite('PostgreSQL', () => {
    const schema = uniqueSchema('txstore');
    return {
      open: async () => createLazyTransactionStore({ dir: '/nonexistent', databaseUrl, schema }),
      destroy: () => dropSchema(databaseUrl!, schema),
    };
  });
});
