import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGGREGATING_REREAD_INTERVAL_MS } from '../../src/sync/sync-limits.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../support/gateway-harness.js';

/**
 * A Mastercard AU account whose first aggregation is still running (seed 002, "API Status Codes":
 * 325/5006) is missing from the customer-level transaction endpoint. Every customer-wide read —
 * Customer.transactions, the top-level `transactions` and GET /export/transactions — names it
 * (PROVIDER_UNAVAILABLE, retryable, the account's and customer's global IDs) instead of leaving its
 * rows out without a word (README Known limits, found by the new-user trial). Over HTTP against the
 * AU simulator, whose clock the test moves.
 */
let gateway: TestGateway;
/** The simulators' clock; the gateway keeps real time plus `gatewayAhead`. */
const clock = { ms: Date.now() };
const gatewayAhead = { ms: 0 };
const from = new Date(Date.now() - 30 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

type Answer<T> = GraphQLResponse<T>;

let customerId: string;
let aggregating: string[];

beforeAll(async () => {
  gateway = await startTestGateway({ sandbox: { now: () => clock.ms }, now: () => Date.now() + gatewayAhead.ms });
  const found = await gateway.graphql<{ customers: { edges: Array<{ node: { id: string; providerId: string } }> } }>(
    'query { customers(provider: MASTERCARD_AU, username: "customer_profile_4110") { edges { node { id providerId } } } }',
  );
  const customer = found.data!.customers.edges[0]!.node;
  customerId = customer.id;
  // The customer adds a second institution through Connect (sandbox stand-in for the browser flow).
  const connect = await fetch(`${gateway.sandbox!.simulators.MASTERCARD_AU!.url}/_sandbox/connect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ customerId: customer.providerId, institutionId: '2002119', profile: 'profile_4111' }),
  });
  expect(connect.status).toBe(201);
  const accounts = await gateway.graphql<{ customer: { accounts: { edges: Array<{ node: { id: string; aggregationStatusCode: number | null } }> } } }>(
    'query($id: ID!) { customer(id: $id) { accounts(first: 100) { edges { node { id aggregationStatusCode } } } } }',
    { id: customerId },
  );
  const nodes = accounts.data!.customer.accounts.edges.map((edge) => edge.node);
  aggregating = nodes.filter((node) => node.aggregationStatusCode === 325).map((node) => node.id);
  expect(aggregating.length).toBeGreaterThan(0);
  expect(nodes.some((node) => node.aggregationStatusCode === 0)).toBe(true);
});
afterAll(async () => {
  await gateway?.close();
});

const sorted = (values: unknown[]) => values.map(String).sort();

function expectNamesAggregating(errors: Answer<unknown>['errors'], path: Array<string | number>) {
  const named = (errors ?? []).filter((error) => error.extensions.accountId !== undefined);
  expect(sorted(named.map((error) => error.extensions.accountId))).toEqual(sorted(aggregating));
  for (const error of named) {
    expect(error.path).toEqual(path);
    expect(error.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'MASTERCARD_AU', retryable: true, customerId });
    expect(error.message).toContain(String(error.extensions.accountId));
  }
}

async function exportLines(): Promise<Array<Record<string, unknown>>> {
  const query = new URLSearchParams({ format: 'ndjson', from, customers: customerId });
  const response = await request(`${gateway.url}/export/transactions?${query}`, { headers: gateway.authHeaders });
  expect(response.statusCode).toBe(200);
  return (await response.body.text()).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

const SEARCH = `query($filter: TransactionSearchFilter) { transactions(filter: $filter, first: 500) {
  edges { node { id } } providerErrors { provider customerId accountId code retryable }
} }`;
const SYNC = `query($scope: TransactionsSyncScope) { transactionsSync(scope: $scope, limit: 500) {
  hasMore added { accountId } providerErrors { provider customerId accountId code retryable }
} }`;
interface SyncData {
  transactionsSync: { hasMore: boolean; added: Array<{ accountId: string | null }>; providerErrors: SearchData['transactions']['providerErrors'] };
}
interface SearchData {
  transactions: { edges: unknown[]; providerErrors: Array<{ provider: string; customerId: string | null; accountId: string | null; code: string; retryable: boolean }> };
}

describe('customer-wide reads while a Mastercard AU account is still in its first aggregation', () => {
  it('Customer.transactions keeps the ready accounts rows and names each aggregating account in errors', async () => {
    const answer: Answer<{ customer: { transactions: { edges: unknown[] } } }> = await gateway.graphql(
      `query($id: ID!, $from: DateTime) { customer(id: $id) { transactions(first: 50, filter: { from: $from }) { edges { node { id } } } } }`,
      { id: customerId, from },
    );
    expect(answer.data!.customer.transactions.edges.length).toBeGreaterThan(0);
    expect(answer.errors?.length).toBe(aggregating.length);
    expectNamesAggregating(answer.errors, ['customer', 'transactions']);
  });

  it('the top-level transactions names them in providerErrors (with the customer) and errors', async () => {
    const answer: Answer<SearchData> = await gateway.graphql(SEARCH, { filter: { from, customers: [customerId] } });
    expect(answer.data!.transactions.edges.length).toBeGreaterThan(0);
    const problems = answer.data!.transactions.providerErrors;
    expect(sorted(problems.map((problem) => problem.accountId))).toEqual(sorted(aggregating));
    for (const problem of problems) expect(problem).toMatchObject({ provider: 'MASTERCARD_AU', customerId, code: 'PROVIDER_UNAVAILABLE', retryable: true });
    expect(answer.errors?.length).toBe(aggregating.length);
    expectNamesAggregating(answer.errors, ['transactions']);
  });

  it('the export writes an error record per aggregating account and ends incomplete', async () => {
    const lines = await exportLines();
    const errors = lines.filter((line) => line.type === 'error');
    expect(sorted(errors.map((error) => error.accountId as string))).toEqual(sorted(aggregating));
    for (const error of errors) expect(error).toMatchObject({ provider: 'MASTERCARD_AU', code: 'PROVIDER_UNAVAILABLE', retryable: true, customerId });
    expect(lines.filter((line) => line.type === 'transaction').length).toBeGreaterThan(0);
    expect(lines.at(-1)).toMatchObject({ type: 'end', errors: aggregating.length, complete: false });
  });

  it('transactionsSync names them in providerErrors, and again on the next call without reading the provider', async () => {
    const answer: Answer<SyncData> = await gateway.graphql(SYNC, { scope: { customers: [customerId] } });
    expect(answer.data!.transactionsSync.added.length).toBeGreaterThan(0);
    // One page holds the customer's rows, so the next call without a cursor starts a new read.
    expect(answer.data!.transactionsSync.hasMore).toBe(false);
    const problems = answer.data!.transactionsSync.providerErrors;
    expect(sorted(problems.map((problem) => problem.accountId))).toEqual(sorted(aggregating));
    for (const problem of problems) expect(problem).toMatchObject({ provider: 'MASTERCARD_AU', customerId, code: 'PROVIDER_UNAVAILABLE', retryable: true });
    expectNamesAggregating(answer.errors, ['transactionsSync']);
    // The scope counts as read: the next call names them again from what it knows (sync-limits.ts).
    const again: Answer<SyncData> = await gateway.graphql(SYNC, { scope: { customers: [customerId] } });
    expect(sorted(again.data!.transactionsSync.providerErrors.map((problem) => problem.accountId))).toEqual(sorted(aggregating));
    expectNamesAggregating(again.errors, ['transactionsSync']);
  });

  it('says nothing once the aggregation has finished', async () => {
    clock.ms += 31_000;
    const customer: Answer<unknown> = await gateway.graphql(
      'query($id: ID!) { customer(id: $id) { transactions(first: 5) { edges { node { id } } } } }',
      { id: customerId },
    );
    expect(customer.errors).toBeUndefined();
    const search: Answer<SearchData> = await gateway.graphql(SEARCH, { filter: { from, customers: [customerId] } });
    expect(search.errors).toBeUndefined();
    expect(search.data!.transactions.providerErrors).toEqual([]);
    const lines = await exportLines();
    expect(lines.filter((line) => line.type === 'error')).toEqual([]);
    expect(lines.at(-1)).toMatchObject({ type: 'end', errors: 0, complete: true });
    // Its customer waited for the aggregation: read again once the re-read interval has passed, it brings the new accounts' rows.
    gatewayAhead.ms += AGGREGATING_REREAD_INTERVAL_MS + 1_000;
    const sync: Answer<SyncData> = await gateway.graphql(SYNC, { scope: { customers: [customerId] } });
    expect(sync.errors).toBeUndefined();
    expect(sync.data!.transactionsSync.providerErrors).toEqual([]);
    expect(sync.data!.transactionsSync.added.some((row) => aggregating.includes(row.accountId ?? ''))).toBe(true);
  });
});
