import { afterEach, describe, expect, it } from 'vitest';
import { ReferenceCustomersDocument } from '../../src/generated/operations.js';
import type { MastercardSimulator } from '../../src/sandbox/mastercard/index.js';
import { counterValue } from '../support/sandbox-deps.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

let gateway: TestGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

const usSimulator = (running: TestGateway) => running.sandbox!.simulators.MASTERCARD_US as MastercardSimulator;

describe('batching with per-request DataLoaders (issue 2, item 6)', () => {
  it('runs the reference query in at most 1 + 20 + 20 upstream data calls, and no token call when warm', async () => {
    gateway = await startTestGateway();
    const simulator = usSimulator(gateway);
    const variables = { provider: 'MASTERCARD_US' as const, first: 20, transactionsFirst: 10 };
    const cold = await gateway.graphql(ReferenceCustomersDocument, variables);
    expect(cold.errors).toBeUndefined();
    simulator.resetStats();

    const warm = await gateway.graphql(ReferenceCustomersDocument, variables);
    expect(warm.errors).toBeUndefined();
    const customers = warm.data!.customers!.edges;
    expect(customers).toHaveLength(20);
    const accounts = customers.flatMap((edge) => edge.node.accounts!.edges);
    expect(accounts.length).toBeGreaterThan(20);
    for (const account of accounts) {
      expect(account.node.transactions!.edges.length).toBeLessThanOrEqual(10);
    }
    expect(accounts.some((account) => account.node.transactions!.edges.length === 10)).toBe(true);

    const { byRoute, tokenIssued } = simulator.stats();
    expect(tokenIssued).toBe(0);
    expect(byRoute['POST /aggregation/v2/partners/authentication'] ?? 0).toBe(0);
    expect(byRoute['GET /aggregation/v1/customers']).toBe(1);
    expect(byRoute['GET /aggregation/v1/customers/:customerId/accounts']).toBe(20);
    expect(byRoute['GET /aggregation/v3/customers/:customerId/transactions']).toBe(20);
    // Never one call per account.
    expect(byRoute['GET /aggregation/v4/customers/:customerId/accounts/:accountId/transactions'] ?? 0).toBe(0);
    const dataCalls = Object.values(byRoute).reduce((sum, count) => sum + count, 0);
    expect(dataCalls).toBeLessThanOrEqual(41);
  });

  it('makes exactly one token fetch for 200 concurrent queries on a cold cache', async () => {
    gateway = await startTestGateway();
    const running = gateway;
    const queries = Array.from({ length: 200 }, (_, index) =>
      running.graphql(`query { customers(provider: MASTERCARD_US, first: 1, search: ${JSON.stringify(index % 2 ? 'a' : 'e')}) { totalCount } }`),
    );
    const answers = await Promise.all(queries);
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    expect(usSimulator(running).stats().tokenIssued).toBe(1);
    expect(await counterValue(running.metrics, 'gateway_token_fetches_total', { provider: 'MASTERCARD_US' })).toBe(1);
  });

  it('refreshes an expired token once and retries once (10023)', async () => {
    let clock = Date.now();
    gateway = await startTestGateway({ sandbox: { now: () => clock, providers: { MASTERCARD_US: { tokenTtlSeconds: 60 }, MASTERCARD_AU: { tokenTtlSeconds: 60 } } } });
    const query = 'query { customers(provider: MASTERCARD_US, first: 2) { edges { node { id } } } }';
    expect((await gateway.graphql(query)).errors).toBeUndefined();
    clock += 61_000;
    const answer = await gateway.graphql(query);
    expect(answer.errors).toBeUndefined();
    const { byRoute, tokenIssued } = usSimulator(gateway).stats();
    expect(tokenIssued).toBe(2);
    // The first list call, the one rejected with 10023, and its retry.
    expect(byRoute['GET /aggregation/v1/customers']).toBe(3);
    expect(await counterValue(gateway.metrics, 'gateway_upstream_requests_total', { provider: 'MASTERCARD_US', operation: 'customers.list', status: '401' })).toBe(1);
  });
});
