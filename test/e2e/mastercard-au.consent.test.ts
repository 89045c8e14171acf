import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuAccountTransactionsDocument,
  AuCustomerAccountsDocument,
  CreateAuBusinessCustomerDocument,
  CustomerConsentsDocument,
  RevokeConsentDocument,
  RevokeConsentInstitutionLoginDocument,
} from '../../src/generated/operations.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

let gateway: TestGateway;
/** The simulators' clock; the gateway keeps real time. */
const clock = { ms: Date.now() };

async function auCustomerId(username: string): Promise<string> {
  const answer = await gateway.graphql<{ customers: { edges: Array<{ node: { id: string } }> } }>(
    `query { customers(provider: MASTERCARD_AU, username: ${JSON.stringify(username)}) { edges { node { id } } } }`,
  );
  return answer.data!.customers.edges[0]!.node.id;
}

beforeAll(async () => {
  gateway = await startTestGateway({ sandbox: { now: () => clock.ms } });
});
afterAll(async () => {
  await gateway?.close();
});

describe('Mastercard AU: an account still being aggregated', () => {
  it('answers a retryable error with a retry hint until the first aggregation ends', async () => {
    const created = await gateway.graphql(CreateAuBusinessCustomerDocument, {
      input: { provider: 'MASTERCARD_AU', username: `au-aggregating-${process.pid}` },
    });
    const customer = created.data!.createCustomer;
    // The customer finishes Connect at FinBank Aus OAuth (sandbox stand-in for the browser flow).
    const connect = await fetch(`${gateway.sandbox!.simulators.MASTERCARD_AU!.url}/_sandbox/connect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerId: customer!.providerId, institutionId: '200003', profile: 'profile_4117' }),
    });
    expect(connect.status).toBe(201);

    const accounts = await gateway.graphql(AuCustomerAccountsDocument, { id: customer!.id });
    expect(accounts.errors).toBeUndefined();
    const edges = accounts.data!.customer!.accounts!.edges;
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.every((edge) => edge.node.aggregationStatusCode === 325)).toBe(true);

    const pending = await gateway.graphql(AuAccountTransactionsDocument, { id: edges[0]!.node.id });
    // Only `transactions` is null: the account itself stays (nullability rule, README).
    expect(pending.data!.account).toMatchObject({ id: edges[0]!.node.id, aggregationStatusCode: 325, transactions: null });
    const error = pending.errors![0]!;
    expect(error.path).toEqual(['account', 'transactions']);
    expect(error.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'MASTERCARD_AU', providerCode: '5006', retryable: true });
    expect(error.extensions.retryAfterMs).toBeGreaterThanOrEqual(1000);
    expect(error.extensions.retryAfterMs).toBeLessThanOrEqual(30_000);
    // Provider text can carry the account id; long digit runs are masked.
    expect(error.message).not.toContain(edges[0]!.node.providerId);

    clock.ms += 31_000;
    const ready = await gateway.graphql(AuAccountTransactionsDocument, { id: edges[0]!.node.id });
    expect(ready.errors).toBeUndefined();
    expect(ready.data!.account!.aggregationStatusCode).toBe(0);
    expect(ready.data!.account!.transactions!.edges.length).toBeGreaterThan(0);
  });
});

describe('Mastercard AU: a new institution still being aggregated next to ready accounts', () => {
  it('answers the aggregating account with 5006, not an empty list, while its ready siblings keep their transactions', async () => {
    const customerId = await auCustomerId('customer_profile_4110');
    const providerId = Buffer.from(customerId, 'base64url').toString('utf8').match(/"Customer","([^"]+)"/)![1]!;
    const connect = await fetch(`${gateway.sandbox!.simulators.MASTERCARD_AU!.url}/_sandbox/connect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerId: providerId, institutionId: '2002119', profile: 'profile_4111' }),
    });
    expect(connect.status).toBe(201);
    const answer = await gateway.graphql<{
      customer: { accounts: { edges: Array<{ node: { id: string; aggregationStatusCode: number | null; transactions: { edges: unknown[] } | null } }> } };
    }>(
      `query($id: ID!) { customer(id: $id) { accounts(first: 50) { edges { node {
        id aggregationStatusCode transactions(first: 5) { edges { node { id } } }
      } } } } }`,
      { id: customerId },
    );
    const nodes = answer.data!.customer.accounts.edges.map((edge) => edge.node);
    const aggregating = nodes.filter((node) => node.aggregationStatusCode === 325);
    const ready = nodes.filter((node) => node.aggregationStatusCode === 0);
    expect(aggregating.length).toBeGreaterThan(0);
    expect(ready.length).toBeGreaterThan(0);
    // Before the fix the customer window (which lacks the new accounts) answered them "no transactions".
    for (const node of aggregating) expect(node.transactions).toBeNull();
    expect(ready.some((node) => (node.transactions?.edges.length ?? 0) > 0)).toBe(true);
    const codes = (answer.errors ?? []).map((error) => [error.extensions.code, error.extensions.providerCode, error.extensions.retryable]);
    expect(codes).toHaveLength(aggregating.length);
    for (const code of codes) expect(code).toEqual(['PROVIDER_UNAVAILABLE', '5006', true]);
    clock.ms += 31_000;
  });
});

