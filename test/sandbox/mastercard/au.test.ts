import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { MASTERCARD_AU_SANDBOX_CREDENTIALS as AU, SEED_ABNS, type LendingContext } from '../../../src/sandbox/mastercard/index.js';
import { ANCHOR_S, startTestSim, type TestSim } from './sim-client.js';

let t: TestSim;
afterEach(async () => t?.sim.close());

const FROM = ANCHOR_S - 400 * 86_400;
const TO = ANCHOR_S;

async function customerId(username: string): Promise<string> {
  return (await t.get(`/aggregation/v1/customers?username=${username}`)).json.customers[0].id;
}

async function control(path: string, body: unknown): Promise<{ status: number; json: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(`${t.sim.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

describe('Mastercard simulator (AU): customers, category and ABN', () => {
  it('defaults category to INDIVIDUAL and does not validate ABNs outside BCDC', async () => {
    t = await startTestSim({ region: 'AU' });
    const r = await t.send('POST', '/aggregation/v2/customers/testing', { username: 'au_default', abn: '12345678901' });
    expect(r.status).toBe(201);
    const got = await t.get(`/aggregation/v1/customers/${r.json.id}`);
    expect(got.json.category).toBe('INDIVIDUAL');
    const bad = await t.send('POST', '/aggregation/v2/customers/testing', { username: 'au_badcat', category: 'TRUST' });
    expect([bad.status, bad.json.code]).toEqual([400, 10100]);
  });

  it('requires an applicationId for active customers', async () => {
    t = await startTestSim({ region: 'AU' });
    const r = await t.send('POST', '/aggregation/v2/customers/active', { username: 'au_active' });
    expect(r.json).toEqual({ code: '10005', message: 'Missing parameter (applicationId)' });
    expect((await t.send('POST', '/aggregation/v2/customers/active', { username: 'au_active', applicationId: 'app-1' })).status).toBe(201);
  });

  it('under BCDC needs BUSINESS customers with a valid, active ABN', async () => {
    t = await startTestSim({ region: 'AU', accessModel: 'BCDC' });
    const active = (body: Record<string, unknown>) => t.send('POST', '/aggregation/v2/customers/active', { applicationId: 'app-1', ...body });
    expect((await active({ username: 'bcdc_ind' })).json.code).toBe(10100);
    expect((await active({ username: 'bcdc_ind', category: 'INDIVIDUAL' })).json.code).toBe(10100);
    expect((await active({ username: 'bcdc_biz', category: 'BUSINESS' })).json).toEqual({ code: '10005', message: 'Missing parameter (abn)' });
    const badDigit = await active({ username: 'bcdc_biz', category: 'BUSINESS', abn: '51824753557' });
    expect([badDigit.status, badDigit.json.code]).toEqual([400, 10100]);
    expect(badDigit.json.message).toMatch(/not a valid Australian Business Number/);
    const inactive = await active({ username: 'bcdc_biz', category: 'BUSINESS', abn: '72 618 203 947' });
    expect(inactive.json.message).toMatch(/not active/);
    const ok = await active({ username: 'bcdc_biz', category: 'BUSINESS', abn: '51 824 753 556' });
    expect(ok.status).toBe(201);
    const got = await t.get(`/aggregation/v1/customers/${ok.json.id}`);
    expect(got.json).toMatchObject({ category: 'BUSINESS', abn: '51824753556', type: 'active' });
    // Sandbox test customers only need a username beyond the BUSINESS category (seed 000 note)...
    const testing = await t.send('POST', '/aggregation/v2/customers/testing', { username: 'bcdc_test', category: 'BUSINESS' });
    expect(testing.status).toBe(201);
    // ...but Connect still needs a valid, active ABN under BCDC.
    const link = await t.send('POST', '/connect/v2/generate', { partnerId: AU.partnerId, customerId: testing.json.id });
    expect([link.status, link.json.code]).toEqual([400, 10100]);
    expect((await t.send('POST', '/connect/v2/generate', { partnerId: AU.partnerId, customerId: ok.json.id })).status).toBe(200);
  });
});

describe('Mastercard simulator (AU): data', () => {
  it('seeds the FinBank test profiles with AUD accounts of the AU types, 4118 as a large BUSINESS', async () => {
    t = await startTestSim({ region: 'AU' });
    const list = await t.get('/aggregation/v1/customers?limit=50');
    expect(list.json.found).toBe(13);
    const cid = await customerId('customer_profile_4110');
    const accounts = (await t.get(`/aggregation/v1/customers/${cid}/accounts`)).json.accounts as Array<Record<string, unknown>>;
    expect(new Set(accounts.map((a) => a.type))).toEqual(new Set(['transactionAndSavings', 'creditCard', 'loan', 'mortgage', 'cd']));
    expect(accounts.every((a) => a.currency === 'AUD' && a.institutionId === '200003')).toBe(true);
    const biz = await t.get(`/aggregation/v1/customers/${await customerId('customer_profile_4118')}`);
    expect(biz.json).toMatchObject({ category: 'BUSINESS', abn: SEED_ABNS.profile4118 });
    const bizTx = await t.get(`/aggregation/v3/customers/${biz.json.id}/transactions?fromDate=${FROM}&toDate=${TO}&limit=10`);
    expect(bizTx.json.found).toBeGreaterThan(2000);
  });

  it('gives VOI profiles regular income deposits with a clear payer and cadence', async () => {
    t = await startTestSim({ region: 'AU' });
    const cid = await customerId('customer_profile_voi_001');
    const r = await t.get(`/aggregation/v3/customers/${cid}/transactions?fromDate=${FROM}&toDate=${TO}&limit=1000&sort=asc`);
    const pay = (r.json.transactions as Array<{ amount: number; postedDate: number; categorization: { normalizedPayeeName: string } }>).filter(
      (x) => x.categorization.normalizedPayeeName === 'Northwind Logistics',
    );
    expect(pay.length).toBeGreaterThanOrEqual(25);
    const gaps = pay.slice(1).map((x, i) => Math.round((x.postedDate - pay[i]!.postedDate) / 86_400));
    expect(gaps.every((g) => g >= 13 && g <= 15)).toBe(true);
    expect(pay.every((x) => x.amount > 2300 && x.amount < 2500)).toBe(true);
  });

  it('serves payment details with the BSB as XXY-ZZZ for transactionAndSavings only, plus owner and balances', async () => {
    t = await startTestSim({ region: 'AU' });
    const cid = await customerId('customer_profile_4111');
    const accounts = (await t.get(`/aggregation/v1/customers/${cid}/accounts`)).json.accounts as Array<{ id: string; type: string }>;
    const tas = accounts.find((a) => a.type === 'transactionAndSavings')!;
    const card = accounts.find((a) => a.type === 'creditCard')!;
    const details = await t.get(`/aggregation/v3/customers/${cid}/accounts/${tas.id}/details`);
    expect(details.json.paymentInstruction[0].descriptors[0]).toMatchObject({ type: 'bsbNumber' });
    expect(details.json.paymentInstruction[0].descriptors[0].value).toMatch(/^\d{3}-\d{3}$/);
    expect(details.json.paymentInstruction[0].accountNumber).toMatch(/^\d+$/);
    const cardDetails = await t.get(`/aggregation/v3/customers/${cid}/accounts/${card.id}/details`);
    expect([cardDetails.status, cardDetails.json.code]).toEqual([400, '14020']);
    const owner = await t.get(`/aggregation/v3/customers/${cid}/accounts/${tas.id}/owner`);
    expect(owner.json.holders[0].ownerName).toBe('Jack Williams');
    const cached = await t.get(`/aggregation/v1/customers/${cid}/accounts/${tas.id}/availableBalance`);
    const live = await t.get(`/aggregation/v1/customers/${cid}/accounts/${tas.id}/availableBalance/live`);
    expect(cached.json.currency).toBe('AUD');
    expect(live.json.availableBalanceDate).toBe(Math.floor(t.clock.ms / 1000));
    expect(live.json.availableBalanceDate).toBeGreaterThan(cached.json.availableBalanceDate);
    expect(t.sim.stats().byRoute['GET /aggregation/v1/customers/:customerId/accounts/:accountId/availableBalance/live']).toBe(1);
  });

  it('uses the v3 per-account transactions path', async () => {
    t = await startTestSim({ region: 'AU' });
    const cid = await customerId('customer_profile_4117');
    const account = (await t.get(`/aggregation/v1/customers/${cid}/accounts`)).json.accounts[0];
    const r = await t.get(`/aggregation/v3/customers/${cid}/accounts/${account.id}/transactions?fromDate=${FROM}&toDate=${TO}`);
    expect(r.status).toBe(200);
    expect(r.json.transactions[0].currencySymbol).toBe('AUD');
    expect((await t.get(`/aggregation/v4/customers/${cid}/accounts/${account.id}/transactions?fromDate=${FROM}&toDate=${TO}`)).status).toBe(404);
  });

  it('answers 325/5006 (HTTP 500) until a freshly connected account has been aggregated', async () => {
    t = await startTestSim({ region: 'AU', aggregationDelaySeconds: 30 });
    const created = await t.send('POST', '/aggregation/v2/customers/testing', { username: 'fresh_customer' });
    const cid = created.json.id as string;
    const connected = await control('/_sandbox/connect', { customerId: cid, institutionId: '2002120', profile: 'profile_4117' });
    expect(connected.status).toBe(201);
    const accountId = connected.json.accountIds[0] as string;
    const account = await t.get(`/aggregation/v2/customers/${cid}/accounts/${accountId}`);
    expect(account.json.aggregationStatusCode).toBe(325);
    const txPath = `/aggregation/v3/customers/${cid}/accounts/${accountId}/transactions?fromDate=${FROM}&toDate=${TO}`;
    const busy = await fetch(t.sim.url + txPath, { headers: { ...t.headers, 'Consent-Receipt-Id': connected.json.consentReceiptId as string } });
    expect(busy.status).toBe(500);
    expect(busy.headers.get('retry-after')).toBe('30');
    expect(((await busy.json()) as { code: unknown }).code).toBe(5006);
    expect((await t.get(`/aggregation/v3/customers/${cid}/transactions?fromDate=${FROM}&toDate=${TO}`)).status).toBe(500);
    expect((await t.get(`/aggregation/v3/customers/${cid}/accounts/${accountId}/details`)).status).toBe(500);
    t.clock.ms += 30_000;
    const ready = await t.get(txPath);
    expect(ready.status).toBe(200);
    expect(ready.json.found).toBeGreaterThan(0);
    expect((await t.get(`/aggregation/v2/customers/${cid}/accounts/${accountId}`)).json.aggregationStatusCode).toBe(0);
    const consents = await t.get(`/data-sharing-consents?customer_id=${cid}`);
    expect(consents.json.consents[0].institutions[0]).toMatchObject({ institutionId: '2002120', institutionName: 'FinBank OAuth Aus C' });
  });
});

describe('Mastercard simulator (AU): consents', () => {
  it('revokes one arrangement, then the whole consent; revoked data is gone and the receipt fails with 10215', async () => {
    t = await startTestSim({ region: 'AU' });
    const cid = await customerId('customer_profile_4112');
    const list = await t.get(`/data-sharing-consents?customer_id=${cid}`);
    expect(list.json.found).toBe(1);
    const consent = list.json.consents[0];
    expect(consent.statusDetails.status).toBe('ACTIVE');
    expect(consent.institutions.map((i: { institutionId: string }) => i.institutionId)).toEqual(['200003', '2002119']);
    const receipt = { 'Consent-Receipt-Id': consent.consentReceiptId as string };
    const before = (await t.get(`/aggregation/v1/customers/${cid}/accounts`, receipt)).json.accounts as Array<{ id: string; institutionLoginId: number }>;
    const secondLogin = Number(consent.institutions[1].institutionLoginId);
    const revokedAccount = before.find((a) => a.institutionLoginId === secondLogin)!;

    expect((await t.send('DELETE', `/data-sharing-consents/${consent.consentReceiptId}/institutionLogins/${secondLogin}`, undefined, { 'Update-By': 'CUSTOMER' })).status).toBe(204);
    const after = (await t.get(`/aggregation/v1/customers/${cid}/accounts`, receipt)).json.accounts as Array<{ institutionLoginId: number }>;
    expect(after.length).toBeLessThan(before.length);
    expect(after.every((a) => a.institutionLoginId !== secondLogin)).toBe(true);
    const gone = await t.get(`/aggregation/v3/customers/${cid}/accounts/${revokedAccount.id}/transactions?fromDate=${FROM}&toDate=${TO}`);
    expect([gone.status, gone.json.code]).toEqual([404, '38003']);
    const partial = (await t.get(`/data-sharing-consents/${consent.consentReceiptId}`)).json;
    expect(partial.statusDetails.status).toBe('ACTIVE');
    expect(partial.institutions[1].statusDetails.status).toBe('REVOKED');
    expect(partial.institutions[1].lastUpdatedBy).toBe('CUSTOMER');

    expect((await t.send('DELETE', `/data-sharing-consents/${consent.consentReceiptId}`)).status).toBe(204);
    const revoked = await t.get(`/aggregation/v3/customers/${cid}/transactions?fromDate=${FROM}&toDate=${TO}`, receipt);
    expect([revoked.status, revoked.json.code]).toEqual([404, '10215']);
    // Without a receipt the data call is refused outright (seed 002: customer data needs a Consent Receipt ID).
    const noReceipt = await t.get(`/aggregation/v1/customers/${cid}/accounts`, { 'Consent-Receipt-Id': '' });
    expect([noReceipt.status, noReceipt.json.code]).toEqual([400, '10005']);
    const inactive = (await t.get(`/data-sharing-consents/${consent.consentReceiptId}`)).json;
    expect(inactive.statusDetails.status).toBe('INACTIVE');
    expect((await t.get('/data-sharing-consents/00000000-0000-4000-8000-000000000000')).json.code).toBe('10215');
    expect((await t.get('/data-sharing-consents')).json.code).toBe('14020');
  });
});

describe('Mastercard simulator (AU): institutions and Connect', () => {
  it('searches, gets and lists certified institutions with the FinBank test banks', async () => {
    t = await startTestSim({ region: 'AU' });
    const search = await t.get('/institution/v2/institutions?search=finbank');
    expect(search.json.institutions.map((i: { id: number }) => i.id)).toEqual([200003, 2002119, 2002120]);
    expect(search.json.moreAvailable).toBe(false);
    const page2 = await t.get('/institution/v2/institutions?limit=2&start=2');
    expect(page2.json.institutions.map((i: { id: number }) => i.id)).toEqual([2002120, 2001501]);
    expect((await t.get('/institution/v2/institutions/200003')).json.institution.name).toBe('FinBank Aus OAuth');
    const missing = await t.get('/institution/v2/institutions/1');
    expect([missing.status, missing.json.code]).toEqual([404, '14006']);
    const certified = await t.get('/institution/v2/certifiedInstitutions?type=voi');
    expect(certified.json.institutions.every((i: { voi: boolean }) => i.voi)).toBe(true);
    expect(typeof certified.json.requestedDate).toBe('number');
  });

  it('generates full and lite Connect links', async () => {
    t = await startTestSim({ region: 'AU' });
    const cid = await customerId('customer_profile_4110');
    const full = await t.send('POST', '/connect/v2/generate', { partnerId: AU.partnerId, customerId: cid });
    expect(full.status).toBe(200);
    expect(new URL(full.json.link).searchParams.get('customerId')).toBe(cid);
    const lite = await t.send('POST', '/connect/v2/generate/lite', { partnerId: AU.partnerId, customerId: cid, institutionId: 200003 });
    const url = new URL(lite.json.link);
    expect([url.searchParams.get('type'), url.searchParams.get('institutionId')]).toEqual(['lite', '200003']);
    expect((await t.send('POST', '/connect/v2/generate/lite', { partnerId: AU.partnerId, customerId: cid })).json.code).toBe('10005');
    expect((await t.send('POST', '/connect/v2/generate', { partnerId: AU.partnerId })).json.message).toBe('Missing parameter (customerId)');
    expect((await t.send('POST', '/connect/v2/generate', { partnerId: AU.partnerId, customerId: '1' })).json.code).toBe('10010');
  });
});

describe('Mastercard simulator: extension point for the lending routes', () => {
  it('hands registerExtraRoutes a context over the same store and auth', async () => {
    t = await startTestSim({
      region: 'AU',
      registerExtraRoutes: (app: FastifyInstance, ctx: LendingContext) => {
        app.get('/decisioning/test/:customerId', async (request, reply) => {
          if (!ctx.authenticate(request, reply)) return reply;
          const { customerId } = request.params as { customerId: string };
          if (!ctx.customer(customerId)) return ctx.sendError(reply, 404, '14001', 'Customer not found.');
          return { region: ctx.region, accounts: ctx.accountsOf(customerId).length, transactions: ctx.transactionsOf(customerId).length };
        });
      },
    });
    const cid = await customerId('customer_profile_voi_002');
    const r = await t.get(`/decisioning/test/${cid}`);
    expect(r.json.region).toBe('AU');
    expect(r.json.accounts).toBe(2);
    expect(r.json.transactions).toBeGreaterThan(100);
    expect((await t.get(`/decisioning/test/${cid}`, { 'App-Token': 'x' })).json.code).toBe('10022');
    expect((await t.get('/decisioning/test/1')).status).toBe(404);
  });
});
