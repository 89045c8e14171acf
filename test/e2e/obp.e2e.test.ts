import Keyv from 'keyv';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGlobalId } from '../../src/domain/global-id.js';
import {
  ObpAccountTransactionsDocument,
  ObpAllProvidersCustomersDocument,
  ObpBanksDocument,
  ObpCreateCustomerDocument,
  ObpCustomerDetailDocument,
  ObpLinkUserToCustomerDocument,
  ObpNodeDocument,
} from '../../src/generated/operations.js';
import { OBP_SANDBOX_CONSUMER_KEY, OBP_SANDBOX_USERS, obpSandboxUserId, type ObpSimulator } from '../../src/sandbox/obp/index.js';
import { counterValue } from '../support/sandbox-deps.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../support/gateway-harness.js';

const admin = OBP_SANDBOX_USERS[0]!;
let gateway: TestGateway;
let obp: ObpSimulator;

/** Logs the gateway's own OBP user in behind its back: OBP then invalidates the gateway's token. */
async function loginBehindTheGatewaysBack(simulator: ObpSimulator): Promise<void> {
  const response = await request(`${simulator.url}/my/logins/direct`, {
    method: 'POST',
    headers: { DirectLogin: `username="${admin.username}", password="${admin.password}", consumer_key="${OBP_SANDBOX_CONSUMER_KEY}"` },
  });
  expect(response.statusCode).toBe(201);
  await response.body.dump();
}

beforeAll(async () => {
  gateway = await startTestGateway();
  obp = gateway.sandbox!.simulators.OBP as ObpSimulator;
});
afterAll(async () => {
  await gateway?.close();
});

