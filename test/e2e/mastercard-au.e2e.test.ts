import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuAccountLiveBalanceDocument,
  AuAccountPaymentDocument,
  AuCustomerAccountsDocument,
  BothMastercardRegionsDocument,
  CertifiedInstitutionsDocument,
  CreateAuBusinessCustomerDocument,
  GenerateConnectUrlDocument,
  InstitutionByIdDocument,
  InstitutionsDocument,
} from '../../src/generated/operations.js';
import type { MastercardSimulator } from '../../src/sandbox/mastercard/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { counterValue } from '../support/sandbox-deps.js';

let gateway: TestGateway;
const auSimulator = () => gateway.sandbox!.simulators.MASTERCARD_AU as MastercardSimulator;

async function auCustomerId(username: string): Promise<string> {
  const answer = await gateway.graphql<{ customers: { edges: Array<{ node: { id: string } }> } }>(
    `query { customers(provider: MASTERCARD_AU, username: ${JSON.stringify(username)}) { edges { node { id } } } }`,
  );
  return answer.data!.customers.edges[0]!.node.id;
}

async function accountsOf(customerId: string) {
  const answer = await gateway.graphql(AuCustomerAccountsDocument, { id: customerId });
  expect(answer.errors).toBeUndefined();
  return answer.data!.customer!.accounts!.edges.map((edge) => edge.node);
}

beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(async () => {
  await gateway?.close();
});

