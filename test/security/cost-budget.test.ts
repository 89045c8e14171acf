import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReferenceCustomersDocument } from '../../src/generated/operations.js';
import { sha256Hex } from '../../src/security/api-keys.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { redisUrlOrSkip } from '../support/redis.js';

interface Cost {
  estimated: number;
  budget: number;
  upstreamCalls: number;
}
const costOf = (answer: { extensions?: Record<string, unknown> }) => answer.extensions?.cost as Cost | undefined;

describe('upstream-cost budget (issue 11, item 4)', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    // Structural limits raised so that the documents below meet the cost budget itself.
    gateway = await startTestGateway({ env: { QUERY_MAX_ALIASES: '100000', QUERY_MAX_TOKENS: '1000000' } });
  });
  afterAll(async () => gateway?.close());

  it('refuses 500 aliases of customers(first: 10) before any provider call, stating estimate and budget', async () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `c${i}: customers(first: 10) { totalCount }`).join(' ');
    const answer = await gateway.graphql(`{ ${aliases} }`);
    expect(answer.status).toBe(400);
    expect(answer.data).toBeUndefined();
    expect(answer.errors?.[0]?.extensions.code).toBe('QUERY_TOO_COMPLEX');
    // Four enabled providers in the sandbox: each alias fans out to four provider calls.
    expect(answer.errors?.[0]?.message).toContain('Estimated upstream cost 2000 exceeds the budget of 1000');
    expect(costOf(answer)).toEqual({ estimated: 2000, budget: 1000, upstreamCalls: 0 });
  });

  it('refuses 200 billable liveAvailableBalance aliases with different arguments', async () => {
    const page = await gateway.graphql<{ customers: { edges: Array<{ node: { accounts: { edges: Array<{ node: { id: string } }> } } }> } }>(
      '{ customers(provider: MASTERCARD_AU, first: 1) { edges { node { accounts(first: 1) { edges { node { id } } } } } } }',
    );
    const accountId = page.data?.customers.edges[0]?.node.accounts.edges[0]?.node.id;
    expect(accountId).toEqual(expect.any(String));
    const billableBefore = (await gateway.metrics.registry.getSingleMetricAsString('gateway_billable_calls_total')).split('\n').filter((line) => !line.startsWith('#')).join();
    const aliases = Array.from({ length: 200 }, (_, i) => `b${i}: liveAvailableBalance(maxCacheAgeMinutes: ${i}) { available { amount } }`).join(' ');
    const answer = await gateway.graphql(`{ account(id: "${accountId}") { ${aliases} } }`);
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(costOf(answer)).toMatchObject({ estimated: 1 + 200 * 10, upstreamCalls: 0 });
    const billableAfter = (await gateway.metrics.registry.getSingleMetricAsString('gateway_billable_calls_total')).split('\n').filter((line) => !line.startsWith('#')).join();
    expect(billableAfter).toBe(billableBefore);
  });

  it('counts each id of nodes(ids:) as its own call, so aliases of nodes cannot walk around the budget', async () => {
    const upstreamBefore = await gateway.metrics.registry.getSingleMetricAsString('gateway_upstream_requests_total');
    const ids = (alias: number) =>
      Array.from({ length: 100 }, (_, i) => JSON.stringify(Buffer.from(JSON.stringify(['g1', 'MASTERCARD_US', 'Customer', String(900_000_000 + alias * 100 + i)])).toString('base64url')));
    const aliases = Array.from({ length: 20 }, (_, a) => `n${a}: nodes(ids: [${ids(a).join(',')}]) { id }`).join(' ');
    const answer = await gateway.graphql(`{ ${aliases} }`);
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(costOf(answer)).toMatchObject({ estimated: 2000, upstreamCalls: 0 });
    expect(await gateway.metrics.registry.getSingleMetricAsString('gateway_upstream_requests_total')).toBe(upstreamBefore);
    // Within the budget the estimate still bounds the calls made: one read per unknown id.
    const few = await gateway.graphql(`{ ${Array.from({ length: 2 }, (_, a) => `n${a}: nodes(ids: [${ids(a).slice(0, 3).join(',')}]) { id }`).join(' ')} }`);
    expect(costOf(few)?.estimated).toBe(6);
    expect(costOf(few)?.upstreamCalls).toBeLessThanOrEqual(6);
  });

  it('runs the reference query within the budget and reports the estimate next to the calls really made', async () => {
    const answer = await gateway.graphql(print(ReferenceCustomersDocument), { provider: 'MASTERCARD_US', first: 20, transactionsFirst: 10 });
    expect(answer.errors).toBeUndefined();
    const cost = costOf(answer)!;
    // 1 customer list + 20 account lists + 5 assumed accounts × 20 customers transaction pages.
    expect(cost.estimated).toBe(1 + 20 + 20 * 5);
    expect(cost.upstreamCalls).toBeGreaterThan(20);
    // An upper bound: Mastercard serves a customer's accounts' transactions with one customer-level call.
    expect(cost.upstreamCalls).toBeLessThanOrEqual(cost.estimated);
  });

  it('counts a shared report fetch once and a by-id lookup once per list', async () => {
    const sameAccount = await gateway.graphql(
      '{ customers(provider: MASTERCARD_US, first: 2) { edges { node { accounts(first: 3) { edges { node { transactions(first: 4) { edges { node { account { id } } } } } } } } } } }',
    );
    // 1 list + 2 account lists + 6 transaction pages + 6 (one account lookup per transaction page, not per transaction).
    expect(costOf(sameAccount)?.estimated).toBe(1 + 2 + 6 + 6);
  });
});

