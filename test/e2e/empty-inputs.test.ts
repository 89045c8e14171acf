import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestStats } from '../../src/sandbox/mastercard/sandbox.routes.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/**
 * Empty lists and empty cursors (src/graphql/input-values.ts): a list that would select nothing is
 * BAD_USER_INPUT naming it, never read as "all" or as nothing; `after: ""` / `cursor: ""` are no
 * position and are refused rather than read as "from the start". Refused before any provider call.
 */
let gateway: TestGateway;
let usCustomer: string;
let usAccount: string;

const mastercardUsRequests = () => (gateway.sandbox!.simulators.MASTERCARD_US!.stats!() as RequestStats).requests;

beforeAll(async () => {
  gateway = await startTestGateway();
  const found = await gateway.graphql<{ customers: { edges: Array<{ node: { id: string; accounts: { edges: Array<{ node: { id: string } }> } } }> } }>(
    '{ customers(provider: MASTERCARD_US, first: 5) { edges { node { id accounts(first: 1) { edges { node { id } } } } } } }',
  );
  const withAccount = found.data!.customers.edges.find((edge) => edge.node.accounts.edges.length > 0)!.node;
  usCustomer = withAccount.id;
  usAccount = withAccount.accounts.edges[0]!.node.id;
});
afterAll(async () => {
  await gateway?.close();
});

/** Refused with its reading; at the root, before any provider call (a nested one costs only its parent's). */
async function expectRefused(query: string, field: string, reading: RegExp, root = true) {
  const before = mastercardUsRequests();
  const answer = await gateway.graphql(query);
  expect(answer.errors?.[0]?.extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(answer.errors?.[0]?.message).toMatch(reading);
  if (root) expect(mastercardUsRequests()).toBe(before);
  return answer;
}

describe('empty lists', () => {
  it.each([
    ['{ transactions(filter: { statuses: [] }, first: 5) { edges { cursor } } }', 'filter.statuses', /empty list, which matches no transaction; leave it out for every status/],
    ['{ transactions(filter: { providers: [] }, first: 5) { edges { cursor } } }', 'filter.providers', /names no provider/],
    ['{ transactions(filter: { customers: [] }, first: 5) { edges { cursor } } }', 'filter.customers', /names no customer/],
    ['{ transactionsSync(scope: { providers: [] }) { hasMore } }', 'scope.providers', /names no provider/],
    ['{ transactionsSync(scope: { accounts: [] }) { hasMore } }', 'scope.accounts', /names no account/],
    ['{ certifiedInstitutions(provider: MASTERCARD_AU, products: []) { totalCount } }', 'products', /names no product/],
  ])('%s', async (query, field, reading) => {
    await expectRefused(query, field, reading);
  });

  it('refuses them on nested connections too (Customer.transactions, Account.transactions) and in mutations', async () => {
    const customer = await expectRefused(`{ customer(id: "${usCustomer}") { id transactions(filter: { statuses: [] }) { edges { cursor } } } }`, 'filter.statuses', /matches no transaction/, false);
    expect(customer.errors?.[0]?.path).toEqual(['customer', 'transactions']);
    expect(customer.data).toMatchObject({ customer: { id: usCustomer, transactions: null } });
    const account = await expectRefused(`{ account(id: "${usAccount}") { transactions(filter: { statuses: [] }) { edges { cursor } } } }`, 'filter.statuses', /matches no transaction/, false);
    expect(account.errors?.[0]?.path).toEqual(['account', 'transactions']);
    await expectRefused(`mutation { generateVoaReport(customerId: "${usCustomer}", input: { accountIds: [] }) { id } }`, 'input.accountIds', /names no account/);
  });

  it('accepts the lists where [] means "none", as leaving them out does', async () => {
    const nodes = await gateway.graphql<{ nodes: unknown[] }>('{ nodes(ids: []) { id } }');
    expect(nodes.errors).toBeUndefined();
    expect(nodes.data!.nodes).toEqual([]);
  });
});

describe('empty cursors', () => {
  it.each([
    ['{ customers(provider: MASTERCARD_US, first: 1, after: "") { totalCount } }', 'after'],
    ['{ transactions(first: 1, after: "") { edges { cursor } } }', 'after'],
    ['{ transactionsSync(cursor: "") { hasMore } }', 'cursor'],
  ])('%s', async (query, field) => {
    await expectRefused(query, field, /is an empty cursor; leave it out to start at the beginning/);
  });

  it('refuses every blank cursor on a nested connection', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom(' ', '\t', '\n'), maxLength: 4 }), async (blank) => {
        const answer = await gateway.graphql(`query($after: String) { customer(id: "${usCustomer}") { accounts(after: $after) { totalCount } } }`, { after: blank });
        expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
        expect(answer.errors?.[0]?.path).toEqual(['customer', 'accounts']);
      }),
      { numRuns: 12 },
    );
  });
});
