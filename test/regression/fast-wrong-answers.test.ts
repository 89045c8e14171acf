import { afterEach, describe, expect, it } from 'vitest';
import { ReferenceCustomersDocument } from '../../src/generated/operations.js';
import type { MastercardSimulator } from '../../src/sandbox/mastercard/index.js';
import { counterValue } from '../support/sandbox-deps.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/**
 * Issue 17, item 0: answers that are fast because they are wrong. Each test here was checked to
 * fail with the fault it names injected (see docs/performance.md, "Guards").
 */
let gateway: TestGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

const usSimulator = (running: TestGateway) => running.sandbox!.simulators.MASTERCARD_US as MastercardSimulator;

const ACCOUNT_PAGE = `query($id: ID!, $first: Int!) {
  account(id: $id) { id transactions(first: $first) { edges { node { id amount { amount currency } postedAt } } } }
}`;

interface AccountPage {
  account: { id: string; transactions: { edges: Array<{ node: { id: string } }> } | null } | null;
}

describe('the customer window shared by account pages', () => {
  it('gives every account of a multi-customer query the same transactions as a read of that account alone', async () => {
    gateway = await startTestGateway();
    const variables = { provider: 'MASTERCARD_US' as const, first: 20, transactionsFirst: 10 };
    const batched = await gateway.graphql(ReferenceCustomersDocument, variables);
    expect(batched.errors).toBeUndefined();
    const accounts = batched.data!.customers!.edges.flatMap((edge) => edge.node.accounts!.edges.map((account) => account.node));
    expect(new Set(batched.data!.customers!.edges.map((edge) => edge.node.id)).size).toBe(20);
    expect(accounts.length).toBeGreaterThan(20);

    let withTransactions = 0;
    for (const account of accounts) {
      const alone = await gateway.graphql<AccountPage>(ACCOUNT_PAGE, { id: account.id, first: 10 });
      expect(alone.errors).toBeUndefined();
      const expected = alone.data!.account!.transactions!.edges.map((edge) => edge.node.id);
      const got = account.transactions!.edges.map((edge) => edge.node.id);
      expect({ account: account.id, transactions: got }).toEqual({ account: account.id, transactions: expected });
      if (expected.length > 0) withTransactions += 1;
    }
    // The comparison means something only if most accounts have transactions to lose.
    expect(withTransactions).toBeGreaterThan(accounts.length / 2);
  });
});

describe('Mastercard token refresh before the 2 h expiry (us-notes.md, Auth: new token after 90 min)', () => {
  it('fetches no token at 89 minutes, one at 91, and never meets a 401 in between', async () => {
    let clock = Date.now();
    gateway = await startTestGateway({ now: () => clock, sandbox: { now: () => clock } });
    const simulator = usSimulator(gateway);
    const query = 'query { customers(provider: MASTERCARD_US, first: 2) { edges { node { id } } } }';
    const ask = async () => expect((await gateway!.graphql(query)).errors).toBeUndefined();

    await ask();
    expect(simulator.stats().tokenIssued).toBe(1);
    clock += 89 * 60_000;
    await ask();
    expect(simulator.stats().tokenIssued).toBe(1);
    clock += 2 * 60_000;
    await ask();
    expect(simulator.stats().tokenIssued).toBe(2);
    // Still within the new token's life at 2 h 30 (the old one would have expired at 2 h).
    clock += 59 * 60_000;
    await ask();
    expect(simulator.stats().tokenIssued).toBe(2);
    expect(await counterValue(gateway.metrics, 'gateway_upstream_requests_total', { provider: 'MASTERCARD_US', status: '401' })).toBe(0);
    expect(simulator.stats().byRoute['GET /aggregation/v1/customers']).toBe(4);
  });
});
