import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { encodeGlobalId, ref } from '../../src/domain/global-id.js';
import {
  CreateCustomerDocument,
  CustomerDetailDocument,
  DeleteCustomerDocument,
  NodeByIdDocument,
  TransactionsPageDocument,
  UpdateCustomerDocument,
} from '../../src/generated/operations.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

let gateway: TestGateway;
let customerId: string;
let accountId: string;

beforeAll(async () => {
  gateway = await startTestGateway();
  const list = await gateway.graphql<{ customers: { edges: Array<{ node: { id: string; accounts: { edges: Array<{ node: { id: string; type: string } }> } } }> } }>(
    'query { customers(provider: MASTERCARD_US, first: 1) { edges { node { id accounts { edges { node { id type } } } } } } }',
  );
  const first = list.data!.customers.edges[0]!.node;
  customerId = first.id;
  accountId = first.accounts.edges.find((edge) => edge.node.type === 'CHECKING')!.node.id;
});
afterAll(async () => {
  await gateway?.close();
});

describe('Mastercard US end to end over HTTP', () => {
  it('answers a customer detail with accounts', async () => {
    const answer = await gateway.graphql(CustomerDetailDocument, { id: customerId });
    expect(answer.errors).toBeUndefined();
    const customer = answer.data!.customer!;
    expect(customer.provider).toBe('MASTERCARD_US');
    expect(customer.kind).toBe('TESTING');
    expect(customer.accounts!.totalCount).toBe(customer.accounts!.edges.length);
    const types = new Set(customer.accounts!.edges.map((edge) => edge.node.type));
    expect(types.has('CHECKING')).toBe(true);
    for (const edge of customer.accounts!.edges) {
      expect(edge.node.balance?.amount).toMatch(/^-?\d+(\.\d+)?$/);
      expect(edge.node.numberMasked ?? '').not.toMatch(/\d{5,}/);
    }
  });

  it('pages transactions with cursors and never repeats an edge', async () => {
    const from = new Date(Date.now() - 180 * 86_400_000).toISOString();
    const first = await gateway.graphql(TransactionsPageDocument, { accountId, first: 5, filter: { from } });
    expect(first.errors).toBeUndefined();
    const page = first.data!.account!.transactions;
    expect(page!.edges).toHaveLength(5);
    expect(page!.pageInfo.hasNextPage).toBe(true);
    expect(page!.pageInfo.hasPreviousPage).toBe(false);
    const second = await gateway.graphql(TransactionsPageDocument, { accountId, first: 5, after: page!.pageInfo.endCursor, filter: { from } });
    const next = second.data!.account!.transactions;
    expect(next!.edges).toHaveLength(5);
    expect(next!.pageInfo.hasPreviousPage).toBe(true);
    const seen = new Set(page!.edges.map((edge) => edge.node.id));
    for (const edge of next!.edges) expect(seen.has(edge.node.id)).toBe(false);
    const dates = [...page!.edges, ...next!.edges].map((edge) => Date.parse(edge.node.postedAt!));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it('filters transactions by date range, status and pending', async () => {
    const to = new Date(Date.now() - 30 * 86_400_000);
    const from = new Date(to.getTime() - 30 * 86_400_000);
    const ranged = await gateway.graphql(TransactionsPageDocument, { accountId, first: 200, filter: { from: from.toISOString(), to: to.toISOString() } });
    expect(ranged.errors).toBeUndefined();
    const edges = ranged.data!.account!.transactions!.edges;
    expect(edges.length).toBeGreaterThan(0);
    for (const edge of edges) {
      const at = Date.parse(edge.node.postedAt ?? edge.node.transactedAt!);
      expect(at).toBeGreaterThanOrEqual(from.getTime() - 1000);
      expect(at).toBeLessThanOrEqual(to.getTime() + 1000);
    }
    const wide = { from: new Date(Date.now() - 180 * 86_400_000).toISOString() };
    const pendingOnly = await gateway.graphql(TransactionsPageDocument, { accountId, first: 100, filter: { ...wide, statuses: ['PENDING'] } });
    const pendingEdges = pendingOnly.data!.account!.transactions!.edges;
    expect(pendingEdges.length).toBeGreaterThan(0);
    for (const edge of pendingEdges) expect(edge.node.status).toBe('PENDING');
    const noPending = await gateway.graphql(TransactionsPageDocument, { accountId, first: 200, filter: { ...wide, pending: false } });
    expect(noPending.data!.account!.transactions!.edges.length).toBeGreaterThan(0);
    for (const edge of noPending.data!.account!.transactions!.edges) expect(edge.node.status).not.toBe('PENDING');
    const contradiction = await gateway.graphql(TransactionsPageDocument, { accountId, filter: { pending: false, statuses: ['PENDING'] } });
    expect(contradiction.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const backwards = await gateway.graphql(TransactionsPageDocument, { accountId, filter: { from: to.toISOString(), to: from.toISOString() } });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.from', retryable: false });
  });

  it('refetches customers, accounts and transactions through node(id:) and nodes(ids:)', async () => {
    const account = await gateway.graphql(NodeByIdDocument, { id: accountId });
    expect(account.data!.node).toMatchObject({ __typename: 'Account', id: accountId, provider: 'MASTERCARD_US' });
    const page = await gateway.graphql(TransactionsPageDocument, { accountId, first: 1 });
    const transactionId = page.data!.account!.transactions!.edges[0]!.node.id;
    const transaction = await gateway.graphql(NodeByIdDocument, { id: transactionId });
    expect(transaction.data!.node).toMatchObject({ __typename: 'Transaction', id: transactionId });
    const many = await gateway.graphql<{ nodes: Array<{ id: string } | null> }>('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: [customerId, 'garbage', accountId],
    });
    expect(many.data!.nodes[0]?.id).toBe(customerId);
    expect(many.data!.nodes[1]).toBeNull();
    expect(many.data!.nodes[2]?.id).toBe(accountId);
    expect(many.errors).toHaveLength(1);
    expect(many.errors![0]).toMatchObject({ path: ['nodes', 1], extensions: { code: 'BAD_USER_INPUT', field: 'ids[1]' } });
  });

  it('answers a malformed ID with BAD_USER_INPUT and an unknown customer with null + NOT_FOUND', async () => {
    const malformed = await gateway.graphql('query { customer(id: "not-an-id") { id } }');
    expect(malformed.status).toBe(200);
    expect(malformed.data).toEqual({ customer: null });
    expect(malformed.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', retryable: false });
    const wrongType = await gateway.graphql(`query { customer(id: "${accountId}") { id } }`);
    expect(wrongType.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    const unknown = encodeGlobalId(ref('MASTERCARD_US', 'Customer', '9999999999'));
    const missing = await gateway.graphql(`query { customer(id: "${unknown}") { id } }`);
    expect(missing.status).toBe(200);
    expect(missing.data).toEqual({ customer: null });
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', provider: 'MASTERCARD_US', retryable: false });
  });

  it('answers GraphQL mistakes with BAD_USER_INPUT, never a 500', async () => {
    const invalid = await gateway.graphql('query { customers(provider: NOPE) { totalCount } }');
    expect(invalid.status).toBe(400);
    expect(invalid.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    const tooMany = await gateway.graphql('query { customers(provider: MASTERCARD_US, first: 5000) { totalCount } }');
    expect(tooMany.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const badCursor = await gateway.graphql('query { customers(provider: MASTERCARD_US, after: "xyz") { totalCount } }');
    expect(badCursor.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const unparsable = await request(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...gateway.authHeaders }, body: '{"query": "{ customers {"}' });
    expect(unparsable.statusCode).toBe(400);
    const body = (await unparsable.body.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('creates, updates and deletes a testing customer', async () => {
    const username = `e2e.user-${process.pid}-${Date.now()}`;
    const created = await gateway.graphql(CreateCustomerDocument, {
      input: { provider: 'MASTERCARD_US', kind: 'TESTING', username, firstName: 'Ada', lastName: 'Lovelace' },
    });
    expect(created.errors).toBeUndefined();
    const customer = created.data!.createCustomer;
    expect(customer).toMatchObject({ provider: 'MASTERCARD_US', username, kind: 'TESTING', firstName: 'Ada' });
    expect(Date.parse(customer!.createdAt!)).toBeGreaterThan(0);

    const duplicate = await gateway.graphql(CreateCustomerDocument, { input: { provider: 'MASTERCARD_US', username } });
    expect(duplicate.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', providerCode: '110002', providerStatus: 409 });

    const updated = await gateway.graphql(UpdateCustomerDocument, { id: customer!.id, input: { firstName: 'Augusta' } });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateCustomer).toMatchObject({ firstName: 'Augusta', lastName: 'Lovelace' });
    const notDropped = await gateway.graphql(UpdateCustomerDocument, { id: customer!.id, input: { email: 'ada@example.com' } });
    expect(notDropped.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });

    const deleted = await gateway.graphql(DeleteCustomerDocument, { id: customer!.id });
    expect(deleted.data!.deleteCustomer!.deletedId).toBe(customer!.id);
    const gone = await gateway.graphql(`query { customer(id: "${customer!.id}") { id } }`);
    expect(gone.errors![0]!.extensions.code).toBe('NOT_FOUND');
  });

  it('checks the username rules before calling the provider', async () => {
    const simulator = gateway.sandbox!.simulators.MASTERCARD_US as unknown as { stats(): { requests: number } };
    const before = simulator.stats().requests;
    for (const username of ['short', 'has space in it', 'ümlaut-user', 'x'.repeat(256)]) {
      const answer = await gateway.graphql(CreateCustomerDocument, { input: { provider: 'MASTERCARD_US', username } });
      expect(answer.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.username' });
    }
    expect(simulator.stats().requests).toBe(before);
    const allowed = await gateway.graphql(CreateCustomerDocument, {
      input: { provider: 'MASTERCARD_US', username: `ok!@.#$%&*_-+${Date.now()}` },
    });
    expect(allowed.errors).toBeUndefined();
  });
});