/** The allowance is per clock minute: start a sequence early enough in one that it cannot straddle two. */
async function awayFromMinuteEnd(): Promise<void> {
  const second = new Date().getUTCSeconds();
  if (second >= 50) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
}

describe('per-caller rate limit in cost units (issue 11, item 4)', () => {
  it('answers 429 with Retry-After once a caller has spent its minute', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gw-rate-'));
    await writeFile(join(dir, 'keys.json'), JSON.stringify([{ id: 'other', sha256: sha256Hex('another-caller-key-1'), scopes: ['read'] }]));
    const gateway = await startTestGateway({ env: { RATE_LIMIT_COST_PER_MINUTE: '10', API_KEYS_FILE: join(dir, 'keys.json') } });
    try {
      const query = '{ customers(provider: MASTERCARD_US, first: 2) { edges { node { accounts { totalCount } } } } }'; // 1 + 2 = 3 units
      await awayFromMinuteEnd();
      const statuses: number[] = [];
      let limited;
      for (let i = 0; i < 5 && !limited; i += 1) {
        const answer = await gateway.graphql(query);
        statuses.push(answer.status);
        if (answer.status === 429) limited = answer;
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(limited?.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
      // Waiting fixes it: retryable, with the same wait as the header.
      expect(limited?.errors?.[0]?.extensions).toMatchObject({
        retryable: true,
        retryAfterMs: Number(limited?.headers['retry-after']) * 1000,
      });
      expect(Number(limited?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(limited?.headers['retry-after'])).toBeLessThanOrEqual(60);
      // Another caller keeps its own allowance.
      expect((await gateway.graphql(query, undefined, { headers: { 'x-api-key': 'another-caller-key-1' } })).status).toBe(200);
    } finally {
      await gateway.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('shares the allowance across two gateway instances through the keyv store (CACHE_URL)', async (context) => {
    const redisUrl = redisUrlOrSkip();
    if (!redisUrl) return context.skip();
    const dir = await mkdtemp(join(tmpdir(), 'gw-rate-'));
    const keysFile = join(dir, 'keys.json');
    // A unique caller id: concurrent test runs on the same Redis never share an allowance.
    await writeFile(keysFile, JSON.stringify([{ id: `bi-${randomUUID()}`, sha256: sha256Hex('shared-bi-key-123456'), scopes: ['read'] }]));
    const env = { CACHE_URL: redisUrl, API_KEYS_FILE: keysFile, RATE_LIMIT_COST_PER_MINUTE: '6' };
    const first = await startTestGateway({ env });
    const second = await startTestGateway({ env });
    const as = { headers: { 'x-api-key': 'shared-bi-key-123456' } };
    const query = '{ customers(provider: MASTERCARD_US, first: 2) { edges { node { accounts { totalCount } } } } }';
    try {
      await awayFromMinuteEnd();
      expect((await first.graphql(query, undefined, as)).status).toBe(200);
      expect((await second.graphql(query, undefined, as)).status).toBe(200);
      const third = await first.graphql(query, undefined, as);
      expect(third.status).toBe(429);
    } finally {
      await first.close();
      await second.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
