import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLazyTransactionStore } from '../../src/store/lazy-store.js';
import { transactionStoreSuite } from './transaction-store.suite.js';

transactionStoreSuite('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tx-store-'));
  return {
    open: async () => createLazyTransactionStore({ dir }),
    destroy: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
