import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeGlobalId, ref } from '../../src/domain/global-id.js';
import type { Transaction, TransactionStatus } from '../../src/domain/model.js';
import type { FetchedTransaction } from '../../src/store/stored-rows.js';
import type { RefreshUnit, TransactionStore, TwinLinker } from '../../src/store/transaction-store.js';

/**
 * The transaction store's contract, run against every dialect (SQLite in a temp dir, PostgreSQL in a
 * schema of its own): `open` gives a store over the same database each time it is called, so a test
 * can close it and open it again ("restart").
 */
export interface StoreHarness {
  open(): Promise<TransactionStore>;
  /** Removes the database (temp dir, schema). */
  destroy(): Promise<void>;
}

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30, 9, 0, 0);

export function tx(id: string, options: { customer?: string; account?: string | null; amount?: string; status?: TransactionStatus; description?: string; postedAt?: number | null; provider?: string } = {}): FetchedTransaction {
  const provider = options.provider ?? 'MASTERCARD_US';
  const customer = options.customer ?? 'c1';
  const account = options.account === undefined ? 'a1' : options.account;
  const transaction: Transaction = {
    ref: ref(provider, 'Transaction', id, customer),
    provider,
    providerId: id,
    accountRef: account === null ? null : ref(provider, 'Account', account, customer),
    customerRef: ref(provider, 'Customer', customer),
    amount: { amount: options.amount ?? '-12.50', currency: 'USD' },
    status: options.status ?? 'POSTED',
    providerStatus: null,
    description: options.description ?? 'COFFEE SHOP',
    memo: null,
    category: 'Food',
    payee: null,
    postedAt: options.postedAt === null ? null : new Date(options.postedAt ?? NOW - DAY),
    transactedAt: null,
    details: null,
  };
  return { transaction, institutionId: account === 'a2' ? 'inst-2' : 'inst-1' };
}

const unit = (customerId: string | null = 'c1', provider = 'MASTERCARD_US'): RefreshUnit => ({
  key: `${provider}|customer|${customerId ?? '*'}`,
  provider,
  customerId,
  accountId: null,
  windowFrom: NOW - 30 * DAY,
});

const part = (provider: string, customerIds: string[] = [], accountIds: string[] = []) => ({ provider, customerIds, accountIds });
const ALL = { parts: ['MASTERCARD_US', 'OBP', 'CAIBO_IPG'].map((provider) => part(provider)) };
const gid = (item: FetchedTransaction) => encodeGlobalId(item.transaction.ref);

