import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayEvent } from '../../src/events/gateway-events.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/**
 * Issue 15, "done when": an analyst's loop keeps a warehouse in step with all four providers through
 * transactionsSync alone, while the simulators change underneath (new transactions, a pending one
 * that posts, a pending one that disappears, a Caibo payment approved).
 */
const SYNC = `query Sync($cursor: String, $scope: TransactionsSyncScope, $limit: Int) {
  transactionsSync(cursor: $cursor, scope: $scope, limit: $limit) {
    added { accountId customerId fetchedAt transaction { id provider providerId status description amount { amount currency } } }
    modified { fetchedAt transaction { id provider providerId status } }
    removed { id provider providerId fetchedAt replacedBy replacementConfidence }
    nextCursor hasMore fetchedAt
    providerErrors { provider code }
  }
}`;

interface Row {
  accountId: string | null;
  customerId: string | null;
  fetchedAt: string;
  transaction: { id: string; provider: string; providerId: string; status: string; description: string | null; amount: { amount: string; currency: string } };
}
interface Removed {
  id: string;
  provider: string;
  providerId: string;
  fetchedAt: string;
  replacedBy: string | null;
  replacementConfidence: number | null;
}
interface SyncPage {
  added: Row[];
  modified: Row[];
  removed: Removed[];
  nextCursor: string;
  hasMore: boolean;
  fetchedAt: string | null;
  providerErrors: Array<{ provider: string; code: string }>;
}

