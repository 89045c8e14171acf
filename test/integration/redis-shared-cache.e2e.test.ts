import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { MastercardSimulator } from '../../src/sandbox/mastercard/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { redisUrlOrSkip } from '../support/redis.js';

const redisUrl = redisUrlOrSkip();
const running: TestGateway[] = [];
afterAll(async () => {
  // The first gateway owns the sandbox the second one borrows: close the borrower first.
  for (const gateway of running.reverse()) await gateway.close();
});

describe.skipIf(!redisUrl)('CACHE_URL=redis:// shared by two gateway instances', () => {
  it('makes the second instance reuse the first one\'s provider token', async () => {
    const first = await startTestGateway({ env: { CACHE_URL: redisUrl } });
    running.push(first);
    const second = await startTestGateway({ env: { CACHE_URL: redisUrl }, endpoints: first.sandbox!.endpoints });
    running.push(second);
    const simulator = first.sandbox!.simulators.MASTERCARD_US as MastercardSimulator;
    const query = `query { customers(provider: MASTERCARD_US, first: 1, search: "${randomUUID().slice(0, 4)}") { totalCount } }`;
    const before = simulator.stats().tokenIssued;
    expect((await first.graphql(query)).errors).toBeUndefined();
    expect((await second.graphql(query)).errors).toBeUndefined();
    // One token for both instances. A token an earlier run left in Redis belongs to another
    // simulator: the first call gets 10022, refreshes once, and that refreshed token is shared.
    expect(simulator.stats().tokenIssued - before).toBe(1);
  });
});