describe('Mastercard AU: consent revocation', () => {
  it('revokes one institution login, then the whole consent, and answers CONSENT_REVOKED for the data', async () => {
    // profile_4112 signed in at FinBank Aus OAuth and FinBank Aus B: two arrangements in one consent.
    const customerId = await auCustomerId('customer_profile_4112');
    const listed = await gateway.graphql(CustomerConsentsDocument, { customerId });
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.consents!.totalCount).toBe(1);
    const consent = listed.data!.consents!.edges[0]!.node;
    expect(consent.status).toBe('ACTIVE');
    expect(consent.arrangements.map((arrangement) => arrangement.institutionId).sort()).toEqual(['200003', '2002119']);
    const second = consent.arrangements.find((arrangement) => arrangement.institutionId === '2002119')!;

    const before = (await gateway.graphql(AuCustomerAccountsDocument, { id: customerId })).data!.customer!.accounts!.edges.map((edge) => edge.node);
    const gone = before.filter((account) => account.institutionLoginId === second.institutionLoginId);
    const kept = before.filter((account) => account.institutionLoginId !== second.institutionLoginId);
    expect(gone.length).toBeGreaterThan(0);
    expect(gone.map((account) => account.providerId).sort()).toEqual([...second.accountIds].sort());

    const partly = await gateway.graphql(RevokeConsentInstitutionLoginDocument, {
      id: consent.id,
      institutionLoginId: second.institutionLoginId,
      revokedBy: 'CUSTOMER',
    });
    expect(partly.errors).toBeUndefined();
    expect(partly.data!.revokeConsentInstitutionLogin!.status).toBe('ACTIVE');
    const revokedArrangement = partly.data!.revokeConsentInstitutionLogin!.arrangements.find((a) => a.institutionId === '2002119')!;
    expect(revokedArrangement).toMatchObject({ status: 'REVOKED', lastUpdatedBy: 'CUSTOMER' });

    // The other institution's accounts are still there; the revoked login's are gone, and asking for one says why.
    const after = await gateway.graphql(AuCustomerAccountsDocument, { id: customerId });
    expect(after.errors).toBeUndefined();
    expect(after.data!.customer!.accounts!.edges.map((edge) => edge.node.id).sort()).toEqual(kept.map((account) => account.id).sort());
    const revokedAccount = await gateway.graphql(AuAccountTransactionsDocument, { id: gone[0]!.id });
    expect(revokedAccount.errors![0]!.extensions).toMatchObject({ code: 'CONSENT_REVOKED', provider: 'MASTERCARD_AU', retryable: false });

    const whole = await gateway.graphql(RevokeConsentDocument, { id: consent.id, revokedBy: 'PARTNER' });
    expect(whole.errors).toBeUndefined();
    expect(whole.data!.revokeConsent!.status).toBe('INACTIVE');
    expect(whole.data!.revokeConsent!.arrangements.every((arrangement) => arrangement.status === 'REVOKED')).toBe(true);

    // Data calls now carry the revoked Consent-Receipt-Id and the provider refuses them (10215).
    const accounts = await gateway.graphql(AuCustomerAccountsDocument, { id: customerId });
    expect(accounts.errors![0]!.extensions).toMatchObject({ code: 'CONSENT_REVOKED', provider: 'MASTERCARD_AU', providerCode: '10215', retryable: false });
    const transactions = await gateway.graphql(AuAccountTransactionsDocument, { id: kept[0]!.id });
    expect(transactions.errors![0]!.extensions).toMatchObject({ code: 'CONSENT_REVOKED' });

    // The customer record itself is partner data, not CDR data: still readable.
    const record = await gateway.graphql<{ customer: { username: string } }>(`query($id: ID!) { customer(id: $id) { username } }`, { id: customerId });
    expect(record.data!.customer.username).toBe('customer_profile_4112');

    const inactive = await gateway.graphql(CustomerConsentsDocument, { customerId, status: 'INACTIVE' });
    expect(inactive.data!.consents!.edges.map((edge) => edge.node.id)).toEqual([consent.id]);
    const stillActive = await gateway.graphql(CustomerConsentsDocument, { customerId, status: 'ACTIVE' });
    expect(stillActive.data!.consents!.totalCount).toBe(0);
  });

  it('reads a consent by id and through node(id:), and NOT_FOUND for an unknown one', async () => {
    const customerId = await auCustomerId('customer_profile_4111');
    const listed = await gateway.graphql(CustomerConsentsDocument, { customerId });
    const consent = listed.data!.consents!.edges[0]!.node;
    const node = await gateway.graphql<{ node: { __typename: string; receiptId: string; customer: { id: string } } }>(
      `query($id: ID!) { node(id: $id) { __typename ... on Consent { receiptId customer { id } } } }`,
      { id: consent.id },
    );
    expect(node.data!.node).toEqual({ __typename: 'Consent', receiptId: consent.receiptId, customer: { id: customerId } });
    const viaCustomer = await gateway.graphql<{ customer: { consents: { edges: Array<{ node: { receiptId: string } }> } } }>(
      `query($id: ID!) { customer(id: $id) { consents { edges { node { receiptId } } } } }`,
      { id: customerId },
    );
    expect(viaCustomer.data!.customer.consents.edges[0]!.node.receiptId).toBe(consent.receiptId);

    const unknown = Buffer.from(JSON.stringify(['g1', 'MASTERCARD_AU', 'Consent', '00000000-0000-4000-8000-000000000000', '2488801'])).toString('base64url');
    const missing = await gateway.graphql(`query($id: ID!) { consent(id: $id) { id } }`, { id: unknown });
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const revokeMissing = await gateway.graphql(RevokeConsentDocument, { id: unknown, revokedBy: 'CUSTOMER' });
    expect(revokeMissing.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', providerCode: '10215' });
  });
});