describe('OBP end to end over HTTP', () => {
  it('answers customers from Mastercard AU, Mastercard US and OBP in one request', async () => {
    const answer = await gateway.graphql(ObpAllProvidersCustomersDocument, { first: 1000 });
    expect(answer.errors).toBeUndefined();
    const connection = answer.data!.customers;
    expect(connection!.providerErrors.map((error) => error.provider)).toEqual(['CAIBO_IPG']);
    const providers = new Set(connection!.edges.map((edge) => edge.node.provider));
    expect(providers).toEqual(new Set(['MASTERCARD_AU', 'MASTERCARD_US', 'OBP']));
    const obpEdges = connection!.edges.filter((edge) => edge.node.provider === 'OBP');
    // 4 simulated banks × 5 seeded customers, fanned out across the banks inside the adapter.
    expect(new Set(obpEdges.map((edge) => edge.node.bank?.providerId))).toEqual(new Set(['gh.29.uk', 'de.17.ber', 'us.42.nyc', 'sg.08.sgp']));
    for (const edge of obpEdges) {
      expect(edge.node.customerNumber).toMatch(/^\d+$/);
      expect(decodeGlobalId(edge.node.id).scope).toEqual([edge.node.bank!.providerId]);
    }
    // Every provider reports an exact total here (the OBP merge read every bank to its end).
    expect(connection!.totalCount).toBe(connection!.edges.length);
  });

  it('pages the merged OBP customers across banks without gaps or repeats', async () => {
    const all = await gateway.graphql('query { customers(provider: OBP, first: 1000) { edges { node { providerId } } } }');
    const expected = (all.data as { customers: { edges: Array<{ node: { providerId: string } }> } }).customers.edges.map((e) => e.node.providerId);
    const seen: string[] = [];
    let after: string | null = null;
    type Page = { customers: { edges: Array<{ node: { providerId: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    for (let pages = 0; pages < 20; pages += 1) {
      const page: GraphQLResponse<Page> = await gateway.graphql<Page>('query ($after: String) { customers(provider: OBP, first: 3, after: $after) { edges { node { providerId } } pageInfo { hasNextPage endCursor } } }', {
        after,
      });
      expect(page.errors).toBeUndefined();
      seen.push(...page.data!.customers.edges.map((edge) => edge.node.providerId));
      if (!page.data!.customers.pageInfo.hasNextPage) break;
      after = page.data!.customers.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('lists banks as a scope, with their customers', async () => {
    const answer = await gateway.graphql(ObpBanksDocument);
    expect(answer.errors).toBeUndefined();
    const banks = answer.data!.banks;
    expect(banks!.map((bank) => bank.providerId)).toEqual(['gh.29.uk', 'de.17.ber', 'us.42.nyc', 'sg.08.sgp']);
    const gh = banks![0]!;
    expect(gh.routings).toContainEqual({ scheme: 'BIC', address: 'THMUGB2L' });
    expect(gh.customers!.edges).toHaveLength(2);
    for (const edge of gh.customers!.edges) expect(decodeGlobalId(edge.node.id).scope).toEqual(['gh.29.uk']);
  });

  it('round-trips bank-scoped Bank, Customer, Account and Transaction IDs through node(id:)', async () => {
    const banks = await gateway.graphql(ObpBanksDocument);
    const bankId = banks.data!.banks![1]!.id;
    const bankNode = await gateway.graphql(ObpNodeDocument, { id: bankId });
    expect(bankNode.errors).toBeUndefined();
    expect(bankNode.data!.node).toMatchObject({ __typename: 'Bank', id: bankId, providerId: 'de.17.ber' });

    const customerId = banks.data!.banks![1]!.customers!.edges[0]!.node.id;
    const detail = await gateway.graphql(ObpCustomerDetailDocument, { id: customerId });
    expect(detail.errors).toBeUndefined();
    const customer = detail.data!.customer!;
    expect(customer.bank?.providerId).toBe('de.17.ber');
    expect(customer.kycStatus).toEqual(expect.any(Boolean));
    expect(customer.dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(customer.accounts!.edges.length).toBeGreaterThan(0);

    const customerNode = await gateway.graphql(ObpNodeDocument, { id: customerId });
    expect(customerNode.data!.node).toMatchObject({ __typename: 'Customer', providerId: customer.providerId, customerNumber: customer.customerNumber });

    for (const { node: account } of customer.accounts!.edges) {
      expect(decodeGlobalId(account.id).scope).toEqual(['de.17.ber']);
      expect(account.balance?.amount).toMatch(/^-?\d+\.\d{2}$/);
      expect(account.currency).toMatch(/^[A-Z]{3}$/);
      expect(account.numberMasked).toMatch(/^…\d{4}$/);
      for (const routing of account.accountRoutings ?? []) expect(routing.addressMasked ?? '').not.toMatch(/\d{5,}/);
      const accountNode = await gateway.graphql(ObpNodeDocument, { id: account.id });
      expect(accountNode.data!.node).toMatchObject({ __typename: 'Account', providerId: account.providerId, balance: account.balance });
    }

    const account = customer.accounts!.edges[0]!.node;
    const transactions = await gateway.graphql(ObpAccountTransactionsDocument, { accountId: account.id, first: 3 });
    expect(transactions.errors).toBeUndefined();
    // Reached by ID, an account still knows its customer (through OBP's customer-account link).
    expect(transactions.data!.account!.customer?.id).toBe(customerId);
    const transaction = transactions.data!.account!.transactions!.edges[0]!.node;
    expect(decodeGlobalId(transaction.id).scope).toEqual(['de.17.ber', account.providerId]);
    const transactionNode = await gateway.graphql(ObpNodeDocument, { id: transaction.id });
    expect(transactionNode.errors).toBeUndefined();
    expect(transactionNode.data!.node).toMatchObject({
      __typename: 'Transaction',
      providerId: transaction.providerId,
      amount: transaction.amount,
      account: { id: account.id },
    });
  });

  it('reads transactions with exact decimal amounts, new_balance, and OBP paging and date filters', async () => {
    const list = await gateway.graphql(ObpBanksDocument);
    const customerId = list.data!.banks![0]!.customers!.edges[0]!.node.id;
    const detail = await gateway.graphql(ObpCustomerDetailDocument, { id: customerId });
    const account = detail.data!.customer!.accounts!.edges.find((edge) => edge.node.type === 'CHECKING')!.node;

    const page = await gateway.graphql(ObpAccountTransactionsDocument, { accountId: account.id, first: 10 });
    const edges = page.data!.account!.transactions!.edges;
    expect(edges).toHaveLength(10);
    expect(page.data!.account!.transactions!.pageInfo.hasNextPage).toBe(true);
    // The newest transaction's new_balance is the account balance; each older one's is this one's minus its value.
    expect(edges[0]!.node.newBalance).toEqual(account.balance);
    for (const [index, { node }] of edges.entries()) {
      expect(node.status).toBe('POSTED');
      expect(node.amount.amount).toMatch(/^-?\d+\.\d{2}$/);
      const next = edges[index + 1]?.node;
      if (next) {
        const cents = (value: string): bigint => BigInt(value.replace('.', ''));
        expect(cents(next.newBalance!.amount)).toBe(cents(node.newBalance!.amount) - cents(node.amount.amount));
        expect(Date.parse(next.postedAt!)).toBeLessThanOrEqual(Date.parse(node.postedAt!));
      }
    }
    // Money out is negative (rent, card payments), money in positive (salary).
    expect(edges.some((edge) => edge.node.amount.amount.startsWith('-'))).toBe(true);

    const second = await gateway.graphql(ObpAccountTransactionsDocument, {
      accountId: account.id,
      first: 10,
      after: page.data!.account!.transactions!.pageInfo.endCursor,
    });
    const firstIds = new Set(edges.map((edge) => edge.node.id));
    expect(second.data!.account!.transactions!.edges.length).toBe(10);
    for (const edge of second.data!.account!.transactions!.edges) expect(firstIds.has(edge.node.id)).toBe(false);

    const from = new Date(Date.parse(edges[5]!.node.postedAt!));
    const to = new Date(Date.parse(edges[2]!.node.postedAt!));
    const window = await gateway.graphql(ObpAccountTransactionsDocument, {
      accountId: account.id,
      first: 50,
      filter: { from: from.toISOString(), to: to.toISOString(), sort: 'asc' },
    });
    const inWindow = window.data!.account!.transactions!.edges.map((edge) => edge.node);
    expect(inWindow.map((node) => node.id)).toEqual(edges.slice(2, 6).map((edge) => edge.node.id).reverse());
  });

  it('creates a customer at a bank from the unified input and links the gateway user to it', async () => {
    const created = await gateway.graphql(ObpCreateCustomerDocument, {
      input: {
        provider: 'OBP',
        name: 'Rosa Quintero',
        phone: '+1 212 555 0199',
        obp: { bankId: 'us.42.nyc', dateOfBirth: '1987-06-05', kycStatus: true, relationshipStatus: 'married' },
      },
    });
    expect(created.errors).toBeUndefined();
    const customer = created.data!.createCustomer;
    expect(customer).toMatchObject({
      provider: 'OBP',
      name: 'Rosa Quintero',
      phone: '+1 212 555 0199',
      kycStatus: true,
      dateOfBirth: '1987-06-05',
      relationshipStatus: 'married',
      bank: { providerId: 'us.42.nyc' },
    });
    expect(customer!.customerNumber).toMatch(/^\d+$/);
    expect(decodeGlobalId(customer!.id).scope).toEqual(['us.42.nyc']);

    const linked = await gateway.graphql(ObpLinkUserToCustomerDocument, { customerId: customer!.id });
    expect(linked.errors).toBeUndefined();
    expect(linked.data!.linkUserToCustomer).toMatchObject({ userId: obpSandboxUserId(admin.username), active: true, customer: { id: customer!.id } });
    const detail = await gateway.graphql(ObpCustomerDetailDocument, { id: customer!.id });
    expect(detail.data!.customer!.userLinks).toEqual([{ userId: obpSandboxUserId(admin.username), active: true }]);
  });
});

describe('OBP DirectLogin token invalidation', () => {
  it('recovers with exactly one refresh after the same user logs in elsewhere, however many calls were refused', async () => {
    const banks = await gateway.graphql(ObpBanksDocument);
    expect(banks.errors).toBeUndefined();
    const customerIds = banks.data!.banks!.flatMap((bank) => bank.customers!.edges.map((edge) => edge.node.id));
    const fetchesBefore = await counterValue(gateway.metrics, 'gateway_token_fetches_total', { provider: 'OBP' });

    await loginBehindTheGatewaysBack(obp);
    obp.resetStats();
    // Eight customers in one request and three requests at once: many calls meet the stale token together.
    const answers = await Promise.all(
      [0, 1, 2].map(() => gateway.graphql(ObpNodeDocument, { id: customerIds[0]! }).then(async (first) => [first, ...(await Promise.all(customerIds.slice(1).map((id) => gateway.graphql(ObpNodeDocument, { id }))))])),
    );
    for (const answer of answers.flat()) expect(answer.errors).toBeUndefined();
    expect(obp.stats().logins).toBe(1);
    expect(await counterValue(gateway.metrics, 'gateway_token_fetches_total', { provider: 'OBP' })).toBe(fetchesBefore + 1);

    obp.resetStats();
    const again = await gateway.graphql(ObpNodeDocument, { id: customerIds[0]! });
    expect(again.errors).toBeUndefined();
    expect(obp.stats().logins).toBe(0);
  });

  it('refreshes once when OBP expires the token before the gateway would', async () => {
    // The simulator's clock is moved, not waited for: no race with a slow machine.
    let clock = Date.now();
    const short = await startTestGateway({ sandbox: { now: () => clock, providers: { OBP: { tokenTtlSeconds: 60 } } } });
    const simulator = short.sandbox!.simulators.OBP as ObpSimulator;
    try {
      expect((await short.graphql(ObpBanksDocument)).errors).toBeUndefined();
      clock += 61_000;
      simulator.resetStats();
      const answer = await short.graphql(ObpBanksDocument);
      expect(answer.errors).toBeUndefined();
      expect(simulator.stats().logins).toBe(1);
    } finally {
      await short.close();
    }
  });

  it('shares one token between gateway instances through a shared cache store, so neither invalidates the other', async () => {
    const store = new Keyv();
    const first = await startTestGateway({ store });
    const simulator = first.sandbox!.simulators.OBP as ObpSimulator;
    const second = await startTestGateway({ store, endpoints: first.sandbox!.endpoints });
    try {
      simulator.resetStats();
      for (const instance of [first, second, first, second]) {
        const answer = await instance.graphql(ObpBanksDocument);
        expect(answer.errors).toBeUndefined();
      }
      // One login in all: the second instance found the first one's token in the shared store.
      expect(simulator.stats().logins).toBe(1);
    } finally {
      await second.close();
      await first.close();
    }
  });
});
