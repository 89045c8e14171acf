import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPurgeTargets } from '../../src/domain/purge.js';
import { createLazyTransactionStore, transactionStorePurgeTarget } from '../../src/store/lazy-store.js';
import { SQLITE_FILE_NAME } from '../../src/store/store-database.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { tx } from './transaction-store.suite.js';

const scope = { provider: 'MASTERCARD_US', customerId: 'c1', institutionIds: null, accountIds: null };

describe('transaction-store purge target', () => {
  const dirs: string[] = [];
  let gateway: TestGateway | undefined;
  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('purges a customer through purgeAll and answers 0 without creating a store that was never opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tx-purge-'));
    dirs.push(dir);
    const store = createLazyTransactionStore({ dir });
    const targets = createPurgeTargets();
    targets.register(transactionStorePurgeTarget(store));
    expect(await targets.purgeAll(scope)).toEqual([{ store: 'transaction-store', deleted: 0 }]);
    expect(existsSync(join(dir, SQLITE_FILE_NAME))).toBe(false);

    await store.applyRefresh({ key: 'k', provider: 'MASTERCARD_US', customerId: 'c1', accountId: null, windowFrom: 0 }, [tx('t1'), tx('t2')], Date.now());
    expect(await targets.list()[0]?.count(scope)).toBe(2);
    expect(await targets.purgeAll(scope)).toEqual([{ store: 'transaction-store', deleted: 2 }]);
    expect(await targets.list()[0]?.count(scope)).toBe(0);
    await store.close();
  });

  it('is registered on every gateway as `transaction-store`', async () => {
    gateway = await startTestGateway();
    expect(gateway.purge.list().map((target) => target.name)).toContain('transaction-store');
    expect(await gateway.purge.list().find((target) => target.name === 'transaction-store')?.count(scope)).toBe(0);
  });
});
