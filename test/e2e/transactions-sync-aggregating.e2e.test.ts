import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGlobalId } from '../../src/domain/global-id.js';
import { AGGREGATING_REREAD_INTERVAL_MS } from '../../src/sync/sync-limits.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/**
 * transactionsSync while a Mastercard AU account is in its first aggregation (325, seed 002 "API
 * Status Codes"), as the review reproduced it: a customer connects a second institution, then a BI
 * loop calls transactionsSync(scope: {providers: [MASTERCARD_AU]}) again and again. Each call used
 * to read the whole provider again (29 upstream calls on the sandbox). Now the scope counts as read,
 * the accounts are named in providerErrors on every call, and only their customer is read again,
 * at most every AGGREGATING_REREAD_INTERVAL_MS — also for an account that never leaves 325.
 * Upstream calls are counted by the AU simulator (`/_sandbox/stats`). The simulators and the
 * gateway have clocks of their own, which the test moves separately.
 */
const simClock = { ms: Date.now() };
/** The gateway runs on real time plus this. */
const gatewayClock = { ms: 0 };
let gateway: TestGateway;
let aggregating: string[];

const SYNC = `query($cursor: String) { transactionsSync(cursor: $cursor, scope: { providers: [MASTERCARD_AU] }, limit: 500) {
  hasMore nextCursor added { accountId } providerErrors { provider customerId accountId code retryable }
} }`;
interface SyncPage {
  hasMore: boolean;
  nextCursor: string;
  added: Array<{ accountId: string | null }>;
  providerErrors: Array<{ provider: string; customerId: string | null; accountId: string | null; code: string; retryable: boolean }>;
}

const simulator = () => gateway.sandbox!.simulators.MASTERCARD_AU!.url;
async function upstreamCalls(): Promise<number> {
  return ((await (await fetch(`${simulator()}/_sandbox/stats`)).json()) as { requests: number }).requests;
}

/** One round of the BI loop; answers its pages and the upstream calls it made. */
async function syncRound(cursor: string | null = null): Promise<{ pages: SyncPage[]; calls: number }> {
  const before = await upstreamCalls();
  const pages: SyncPage[] = [];
  for (let next = cursor; ; ) {
    const answer = await gateway.graphql<{ transactionsSync: SyncPage }>(SYNC, { cursor: next });
    expect(answer.data?.transactionsSync, JSON.stringify(answer.errors)).toBeTruthy();
    const page = answer.data!.transactionsSync;
    pages.push(page);
    next = page.nextCursor;
    if (!page.hasMore) break;
  }
  return { pages, calls: (await upstreamCalls()) - before };
}

const named = (page: SyncPage) => page.providerErrors.map((error) => error.accountId).sort();

beforeAll(async () => {
  gateway = await startTestGateway({ sandbox: { now: () => simClock.ms }, now: () => Date.now() + gatewayClock.ms, env: { REQUEST_DEADLINE_MS: '90000' } });
  const found = await gateway.graphql<{ customers: { edges: Array<{ node: { id: string; providerId: string } }> } }>(
    'query { customers(provider: MASTERCARD_AU, username: "customer_profile_4110") { edges { node { id providerId } } } }',
  );
  const customer = found.data!.customers.edges[0]!.node;
  const connect = await fetch(`${simulator()}/_sandbox/connect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ customerId: customer.providerId, institutionId: '2002119', profile: 'profile_4111' }),
  });
  expect(connect.status).toBe(201);
  aggregating = ((await connect.json()) as { accountIds: Array<string | number> }).accountIds.map(String).sort();
  expect(aggregating.length).toBeGreaterThan(0);
}, 60_000);
afterAll(async () => {
  await gateway?.close();
});

describe('transactionsSync while a Mastercard AU account is in its first aggregation', () => {
  let cursor: string;
  let fullRead: number;

  it('reads the provider once, names the aggregating accounts, and makes no upstream call on the next calls', async () => {
    const first = await syncRound();
    fullRead = first.calls;
    expect(fullRead).toBeGreaterThan(10);
    const last = first.pages.at(-1)!;
    expect(last.providerErrors.map((error) => decodeGlobalId(error.accountId!).id).sort()).toEqual(aggregating);
    for (const error of last.providerErrors) expect(error).toMatchObject({ provider: 'MASTERCARD_AU', code: 'PROVIDER_UNAVAILABLE', retryable: true });
    cursor = last.nextCursor;

    for (let call = 0; call < 3; call += 1) {
      const again = await syncRound(cursor);
      expect(again.calls).toBe(0);
      expect(named(again.pages.at(-1)!)).toEqual(named(last));
      cursor = again.pages.at(-1)!.nextCursor;
    }
  }, 120_000);

  it('reads only the waiting customer again once the interval has passed, also for an account stuck at 325', async () => {
    gatewayClock.ms += AGGREGATING_REREAD_INTERVAL_MS + 1_000;
    const reread = await syncRound(cursor);
    expect(reread.calls).toBeGreaterThan(0);
    expect(reread.calls).toBeLessThan(fullRead / 2);
    expect(reread.pages.at(-1)!.providerErrors.map((error) => decodeGlobalId(error.accountId!).id).sort()).toEqual(aggregating);
    const right = await syncRound(reread.pages.at(-1)!.nextCursor);
    expect(right.calls).toBe(0);
    expect(right.pages.at(-1)!.providerErrors.length).toBe(aggregating.length);
    cursor = right.pages.at(-1)!.nextCursor;
  }, 60_000);

  it('brings the accounts rows once their aggregation has finished, then stops reading the customer', async () => {
    simClock.ms += 31_000;
    gatewayClock.ms += AGGREGATING_REREAD_INTERVAL_MS + 1_000;
    const done = await syncRound(cursor);
    expect(done.pages.flatMap((page) => page.providerErrors)).toEqual([]);
    const arrived = done.pages.flatMap((page) => page.added).map((row) => (row.accountId ? decodeGlobalId(row.accountId).id : null));
    expect(arrived.some((account) => account !== null && aggregating.includes(account))).toBe(true);

    gatewayClock.ms += AGGREGATING_REREAD_INTERVAL_MS + 1_000;
    const after = await syncRound(done.pages.at(-1)!.nextCursor);
    expect(after.calls).toBe(0);
    expect(after.pages.flatMap((page) => [...page.added, ...page.providerErrors])).toEqual([]);
  }, 60_000);
});
