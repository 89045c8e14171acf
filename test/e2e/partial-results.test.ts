import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerDetailDocument } from '../../src/generated/operations.js';
import { CAIBO_SEED_CUSTOMER_IDS } from '../../src/sandbox/caibo/index.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-all.js';
import { encodeGlobalId, ref } from '../../src/domain/global-id.js';
import { startFaultyProxy, type FaultyProxy } from '../support/faulty-proxy.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../support/gateway-harness.js';

/**
 * Faults stay small (issue 9, items 1 and 6): each fault nulls only the field that needed the
 * failing call, reports it in `errors` with that field's path, and leaves every other customer,
 * provider and root field in the answer. Over real HTTP against the simulators.
 */

type Errors = GraphQLResponse<unknown>['errors'];
interface AccountNode {
  id: string;
  providerId: string;
  transactions: { totalCount: number | null; edges: unknown[] } | null;
}
interface CustomerNode {
  id: string;
  provider: string;
  providerId: string;
  name: string | null;
  accounts: { edges: Array<{ node: AccountNode }> } | null;
}
interface CustomersAnswer {
  providers: Array<{ provider: string }>;
  customers: { edges: Array<{ node: CustomerNode }>; providerErrors: Array<{ provider: string }> } | null;
}

/** The query: every customer, its accounts, one transaction each. */
const EVERYTHING = `query ($first: Int!, $provider: Provider, $transactions: Int!) {
  providers { provider }
  customers(first: $first, provider: $provider) {
    providerErrors { provider }
    edges { node { id provider providerId name accounts { edges { node { id providerId transactions(first: $transactions) { totalCount edges { node { id } } } } } } } }
  }
}`;

const nodesOf = (answer: GraphQLResponse<CustomersAnswer>): CustomerNode[] => answer.data!.customers!.edges.map((edge) => edge.node);
const errorAt = (errors: Errors, path: ReadonlyArray<string | number>) =>
  errors?.find((error) => JSON.stringify(error.path) === JSON.stringify(path));