export function transactionStoreSuite(name: string, harness: () => StoreHarness): void {
  describe(`transaction store (${name})`, () => {
    let h: StoreHarness;
    let store: TransactionStore;
    beforeEach(async () => {
      h = harness();
      store = await h.open();
    });
    afterEach(async () => {
      await store.close();
      await h.destroy();
    });

    it('starts empty at sequence 0 and keeps its id and rows across a restart', async () => {
      expect(await store.lastSequence()).toBe(0);
      const id = await store.storeId();
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      await store.applyRefresh(unit(), [tx('t1'), tx('t2')], NOW);
      await store.close();
      store = await h.open();
      expect(await store.storeId()).toBe(id);
      expect(await store.lastSequence()).toBe(2);
      expect((await store.readChanges(ALL, 0, 10)).map((row) => row.transaction.providerId)).toEqual(['t1', 't2']);
    });

    it('reports new rows as added, changed ones as modified, missing ones as removed, each with a new sequence', async () => {
      const first = await store.applyRefresh(unit(), [tx('t1', { status: 'PENDING' }), tx('t2'), tx('old', { postedAt: NOW - 90 * DAY })], NOW);
      expect(first).toEqual({ added: 3, modified: 0, removed: 0, lastSeq: 3 });
      // Same content again: nothing changes but the time it was read.
      expect(await store.applyRefresh(unit(), [tx('t1', { status: 'PENDING' }), tx('t2'), tx('old', { postedAt: NOW - 90 * DAY })], NOW + 1000)).toEqual({ added: 0, modified: 0, removed: 0, lastSeq: 3 });
      expect((await store.readChanges(ALL, 0, 10)).every((row) => row.fetchedAt.getTime() === NOW + 1000)).toBe(true);
      // t1 posted, t2 gone, `old` outside the window is not reported removed, t3 new.
      const second = await store.applyRefresh(unit(), [tx('t1'), tx('t3', { description: 'BOOKS' })], NOW + 2000);
      expect(second).toEqual({ added: 1, modified: 1, removed: 1, lastSeq: 6 });
      const changes = await store.readChanges(ALL, 3, 10);
      expect(changes.map((row) => [row.transaction.providerId, row.removed, row.addedSeq > 3])).toEqual([
        ['t1', false, false],
        ['t3', false, true],
        ['t2', true, false],
      ]);
      expect(changes[0]?.transaction.status).toBe('POSTED');
      expect(changes[2]?.fetchedAt.getTime()).toBe(NOW + 2000);
      // A removed row that comes back is added again.
      expect((await store.applyRefresh(unit(), [tx('t1'), tx('t3', { description: 'BOOKS' }), tx('t2')], NOW + 3000)).added).toBe(1);
    });

    it('leaves out rows added and removed after the cursor, which that caller never saw', async () => {
      await store.applyRefresh(unit(), [tx('t1')], NOW);
      await store.applyRefresh(unit(), [tx('t1'), tx('flash')], NOW + 1);
      await store.applyRefresh(unit(), [tx('t1')], NOW + 2);
      expect((await store.readChanges(ALL, 1, 10)).map((row) => row.transaction.providerId)).toEqual([]);
      expect((await store.readChanges(ALL, 2, 10)).map((row) => [row.transaction.providerId, row.removed])).toEqual([['flash', true]]);
    });

    it('links a removed pending row to the posted twin the linker picks, with its confidence', async () => {
      const link: TwinLinker = (_removed, candidates) => (candidates[0] ? { twin: candidates[0], confidence: 0.875 } : null);
      await store.applyRefresh(unit(), [tx('p1', { status: 'PENDING' })], NOW);
      await store.applyRefresh(unit(), [tx('posted1')], NOW + 1, link);
      const removed = (await store.readChanges(ALL, 1, 10)).find((row) => row.removed);
      expect(removed?.replacedBy).toBe(gid(tx('posted1')));
      expect(removed?.replacedConfidence).toBeCloseTo(0.88, 2);
    });

    it('refreshes only the unit: other customers and providers keep their rows', async () => {
      await store.applyRefresh(unit('c1'), [tx('t1')], NOW);
      await store.applyRefresh(unit('c2'), [tx('t2', { customer: 'c2' })], NOW);
      await store.applyRefresh(unit(null, 'OBP'), [tx('o1', { provider: 'OBP', customer: 'x' })], NOW);
      expect((await store.applyRefresh(unit('c1'), [], NOW + 1)).removed).toBe(1);
      expect((await store.readChanges(ALL, 3, 10)).map((row) => [row.transaction.providerId, row.removed])).toEqual([['t1', true]]);
      // From the start, a row already gone is not reported at all.
      expect((await store.readChanges(ALL, 0, 10)).map((row) => row.transaction.providerId)).toEqual(['t2', 'o1']);
      expect((await store.readChanges({ parts: [part('MASTERCARD_US', ['c2'])] }, 0, 10)).map((row) => row.transaction.providerId)).toEqual(['t2']);
      expect((await store.readChanges({ parts: [part('OBP')] }, 0, 10)).map((row) => row.transaction.providerId)).toEqual(['o1']);
      expect((await store.readChanges({ parts: [part('MASTERCARD_US', [], ['a1'])] }, 0, 10)).map((row) => row.transaction.providerId)).toEqual(['t2']);
      // One provider narrowed to a customer, another whole.
      expect((await store.readChanges({ parts: [part('MASTERCARD_US', ['c9']), part('OBP')] }, 0, 10)).map((row) => row.transaction.providerId)).toEqual(['o1']);
      expect(await store.readChanges({ parts: [] }, 0, 10)).toEqual([]);
    });

    it('pages by sequence: limit + 1 rows tell whether more follow', async () => {
      await store.applyRefresh(unit(), ['a', 'b', 'c', 'd', 'e'].map((id) => tx(id)), NOW);
      const page = await store.readChanges(ALL, 0, 2);
      expect(page.map((row) => row.seq)).toEqual([1, 2, 3]);
      expect((await store.readChanges(ALL, 4, 2)).map((row) => row.seq)).toEqual([5]);
    });

    it('serialises concurrent refreshes of one unit: each row is added once', async () => {
      const rows = ['a', 'b', 'c'].map((id) => tx(id));
      const outcomes = await Promise.all([store.applyRefresh(unit(), rows, NOW), store.applyRefresh(unit(), rows, NOW)]);
      expect(outcomes.map((outcome) => outcome.added).sort()).toEqual([0, 3]);
      expect(await store.lastSequence()).toBe(3);
    });

    it('records when each unit was read', async () => {
      await store.applyRefresh(unit('c1'), [], NOW);
      await store.recordFetched('MASTERCARD_US|*', 'MASTERCARD_US', NOW - 5);
      await store.recordFetched('MASTERCARD_US|*', 'MASTERCARD_US', NOW + 5);
      const fetched = await store.unitsFetchedAt([unit('c1').key, 'never', 'MASTERCARD_US|*']);
      expect([...fetched].sort()).toEqual([[unit('c1').key, NOW], ['MASTERCARD_US|*', NOW + 5]].sort());
    });

    it('purges per customer and institution, and counts what a purge would delete', async () => {
      await store.applyRefresh(unit('c1'), [tx('t1'), tx('t2', { account: 'a2' })], NOW);
      await store.applyRefresh(unit('c2'), [tx('t3', { customer: 'c2' })], NOW);
      const scope = { provider: 'MASTERCARD_US', customerId: 'c1', institutionIds: ['inst-2'], accountIds: null };
      expect(await store.count(scope)).toBe(1);
      expect(await store.purge(scope)).toBe(1);
      expect(await store.count(scope)).toBe(0);
      expect(await store.count({ ...scope, institutionIds: [], accountIds: ['a1'] })).toBe(1);
      expect(await store.count({ ...scope, institutionIds: [], accountIds: null })).toBe(0);
      expect(await store.purge({ ...scope, institutionIds: null })).toBe(1);
      expect(await store.unitsFetchedAt([unit('c1').key])).toEqual(new Map());
      expect((await store.readChanges(ALL, 0, 10)).map((row) => row.transaction.providerId)).toEqual(['t3']);
    });

    it('tells a reader that saw purged rows to delete them: removed and purged, with only their ids left', async () => {
      await store.applyRefresh(unit('c1'), [tx('t1'), tx('t2', { account: 'a2' })], NOW);
      const seen = await store.lastSequence();
      const scope = { provider: 'MASTERCARD_US', customerId: 'c1', institutionIds: null, accountIds: null };
      expect(await store.purge(scope)).toBe(2);
      expect(await store.count(scope)).toBe(0);
      // A second purge finds nothing left to purge and reports nothing again.
      expect(await store.purge(scope)).toBe(0);
      const changes = await store.readChanges(ALL, seen, 10);
      expect(changes.map((row) => [row.transaction.providerId, row.removed, row.purged]).sort()).toEqual([['t1', true, true], ['t2', true, true]]);
      for (const row of changes) {
        expect(row.transaction).toMatchObject({ amount: { amount: '0', currency: '' }, description: null, memo: null, payee: null, category: null, postedAt: null, transactedAt: null });
      }
      expect(new Set(changes.map((row) => row.seq)).size).toBe(2);
      // A reader that never saw them is not told about them at all.
      expect(await store.readChanges(ALL, 0, 10)).toEqual([]);
      // The provider returns one again (the customer consented again): it is added afresh.
      await store.applyRefresh(unit('c1'), [tx('t1')], NOW + 1);
      expect((await store.readChanges(ALL, await store.lastSequence() - 1, 10)).map((row) => [row.transaction.providerId, row.removed, row.purged])).toEqual([['t1', false, false]]);
    });

    it('keeps only what the feed needs: no account numbers, no provider bodies', async () => {
      await store.applyRefresh(unit(), [tx('t1')], NOW);
      const [row] = await store.readChanges(ALL, 0, 10);
      expect(Object.keys(row ?? {}).sort()).toEqual(['addedSeq', 'fetchedAt', 'institutionId', 'purged', 'removed', 'replacedBy', 'replacedConfidence', 'seq', 'transaction']);
      expect(row?.transaction.details).toBeNull();
    });
  });
}