describe('Mastercard AU end to end over HTTP', () => {
  it('answers customers of both Mastercard regions in one request, AU first (Provider order)', async () => {
    const answer = await gateway.graphql(BothMastercardRegionsDocument, { first: 1000 });
    expect(answer.errors).toBeUndefined();
    const providers = answer.data!.customers!.edges.map((edge) => edge.node.provider);
    expect(providers).toContain('MASTERCARD_AU');
    expect(providers).toContain('MASTERCARD_US');
    const lastAu = providers.lastIndexOf('MASTERCARD_AU');
    const firstUs = providers.indexOf('MASTERCARD_US');
    expect(lastAu).toBeLessThan(firstUs);
    // Every AU edge precedes every other provider's, as PROVIDER_KEYS orders them.
    expect(providers.slice(0, lastAu + 1).every((provider) => provider === 'MASTERCARD_AU')).toBe(true);
    const au = answer.data!.customers!.edges.filter((edge) => edge.node.provider === 'MASTERCARD_AU').map((edge) => edge.node.username);
    expect(au).toContain('customer_profile_4118');
  });

  it('lists the AU capabilities, including the billable live balance', async () => {
    const answer = await gateway.graphql<{ providers: Array<{ provider: string; capabilities: string[] }> }>('{ providers { provider capabilities } }');
    const au = answer.data!.providers.find((provider) => provider.provider === 'MASTERCARD_AU')!;
    expect(au.capabilities).toEqual(expect.arrayContaining(['CONSENTS', 'INSTITUTIONS', 'CONNECT_URL', 'PAYMENT_DETAILS', 'AVAILABLE_BALANCE', 'LIVE_BALANCE', 'ACCOUNT_OWNER']));
    const us = answer.data!.providers.find((provider) => provider.provider === 'MASTERCARD_US')!;
    expect(us.capabilities).not.toContain('LIVE_BALANCE');
  });

  it('shows the business profile 4118 with category BUSINESS and its ABN', async () => {
    const answer = await gateway.graphql<{ customer: { category: string; abn: string | null; provider: string } }>(
      `query($id: ID!) { customer(id: $id) { provider category abn } }`,
      { id: await auCustomerId('customer_profile_4118') },
    );
    expect(answer.data!.customer).toEqual({ provider: 'MASTERCARD_AU', category: 'BUSINESS', abn: '83914571673' });
  });

  it('maps AU accounts onto the unified types in AUD, on the v3 per-account path', async () => {
    const customerId = await auCustomerId('customer_profile_4110');
    const accounts = await accountsOf(customerId);
    expect(new Set(accounts.map((account) => account.type))).toEqual(
      new Set(['TRANSACTION_AND_SAVINGS', 'CREDIT_CARD', 'LOAN', 'MORTGAGE', 'TERM_DEPOSIT']),
    );
    expect(accounts.every((account) => account.institutionId === '200003' && account.aggregationStatusCode === 0)).toBe(true);

    // A page as large as the provider's maximum goes to the per-account endpoint: v3 in AU (v4 in the US).
    const v3 = 'GET /aggregation/v3/customers/:customerId/accounts/:accountId/transactions';
    const before = auSimulator().stats().byRoute[v3] ?? 0;
    const savings = accounts.find((account) => account.providerType === 'transactionAndSavings')!;
    const page = await gateway.graphql<{ account: { transactions: { edges: Array<{ node: { amount: { currency: string } } }> } } }>(
      `query($id: ID!) { account(id: $id) { transactions(first: 1000) { edges { node { amount { currency } } } } } }`,
      { id: savings.id },
    );
    expect(page.errors).toBeUndefined();
    expect(page.data!.account.transactions.edges.length).toBeGreaterThan(0);
    expect(page.data!.account.transactions.edges.every((edge) => edge.node.amount.currency === 'AUD')).toBe(true);
    expect(auSimulator().stats().byRoute[v3]).toBe(before + 1);
  });

  it('gives payment details with the BSB as XXY-ZZZ, and null for account types without them', async () => {
    const accounts = await accountsOf(await auCustomerId('customer_profile_4111'));
    const savings = accounts.find((account) => account.providerType === 'transactionAndSavings')!;
    const card = accounts.find((account) => account.providerType === 'creditCard')!;
    const answer = await gateway.graphql(AuAccountPaymentDocument, { id: savings.id });
    expect(answer.errors).toBeUndefined();
    const details = answer.data!.account!.paymentDetails!;
    expect(details.bsb).toMatch(/^\d{3}-\d{3}$/);
    expect(details.accountNumber).toMatch(/^\d{6,}$/);
    expect(details.accountNumberMasked).toBe(`…${details.accountNumber.slice(-4)}`);
    expect(details.providerType).toBe('moneyTransfer');
    expect(answer.data!.account!.availableBalance!.available.currency).toBe('AUD');
    expect(answer.data!.account!.availableBalance!.live).toBe(false);
    expect(answer.data!.account!.owners![0]!.name).toBe('Jack Williams');

    // The full number appears nowhere but in paymentDetails.
    const plain = await gateway.graphql<Record<string, unknown>>(
      `query($id: ID!) { account(id: $id) { id name numberMasked balance { amount } transactions(first: 5) { edges { node { description memo } } } } }`,
      { id: savings.id },
    );
    expect(JSON.stringify(plain)).not.toContain(details.accountNumber);

    const none = await gateway.graphql(AuAccountPaymentDocument, { id: card.id });
    expect(none.errors).toBeUndefined();
    expect(none.data!.account!.paymentDetails).toBeNull();
    expect(none.data!.account!.availableBalance).toBeNull();
  });

  it('reads the live balance only from its own field, and counts every live call as billable', async () => {
    const accounts = await accountsOf(await auCustomerId('customer_profile_4113'));
    const savings = accounts.find((account) => account.providerType === 'transactionAndSavings')!;
    const billable = () => counterValue(gateway.metrics, 'gateway_billable_calls_total', { provider: 'MASTERCARD_AU', operation: 'balance.live' });
    const liveRoute = 'GET /aggregation/v1/customers/:customerId/accounts/:accountId/availableBalance/live';
    const before = await billable();
    const routeBefore = auSimulator().stats().byRoute[liveRoute] ?? 0;

    // Ordinary account queries never touch the live endpoint.
    await accountsOf(await auCustomerId('customer_profile_4113'));
    expect(auSimulator().stats().byRoute[liveRoute] ?? 0).toBe(routeBefore);

    for (let call = 0; call < 2; call += 1) {
      const answer = await gateway.graphql(AuAccountLiveBalanceDocument, { id: savings.id });
      expect(answer.errors).toBeUndefined();
      const balance = answer.data!.account!.liveAvailableBalance!;
      expect(balance.live).toBe(true);
      expect(balance.available.currency).toBe('AUD');
      expect(balance.available.amount).toMatch(/^-?\d+(\.\d+)?$/);
    }
    expect(await billable()).toBe(before + 2);
    expect(auSimulator().stats().byRoute[liveRoute]).toBe(routeBefore + 2);

    const tooOld = await gateway.graphql(AuAccountLiveBalanceDocument, { id: savings.id, maxCacheAgeMinutes: 5000 });
    expect(tooOld.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'maxCacheAgeMinutes' });
    expect(await billable()).toBe(before + 2);

    const metrics = await gateway.metrics.registry.metrics();
    expect(metrics).toMatch(/gateway_billable_calls_total\{provider="MASTERCARD_AU",operation="balance.live"\} \d+/);
  });

  it('answers UNSUPPORTED_BY_PROVIDER for AU-only account products on a US account', async () => {
    const list = await gateway.graphql<{ customers: { edges: Array<{ node: { accounts: { edges: Array<{ node: { id: string } }> } } }> } }>(
      'query { customers(provider: MASTERCARD_US, first: 1) { edges { node { accounts(first: 1) { edges { node { id } } } } } } }',
    );
    const usAccount = list.data!.customers.edges[0]!.node.accounts.edges[0]!.node.id;
    const answer = await gateway.graphql(AuAccountLiveBalanceDocument, { id: usAccount });
    expect(answer.errors![0]!.extensions).toMatchObject({ code: 'UNSUPPORTED_BY_PROVIDER', provider: 'MASTERCARD_US' });
  });

  it('creates AU customers with category and ABN, and refuses an ABN where it does not belong', async () => {
    const created = await gateway.graphql(CreateAuBusinessCustomerDocument, {
      input: { provider: 'MASTERCARD_AU', username: `au-e2e-biz-${process.pid}`, category: 'BUSINESS', mastercardAu: { abn: '51 824 753 556' } },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createCustomer).toMatchObject({ kind: 'TESTING', category: 'BUSINESS', abn: '51824753556' });

    const individual = await gateway.graphql(CreateAuBusinessCustomerDocument, {
      input: { provider: 'MASTERCARD_AU', username: `au-e2e-ind-${process.pid}`, mastercardAu: { abn: '51824753556' } },
    });
    expect(individual.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.mastercardAu.abn' });

    const badDigit = await gateway.graphql(CreateAuBusinessCustomerDocument, {
      input: { provider: 'MASTERCARD_AU', username: `au-e2e-bad-${process.pid}`, category: 'BUSINESS', mastercardAu: { abn: '51824753557' } },
    });
    // CDR representative (the sandbox default): "The ABN is not validated" (seed 000), by the gateway
    // or the simulator; only BCDC checks it (mastercard-au.bcdc.test.ts).
    expect(badDigit.errors).toBeUndefined();
    expect(badDigit.data!.createCustomer).toMatchObject({ category: 'BUSINESS', abn: '51824753557' });

    for (const [input, field] of [
      [{ provider: 'MASTERCARD_US', username: `us-e2e-abn-${process.pid}`, mastercardAu: { abn: '51824753556' } }, 'input.mastercardAu'],
      [{ provider: 'MASTERCARD_US', username: `us-e2e-cat-${process.pid}`, category: 'BUSINESS' }, 'input.category'],
    ] as const) {
      const refused = await gateway.graphql(CreateAuBusinessCustomerDocument, { input });
      expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('searches, pages and reads institutions, and lists certified ones', async () => {
    const finbank = await gateway.graphql(InstitutionsDocument, { provider: 'MASTERCARD_AU', search: 'FinBank' });
    expect(finbank.errors).toBeUndefined();
    expect(new Set(finbank.data!.institutions!.edges.map((edge) => edge.node.providerId))).toEqual(new Set(['200003', '2002119', '2002120']));

    const first = await gateway.graphql(InstitutionsDocument, { provider: 'MASTERCARD_AU', first: 2 });
    const connection = first.data!.institutions;
    expect(connection!.edges).toHaveLength(2);
    expect(connection!.pageInfo.hasNextPage).toBe(true);
    const next = await gateway.graphql(InstitutionsDocument, { provider: 'MASTERCARD_AU', first: 2, after: connection!.pageInfo.endCursor });
    const seen = new Set(connection!.edges.map((edge) => edge.node.providerId));
    expect(next.data!.institutions!.edges.length).toBe(2);
    for (const edge of next.data!.institutions!.edges) expect(seen.has(edge.node.providerId)).toBe(false);

    const certified = await gateway.graphql(CertifiedInstitutionsDocument, {
      provider: 'MASTERCARD_AU',
      products: ['VERIFICATION_OF_INCOME', 'ACCOUNT_OWNER'],
    });
    expect(certified.errors).toBeUndefined();
    for (const edge of certified.data!.certifiedInstitutions!.edges) {
      expect(edge.node.products).toEqual(expect.arrayContaining(['VERIFICATION_OF_INCOME', 'ACCOUNT_OWNER']));
    }
    expect(certified.data!.certifiedInstitutions!.totalCount).toBe(3);

    const oauth = finbank.data!.institutions!.edges.find((edge) => edge.node.providerId === '200003')!;
    const one = await gateway.graphql(InstitutionByIdDocument, { id: oauth.node.id });
    expect(one.data!.institution).toMatchObject({ name: 'FinBank Aus OAuth', currency: 'AUD' });
    const node = await gateway.graphql<{ node: { __typename: string } }>(`query($id: ID!) { node(id: $id) { __typename } }`, { id: oauth.node.id });
    expect(node.data!.node.__typename).toBe('Institution');
  });

  it('generates Connect Full and Lite URLs, and checks the Lite institution before any call', async () => {
    const customerId = await auCustomerId('customer_profile_4115');
    const before = Date.now();
    const full = await gateway.graphql(GenerateConnectUrlDocument, { input: { customerId } });
    expect(full.errors).toBeUndefined();
    expect(full.data!.generateConnectUrl!.kind).toBe('FULL');
    expect(new URL(full.data!.generateConnectUrl!.url).protocol).toBe('https:');
    const expiresAt = Date.parse(full.data!.generateConnectUrl!.expiresAt!);
    expect(expiresAt - before).toBeGreaterThanOrEqual(2 * 3600 * 1000 - 1000);

    const route = 'POST /connect/v2/generate/lite';
    const calls = auSimulator().stats().byRoute[route] ?? 0;
    const missing = await gateway.graphql(GenerateConnectUrlDocument, { input: { customerId, kind: 'LITE' } });
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.institutionId' });
    expect(auSimulator().stats().byRoute[route] ?? 0).toBe(calls);

    const lite = await gateway.graphql(GenerateConnectUrlDocument, { input: { customerId, kind: 'LITE', institutionId: '200003' } });
    expect(lite.errors).toBeUndefined();
    const url = new URL(lite.data!.generateConnectUrl!.url);
    expect(url.searchParams.get('institutionId')).toBe('200003');
    expect(url.searchParams.get('type')).toBe('lite');
  });
});
