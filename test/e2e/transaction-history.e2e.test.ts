import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/**
 * Issue 16, row 1: without `filter.from` a transactions field reaches back as far as the provider
 * holds by default (Mastercard AU: 180 days, seed 002 "Products"); a `from` older than the provider
 * can hold (AU: 12 months) answers what it has plus a `beyond_history` warning.
 */
let gateway: TestGateway;
const DAY_MS = 24 * 60 * 60 * 1000;

interface Answer {
  customer: { transactions: { edges: Array<{ node: { postedAt: string | null; status: string } }> } | null } | null;
}

async function customerId(provider: string, username: string): Promise<string> {
  const answer = await gateway.graphql<{ customers: { edges: Array<{ node: { id: string } }> } }>(
    `query($u: String) { customers(provider: ${provider}, username: $u) { edges { node { id } } } }`,
    { u: username },
  );
  return answer.data!.customers.edges[0]!.node.id;
}

function transactionsOf(id: string, from?: Date) {
  return gateway.graphql<Answer>(
    `query($id: ID!, $filter: TransactionFilter) { customer(id: $id) { transactions(first: 1000, filter: $filter) { edges { node { postedAt status } } } } }`,
    { id, filter: from ? { from: from.toISOString() } : null },
  );
}

const ages = (answer: { data: Answer | null | undefined }) =>
  answer.data!.customer!.transactions!.edges.map((edge) => (Date.now() - Date.parse(edge.node.postedAt!)) / DAY_MS);

beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(async () => {
  await gateway?.close();
});

describe('transaction history window per provider', () => {
  it('Mastercard AU: the default window is the 180 days the provider holds by default, without a warning', async () => {
    const id = await customerId('MASTERCARD_AU', 'customer_profile_voi_001');
    const answer = await transactionsOf(id);
    expect(answer.errors).toBeUndefined();
    expect(answer.extensions?.warnings).toBeUndefined();
    const days = ages(answer);
    expect(Math.max(...days)).toBeLessThanOrEqual(180.01);
    // More than the old 90-day default: the caller sees what Mastercard holds by default.
    expect(days.some((age) => age > 100)).toBe(true);
    const explicit = await transactionsOf(id, new Date(Date.now() - 180 * DAY_MS + 60_000));
    expect(explicit.data!.customer!.transactions!.edges.length).toBeLessThanOrEqual(days.length);
  });

  it('Mastercard AU: a from older than 12 months answers what the provider holds and says why', async () => {
    const id = await customerId('MASTERCARD_AU', 'customer_profile_voi_001');
    const answer = await transactionsOf(id, new Date(Date.now() - 500 * DAY_MS));
    expect(answer.errors).toBeUndefined();
    expect(Math.max(...ages(answer))).toBeLessThanOrEqual(366);
    expect(Math.max(...ages(answer))).toBeGreaterThan(300);
    expect(answer.extensions?.warnings).toEqual([
      { path: ['customer', 'transactions'], provider: 'MASTERCARD_AU', operation: 'transactions.window', field: 'from', kind: 'beyond_history', count: 1 },
    ]);
  });

  it('Mastercard AU: a from inside the 12 months raises no warning', async () => {
    const id = await customerId('MASTERCARD_AU', 'customer_profile_voi_001');
    const answer = await transactionsOf(id, new Date(Date.now() - 300 * DAY_MS));
    expect(answer.errors).toBeUndefined();
    expect(answer.extensions?.warnings).toBeUndefined();
  });

  it('the account field warns the same way, at its own path', async () => {
    const id = await customerId('MASTERCARD_AU', 'customer_profile_voi_001');
    const answer = await gateway.graphql<{ customer: { accounts: { edges: Array<{ node: { id: string } }> } } }>(
      `query($id: ID!) { customer(id: $id) { accounts { edges { node { id } } } } }`,
      { id },
    );
    const accountId = answer.data!.customer.accounts.edges[0]!.node.id;
    const page = await gateway.graphql(
      `query($id: ID!, $from: DateTime!) { account(id: $id) { transactions(first: 5, filter: { from: $from }) { edges { cursor } } } }`,
      { id: accountId, from: new Date(Date.now() - 400 * DAY_MS).toISOString() },
    );
    expect(page.errors).toBeUndefined();
    expect(page.extensions?.warnings).toEqual([expect.objectContaining({ path: ['account', 'transactions'], kind: 'beyond_history', provider: 'MASTERCARD_AU' })]);
  });
});
