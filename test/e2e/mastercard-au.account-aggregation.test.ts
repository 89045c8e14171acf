import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MASTERCARD_AU_SANDBOX_CREDENTIALS, type MastercardSimulator } from '../../src/sandbox/mastercard/index.js';
import { sha256Hex } from '../../src/security/api-keys.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/** Issue 16 row 6: Mastercard AU accounts by institution login / institution, refresh, historic load (seed 002). */
let gateway: TestGateway;
let dir: string;
const READ_ONLY_KEY = 'au-aggregation-read-only';
const sim = () => gateway.sandbox!.simulators.MASTERCARD_AU as MastercardSimulator;

interface AccountNode {
  id: string;
  providerId: string;
  institutionId: string | null;
  institutionLoginId: string | null;
}

async function customerWithLogins(): Promise<{ id: string; accounts: AccountNode[] }> {
  const answer = await gateway.graphql<{ customers: { edges: Array<{ node: { id: string; accounts: { edges: Array<{ node: AccountNode }> } } }> } }>(
    `{ customers(provider: MASTERCARD_AU, username: "customer_profile_4110") { edges { node { id
       accounts(first: 100) { edges { node { id providerId institutionId institutionLoginId } } } } } } }`,
  );
  expect(answer.errors).toBeUndefined();
  const node = answer.data!.customers.edges[0]!.node;
  return { id: node.id, accounts: node.accounts.edges.map((edge) => edge.node) };
}