describe('transactionsSync end to end (issue 15)', () => {
  let gateway: TestGateway;
  const events: GatewayEvent[] = [];
  const sim = (provider: string) => gateway.sandbox!.simulators[provider]!.url;
  const control = async (provider: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sim(provider)}${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    expect(response.status, `${method} ${path}`).toBeLessThan(300);
    return response.status === 204 ? null : ((await response.json()) as Record<string, unknown>);
  };

  /** One round of the analyst's loop: pages until hasMore is false; returns every page's changes. */
  async function syncAll(cursor: string | null, scope?: unknown): Promise<{ pages: SyncPage[]; cursor: string }> {
    const pages: SyncPage[] = [];
    let next = cursor;
    for (;;) {
      const response = await gateway.graphql<{ transactionsSync: SyncPage }>(SYNC, { cursor: next, scope, limit: 500 });
      expect(response.errors ?? []).toEqual([]);
      const page = response.data!.transactionsSync;
      pages.push(page);
      next = page.nextCursor;
      if (!page.hasMore) return { pages, cursor: next };
    }
  }

  const warehouse = new Map<string, Row>();
  let cursor = '';
  beforeAll(async () => {
    // A full read of all four simulators can outlast the default 15 s request deadline on a loaded CI machine.
    gateway = await startTestGateway({ env: { TRANSACTION_SYNC_MAX_AGE_SECONDS: '0', REQUEST_DEADLINE_MS: '90000' } });
    gateway.events.subscribe((event) => {
      events.push(event);
    });
    const first = await syncAll(null);
    for (const page of first.pages) for (const row of page.added) warehouse.set(row.transaction.id, row);
    cursor = first.cursor;
  }, 120_000);
  afterAll(async () => {
    await gateway?.close();
  });

  it('starts from every provider, each row and answer saying when it was read', () => {
    const providers = new Set([...warehouse.values()].map((row) => row.transaction.provider));
    expect([...providers].sort()).toEqual(['CAIBO_IPG', 'MASTERCARD_AU', 'MASTERCARD_US', 'OBP']);
    for (const row of warehouse.values()) expect(Number.isNaN(Date.parse(row.fetchedAt))).toBe(false);
  });

  it('reports exactly what changed in the simulators, and nothing on the next call', async () => {
    const rows = [...warehouse.values()];
    const usPending = rows.find((row) => row.transaction.provider === 'MASTERCARD_US' && row.transaction.status === 'PENDING')!;
    const auPending = rows.find((row) => row.transaction.provider === 'MASTERCARD_AU' && row.transaction.status === 'PENDING')!;
    const usAccount = rows.find((row) => row.transaction.provider === 'MASTERCARD_US' && row.accountId !== null)!;
    const obpRow = rows.find((row) => row.transaction.provider === 'OBP')!;
    const caiboWaiting = rows.find((row) => row.transaction.provider === 'CAIBO_IPG' && row.transaction.status === 'PENDING')!;
    expect([usPending, auPending, usAccount, obpRow, caiboWaiting].every(Boolean)).toBe(true);

    const usAccountId = (JSON.parse(Buffer.from(usAccount.accountId!, 'base64url').toString()) as string[])[3]!;
    const created = (await control('MASTERCARD_US', 'POST', `/_sandbox/accounts/${usAccountId}/transactions`, { amount: -42.5, description: 'HARDWARE STORE' }))!;
    const posted = (await control('MASTERCARD_US', 'POST', `/_sandbox/transactions/${usPending.transaction.providerId}/post`, {}))! as { transaction: { id: number } };
    await control('MASTERCARD_AU', 'DELETE', `/_sandbox/transactions/${auPending.transaction.providerId}`);
    const [, , , , bankId, obpAccountId] = JSON.parse(Buffer.from(obpRow.transaction.id, 'base64url').toString()) as string[];
    const booked = (await control('OBP', 'POST', `/_sandbox/banks/${bankId}/accounts/${obpAccountId}/transactions`, { amount: '-9.99', description: 'Book shop' }))!;
    await control('CAIBO_IPG', 'POST', `/_sandbox/payment-requests/${caiboWaiting.transaction.providerId}/status`, { status: 'approved' });

    events.length = 0;
    const round = await syncAll(cursor);
    const added = round.pages.flatMap((page) => page.added);
    const modified = round.pages.flatMap((page) => page.modified);
    const removed = round.pages.flatMap((page) => page.removed);
    expect(round.pages.flatMap((page) => page.providerErrors)).toEqual([]);
    expect(added.map((row) => [row.transaction.provider, row.transaction.providerId]).sort()).toEqual(
      [
        ['MASTERCARD_US', String(created.id)],
        ['MASTERCARD_US', String(posted.transaction.id)],
        ['OBP', String(booked.transaction_id)],
      ].sort(),
    );
    expect(added.find((row) => row.transaction.providerId === String(created.id))?.transaction).toMatchObject({ status: 'POSTED', description: 'HARDWARE STORE', amount: { amount: '-42.50', currency: 'USD' } });
    expect(modified.map((row) => [row.transaction.id, row.transaction.status])).toEqual([[caiboWaiting.transaction.id, 'POSTED']]);
    const postedId = added.find((row) => row.transaction.providerId === String(posted.transaction.id))!.transaction.id;
    expect(removed.map((row) => [row.id, row.replacedBy]).sort()).toEqual([
      [usPending.transaction.id, postedId],
      [auPending.transaction.id, null],
    ].sort());
    expect(removed.find((row) => row.id === usPending.transaction.id)?.replacementConfidence).toBeGreaterThanOrEqual(0.9);
    expect(round.pages.at(-1)?.fetchedAt).not.toBeNull();
    expect(events.filter((event) => event.type === 'transactions.sync_updates_available').map((event) => event.data.provider).sort()).toEqual(['CAIBO_IPG', 'MASTERCARD_AU', 'MASTERCARD_US', 'OBP']);

    const again = await syncAll(round.cursor);
    expect(again.pages.flatMap((page) => [...page.added, ...page.modified, ...page.removed])).toEqual([]);
    cursor = again.cursor;
  }, 120_000);

  it('leaves a failing provider\'s rows untouched and names it in providerErrors', async () => {
    // 429: not retried and not counted by the circuit breaker, so OBP answers again right after.
    await control('OBP', 'PUT', '/_sandbox/faults', { mode: 'fail', calls: 1000, status: 429 });
    try {
      const response = await gateway.graphql<{ transactionsSync: SyncPage }>(SYNC, { cursor, scope: { providers: ['OBP'] }, limit: 10 });
      expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      const fresh = await gateway.graphql<{ transactionsSync: SyncPage }>(SYNC, { cursor: null, scope: { providers: ['OBP', 'CAIBO_IPG'] }, limit: 500 });
      const page = fresh.data!.transactionsSync;
      expect(page.providerErrors).toEqual([{ provider: 'OBP', code: 'RATE_LIMITED' }]);
      expect(page.removed).toEqual([]);
      expect(fresh.errors?.map((error) => error.extensions.code)).toEqual(['RATE_LIMITED']);
    } finally {
      await control('OBP', 'DELETE', '/_sandbox/faults');
    }
    // Had the failed read counted as "OBP returns nothing", its rows would come back now as added.
    const round = await syncAll(cursor);
    expect(round.pages.flatMap((page) => [...page.added, ...page.modified, ...page.removed])).toEqual([]);
  }, 120_000);

  it('refuses a malformed or foreign cursor with BAD_USER_INPUT', async () => {
    for (const bad of ['nope!', Buffer.from('["t1","other-store",1,"abc"]').toString('base64url'), 'dGhpcyBpcyBub3QgYSBjdXJzb3I']) {
      const response = await gateway.graphql(SYNC, { cursor: bad });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(response.data?.transactionsSync ?? null).toBeNull();
    }
  });
});