describe('a fault nulls the smallest part of the answer', () => {
  let gateway: TestGateway;
  const clock = { ms: Date.now() };
  beforeAll(async () => {
    gateway = await startTestGateway({ sandbox: { now: () => clock.ms } });
  });
  afterAll(async () => {
    await gateway?.close();
  });

  it('5006 on a freshly connected AU customer: only its transactions are null; other customers, providers and `providers` stay', async () => {
    const created = await gateway.graphql<{ createCustomer: { id: string; providerId: string } | null }>(
      'mutation ($u: String!) { createCustomer(input: { provider: MASTERCARD_AU, username: $u, firstName: "Fresh", lastName: "Connect" }) { id providerId } }',
      { u: `partial-5006-${process.pid}` },
    );
    const customer = created.data!.createCustomer!;
    const connect = await fetch(`${gateway.sandbox!.simulators.MASTERCARD_AU!.url}/_sandbox/connect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerId: customer.providerId, institutionId: '200003', profile: 'profile_4117' }),
    });
    expect(connect.status).toBe(201);

    // Within the aggregation window (the simulators' clock does not move).
    const answer = await gateway.graphql<CustomersAnswer>(EVERYTHING, { first: 100, transactions: 1 });
    expect(answer.data).not.toBeNull();
    expect(answer.data!.providers.map((provider) => provider.provider)).toEqual(expect.arrayContaining(['MASTERCARD_AU', 'MASTERCARD_US', 'OBP']));
    const nodes = nodesOf(answer);
    const providers = new Set(nodes.map((node) => node.provider));
    expect(providers).toEqual(new Set(['MASTERCARD_AU', 'MASTERCARD_US', 'OBP']));
    expect(answer.data!.customers!.providerErrors).toEqual([{ provider: 'CAIBO_IPG' }]);

    const index = nodes.findIndex((node) => node.id === customer.id);
    expect(index).toBeGreaterThanOrEqual(0);
    const fresh = nodes[index]!;
    expect(fresh.name).toBe('Fresh Connect');
    expect(fresh.accounts!.edges.length).toBeGreaterThan(0);
    for (const [accountIndex, edge] of fresh.accounts!.edges.entries()) {
      expect(edge.node.transactions).toBeNull();
      const error = errorAt(answer.errors, ['customers', 'edges', index, 'node', 'accounts', 'edges', accountIndex, 'node', 'transactions']);
      expect(error?.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'MASTERCARD_AU', providerCode: '5006', retryable: true });
    }
    // Every error is the fresh customer's; every other customer's accounts and transactions arrived.
    expect(answer.errors!.every((error) => error.path?.[2] === index)).toBe(true);
    const others = nodes.filter((node) => node.id !== customer.id);
    expect(others.every((node) => node.accounts !== null && node.accounts.edges.every((edge) => edge.node.transactions !== null))).toBe(true);
  });

  it('a revoked consent nulls only that customer\'s accounts', async () => {
    const listed = await gateway.graphql<{ customers: { edges: Array<{ node: { id: string; username: string } }> } }>(
      'query { customers(provider: MASTERCARD_AU, first: 100) { edges { node { id username } } } }',
    );
    const target = listed.data!.customers.edges.find((edge) => edge.node.username === 'customer_profile_4111')!.node;
    const consents = await gateway.graphql<{ consents: { edges: Array<{ node: { id: string } }> } }>(
      'query ($c: ID!) { consents(customerId: $c) { edges { node { id } } } }',
      { c: target.id },
    );
    const revoked = await gateway.graphql('mutation ($id: ID!) { revokeConsent(id: $id, revokedBy: CUSTOMER) { status } }', {
      id: consents.data!.consents.edges[0]!.node.id,
    });
    expect(revoked.errors).toBeUndefined();

    const answer = await gateway.graphql<CustomersAnswer>(EVERYTHING, { first: 100, provider: 'MASTERCARD_AU', transactions: 1 });
    const nodes = nodesOf(answer);
    const index = nodes.findIndex((node) => node.id === target.id);
    expect(nodes[index]).toMatchObject({ id: target.id, accounts: null });
    expect(errorAt(answer.errors, ['customers', 'edges', index, 'node', 'accounts'])?.extensions).toMatchObject({
      code: 'CONSENT_REVOKED',
      provider: 'MASTERCARD_AU',
    });
    const withAccounts = nodes.filter((node, at) => at !== index && node.accounts !== null && node.accounts.edges.length > 0);
    expect(withAccounts.length).toBeGreaterThan(0);
    expect(answer.data!.providers.length).toBeGreaterThan(0);
  });

  it('a capability the provider lacks is an error at that field: CustomerDetail keeps the Caibo customer, only accounts is null', async () => {
    const id = encodeGlobalId(ref('CAIBO_IPG', 'Customer', String(CAIBO_SEED_CUSTOMER_IDS.janeDoe)));
    const answer = await gateway.graphql(CustomerDetailDocument, { id });
    expect(answer.data!.customer).toMatchObject({ id, provider: 'CAIBO_IPG', name: 'Jane Doe', accounts: null });
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0]!.path).toEqual(['customer', 'accounts']);
    expect(answer.errors![0]!.extensions).toMatchObject({ code: 'UNSUPPORTED_BY_PROVIDER', provider: 'CAIBO_IPG' });
  });
});

describe('a 429 on one account\'s transactions (misbehaving server on port 0)', () => {
  let sandbox: RunningSandbox;
  let proxy: FaultyProxy;
  let gateway: TestGateway;
  let failing: string | null = null;
  beforeAll(async () => {
    sandbox = await startSandbox();
    const us = sandbox.endpoints.MASTERCARD_US!;
    proxy = await startFaultyProxy(us.baseUrl, (method, path) =>
      failing !== null && method === 'GET' && path.includes(`/accounts/${failing}/transactions`)
        ? { status: 429, headers: { 'retry-after': '1' }, body: JSON.stringify({ code: 429, message: 'Too many requests' }) }
        : null,
    );
    gateway = await startTestGateway({
      endpoints: { ...sandbox.endpoints, MASTERCARD_US: { ...us, baseUrl: proxy.url } },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await proxy?.close();
    await sandbox?.close();
  });

  it('nulls that account\'s transactions only, with RATE_LIMITED at its path', async () => {
    // 1000 per page is beyond the customer-level window, so every account is read on its own.
    const before = await gateway.graphql<CustomersAnswer>(EVERYTHING, { first: 5, provider: 'MASTERCARD_US', transactions: 1000 });
    expect(before.errors).toBeUndefined();
    const nodes = nodesOf(before);
    const customerIndex = nodes.findIndex((node) => node.accounts!.edges.length >= 2);
    const accounts = nodes[customerIndex]!.accounts!.edges;
    failing = accounts[0]!.node.providerId;

    const answer = await gateway.graphql<CustomersAnswer>(EVERYTHING, { first: 5, provider: 'MASTERCARD_US', transactions: 1000 });
    expect(proxy.faulted.length).toBeGreaterThan(0);
    const after = nodesOf(answer);
    expect(after.map((node) => node.id)).toEqual(nodes.map((node) => node.id));
    const hit = after[customerIndex]!.accounts!.edges;
    expect(hit[0]!.node.transactions).toBeNull();
    expect(hit.slice(1).every((edge) => edge.node.transactions !== null)).toBe(true);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0]!.path).toEqual(['customers', 'edges', customerIndex, 'node', 'accounts', 'edges', 0, 'node', 'transactions']);
    expect(answer.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', provider: 'MASTERCARD_US', retryable: true });
    expect(after.filter((_, at) => at !== customerIndex)).toEqual(nodes.filter((_, at) => at !== customerIndex));
  });
});