const FILTERED = `query ($id: ID!, $filter: AccountFilter) { customer(id: $id) { accounts(filter: $filter) { edges { node { providerId institutionId institutionLoginId } } } } }`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gw-au-aggregation-'));
  const keysFile = join(dir, 'keys.json');
  await writeFile(keysFile, JSON.stringify([{ id: 'reader', sha256: sha256Hex(READ_ONLY_KEY), scopes: ['read'] }]));
  gateway = await startTestGateway({ env: { API_KEYS_FILE: keysFile } });
});
afterAll(async () => {
  await gateway?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('Mastercard AU accounts: filters, refresh, history (issue 16 row 6)', () => {
  it('declares the three capabilities for AU only', async () => {
    const answer = await gateway.graphql<{ providers: Array<{ provider: string; capabilities: string[] }> }>('{ providers { provider capabilities } }');
    const of = (provider: string) => answer.data!.providers.find((entry) => entry.provider === provider)!.capabilities;
    expect(of('MASTERCARD_AU')).toEqual(expect.arrayContaining(['ACCOUNT_FILTERS', 'ACCOUNT_REFRESH', 'ACCOUNT_HISTORY']));
    expect(of('OBP')).not.toContain('ACCOUNT_FILTERS');
  });

  it("lists the accounts of one institution login and of one institution through the provider's own endpoints", async () => {
    const { id, accounts } = await customerWithLogins();
    const login = accounts[0]!.institutionLoginId!;
    const institution = accounts[0]!.institutionId!;
    sim().resetStats();

    const byLogin = await gateway.graphql<{ customer: { accounts: { edges: Array<{ node: AccountNode }> } } }>(FILTERED, { id, filter: { institutionLoginId: login } });
    expect(byLogin.errors).toBeUndefined();
    const loginIds = byLogin.data!.customer.accounts.edges.map((edge) => edge.node.providerId).sort();
    expect(loginIds).toEqual(accounts.filter((a) => a.institutionLoginId === login).map((a) => a.providerId).sort());
    expect(loginIds.length).toBeGreaterThan(0);

    const byInstitution = await gateway.graphql<{ customer: { accounts: { edges: Array<{ node: AccountNode }> } } }>(FILTERED, { id, filter: { institutionId: institution } });
    expect(byInstitution.data!.customer.accounts.edges.map((edge) => edge.node.providerId).sort()).toEqual(
      accounts.filter((a) => a.institutionId === institution).map((a) => a.providerId).sort(),
    );
    const routes = sim().stats().byRoute;
    expect(routes['GET /aggregation/v1/customers/:customerId/institutionLogins/:institutionLoginId/accounts']).toBe(1);
    expect(routes['GET /aggregation/v1/customers/:customerId/institutions/:institutionId/accounts']).toBe(1);
    expect(routes['GET /aggregation/v1/customers/:customerId/accounts']).toBeUndefined();

    // Both filters: the login's accounts at that institution; a login at another institution: none.
    const both = await gateway.graphql<{ customer: { accounts: { edges: unknown[] } } }>(FILTERED, { id, filter: { institutionLoginId: login, institutionId: '1' } });
    expect(both.errors).toBeUndefined();
    expect(both.data!.customer.accounts.edges).toEqual([]);
    // An institution or login the customer has no accounts at (38003 / 38007) is an empty list.
    for (const filter of [{ institutionId: '99999999' }, { institutionLoginId: '99999999' }]) {
      const none = await gateway.graphql<{ customer: { accounts: { edges: unknown[] } } }>(FILTERED, { id, filter });
      expect(none.errors).toBeUndefined();
      expect(none.data!.customer.accounts.edges).toEqual([]);
    }
  });

  it('refuses an empty filter, ids that are not provider ids, and providers without the endpoints, with typed errors', async () => {
    const { id } = await customerWithLogins();
    const empty = await gateway.graphql(FILTERED, { id, filter: {} });
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter' });
    const blank = await gateway.graphql(FILTERED, { id, filter: { institutionId: '  ' } });
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.institutionId' });

    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 30 }), async (value) => {
        const answer = await gateway.graphql<{ customer: { accounts: unknown } }>(FILTERED, { id, filter: { institutionLoginId: value } });
        const code = answer.errors?.[0]?.extensions?.code;
        if (/^\d{1,19}$/.test(value.trim())) expect(answer.errors).toBeUndefined();
        else expect(code).toBe('BAD_USER_INPUT');
        expect(answer.status).toBe(200);
      }),
      { numRuns: 25 },
    );

    const obp = await gateway.graphql<{ customers: { edges: Array<{ node: { id: string } }> } }>('{ customers(provider: OBP, first: 1) { edges { node { id } } } }');
    const obpId = obp.data!.customers.edges[0]!.node.id;
    const unsupported = await gateway.graphql(FILTERED, { id: obpId, filter: { institutionId: '1' } });
    expect(unsupported.errors?.[0]?.extensions).toMatchObject({ code: 'UNSUPPORTED_BY_PROVIDER', provider: 'OBP' });
  });

  const REFRESH = `mutation ($input: RefreshAccountsInput!) { refreshAccounts(input: $input) { accounts { providerId institutionLoginId } } }`;

  it('refreshes the accounts of an institution login (POST, no body) and answers them', async () => {
    const { id, accounts } = await customerWithLogins();
    const login = accounts[0]!.institutionLoginId!;
    const before = Date.now() / 1000 - 1;
    const answer = await gateway.graphql<{ refreshAccounts: { accounts: AccountNode[] } }>(REFRESH, { input: { customerId: id, institutionLoginId: login } });
    expect(answer.errors).toBeUndefined();
    const refreshed = answer.data!.refreshAccounts.accounts;
    expect(refreshed.map((a) => a.providerId).sort()).toEqual(accounts.filter((a) => a.institutionLoginId === login).map((a) => a.providerId).sort());
    for (const account of refreshed) expect(sim().store.accounts.get(account.providerId)!.lastConnectionAt).toBeGreaterThanOrEqual(before);

    const unknown = await gateway.graphql(REFRESH, { input: { customerId: id, institutionLoginId: '99999999' } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', provider: 'MASTERCARD_AU', providerCode: '38007' });
    const malformed = await gateway.graphql(REFRESH, { input: { customerId: id, institutionLoginId: '12a' } });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.institutionLoginId' });
  });

  const HISTORY = `mutation ($input: LoadAccountHistoryInput!) { loadAccountHistory(input: $input) { accountId forced account { providerId } } }`;

  it('loads 12 months of history once; a second load does not connect again unless forced', async () => {
    const { accounts } = await customerWithLogins();
    const account = accounts.find((a) => (sim().store.historicLoads.get(a.providerId) ?? 0) === 0)!;
    const first = await gateway.graphql<{ loadAccountHistory: { accountId: string; forced: boolean; account: { providerId: string } } }>(HISTORY, {
      input: { accountId: account.id },
    });
    expect(first.errors).toBeUndefined();
    expect(first.data!.loadAccountHistory).toEqual({ accountId: account.id, forced: false, account: { providerId: account.providerId } });
    expect(sim().store.historicLoads.get(account.providerId)).toBe(1);

    const again = await gateway.graphql(HISTORY, { input: { accountId: account.id, force: false } });
    expect(again.errors).toBeUndefined();
    expect(sim().store.historicLoads.get(account.providerId)).toBe(1);

    const forced = await gateway.graphql<{ loadAccountHistory: { forced: boolean } }>(HISTORY, { input: { accountId: account.id, force: true } });
    expect(forced.errors).toBeUndefined();
    expect(forced.data!.loadAccountHistory.forced).toBe(true);
    expect(sim().store.historicLoads.get(account.providerId)).toBe(2);
  });

  it('has the simulator refuse a historic load with any body but the force parameter, as the document describes none', async () => {
    const { accounts } = await customerWithLogins();
    const account = sim().store.accounts.get(accounts[accounts.length - 1]!.providerId)!;
    const { partnerId, partnerSecret, appKey } = MASTERCARD_AU_SANDBOX_CREDENTIALS;
    const auth = await fetch(`${sim().url}/aggregation/v2/partners/authentication`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'App-Key': appKey },
      body: JSON.stringify({ partnerId, partnerSecret }),
    });
    const { token } = (await auth.json()) as { token: string };
    // Customer data calls carry the customer's consent receipt (seed 002); the simulator refuses them without one.
    const receipt = [...sim().store.consents.values()].find((consent) => consent.customerId === account.customerId)!.consentReceiptId;
    const headers = { 'App-Key': appKey, 'App-Token': token, 'Consent-Receipt-Id': receipt };
    const path = `${sim().url}/aggregation/v1/customers/${account.customerId}/accounts/${account.id}/transactions/historic`;
    for (const body of [{ force: 'yes' }, { force: true, fromDate: 1 }, { other: true }, [true]]) {
      const refused = await fetch(path, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ code: '14020' });
    }
    const form = await fetch(path, { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: 'force=true' });
    expect(form.status).toBe(400);
    const bodiless = await fetch(path, { method: 'POST', headers });
    expect(bodiless.status).toBe(204);
  });

  it('keeps both mutations behind the write scope and unknown accounts typed', async () => {
    const { id, accounts } = await customerWithLogins();
    const readOnly = { headers: { 'x-api-key': READ_ONLY_KEY } };
    const refresh = await gateway.graphql(REFRESH, { input: { customerId: id, institutionLoginId: accounts[0]!.institutionLoginId! } }, readOnly);
    expect(refresh.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const history = await gateway.graphql(HISTORY, { input: { accountId: accounts[0]!.id } }, readOnly);
    expect(history.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const customerAsAccount = await gateway.graphql(HISTORY, { input: { accountId: id } });
    expect(customerAsAccount.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.accountId' });
  });
});
