import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/**
 * `Customer.transactions` for a provider that lists transactions per account only (OBP): the
 * gateway merges the accounts' pages by date. Checked against the accounts' own lists.
 */
let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(async () => {
  await gateway?.close();
});

interface Tx {
  id: string;
  postedAt: string | null;
}
interface CustomerPage {
  customer: {
    accounts: { edges: Array<{ node: { transactions: { edges: Array<{ node: Tx }> } } }> };
    transactions: { totalCount: number | null; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: Tx }> };
  };
}

const QUERY = `query ($id: ID!, $first: Int, $after: String, $filter: TransactionFilter) {
  customer(id: $id) {
    accounts { edges { node { transactions(first: 20, filter: $filter) { edges { node { id postedAt } } } } } }
    transactions(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { id postedAt customer { id } } } }
  }
}`;

describe('Customer.transactions merged across accounts (OBP)', () => {
  it('returns the newest transactions of all the customer\'s accounts, in order, and pages on', async () => {
    const list = await gateway.graphql<{ customers: { edges: Array<{ node: { id: string; accounts: { totalCount: number | null } } }> } }>(
      'query { customers(provider: OBP, first: 20) { edges { node { id accounts { totalCount } } } } }',
    );
    const customer = list.data!.customers.edges.find((edge) => (edge.node.accounts.totalCount ?? 0) > 1);
    expect(customer).toBeDefined();
    const filter = { from: new Date(Date.now() - 200 * 86_400_000).toISOString() };
    const first = await gateway.graphql<CustomerPage>(QUERY, { id: customer!.node.id, first: 10, filter });
    expect(first.errors).toBeUndefined();
    const merged = first.data!.customer.transactions.edges.map((edge) => edge.node);
    expect(merged).toHaveLength(10);
    // OBP's transaction JSON names no customer; read through the customer, each row names it (BI attribution).
    for (const transaction of merged as Array<{ customer?: { id: string } | null }>) expect(transaction.customer?.id).toBe(customer!.node.id);
    const everyAccount = first.data!.customer.accounts.edges.flatMap((edge) => edge.node.transactions.edges.map((t) => t.node));
    const expected = [...everyAccount].sort((a, b) => Date.parse(b.postedAt!) - Date.parse(a.postedAt!)).slice(0, 10);
    expect(merged.map((t) => Date.parse(t.postedAt!))).toEqual(expected.map((t) => Date.parse(t.postedAt!)));
    expect(first.data!.customer.transactions.pageInfo.hasNextPage).toBe(true);

    const second = await gateway.graphql<CustomerPage>(QUERY, {
      id: customer!.node.id,
      first: 10,
      after: first.data!.customer.transactions.pageInfo.endCursor,
      filter,
    });
    const next = second.data!.customer.transactions.edges.map((edge) => edge.node);
    expect(next).toHaveLength(10);
    const expectedNext = [...everyAccount].sort((a, b) => Date.parse(b.postedAt!) - Date.parse(a.postedAt!)).slice(10, 20);
    expect(next.map((t) => Date.parse(t.postedAt!))).toEqual(expectedNext.map((t) => Date.parse(t.postedAt!)));
    for (const transaction of next) expect(merged.some((earlier) => earlier.id === transaction.id)).toBe(false);
  });
});
