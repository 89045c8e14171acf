import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANCHOR_S, startTestSim, type TestSim } from './sim-client.js';

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim({ region: 'US' });
});
afterAll(async () => t.sim.close());

const FROM = ANCHOR_S - 400 * 86_400;
const TO = ANCHOR_S;
const BIG_CUSTOMER = '1005061200';

async function bigChecking(): Promise<string> {
  const r = await t.get(`/aggregation/v1/customers/${BIG_CUSTOMER}/accounts`);
  return r.json.accounts.find((a: { type: string }) => a.type === 'checking').id;
}

describe('Mastercard simulator (US): accounts and transactions', () => {
  it('lists accounts with the CustomerAccount field types and filters by type', async () => {
    const r = await t.get(`/aggregation/v1/customers/${BIG_CUSTOMER}/accounts`);
    const a = r.json.accounts[0];
    expect(typeof a.id).toBe('string');
    expect(typeof a.institutionLoginId).toBe('number');
    expect(Number.isInteger(a.createdDate)).toBe(true);
    expect(a.currency).toBe('USD');
    const types = new Set<string>();
    for (let i = 0; i < 25; i++) {
      const accounts = (await t.get(`/aggregation/v1/customers/${1005061200 + i}/accounts`)).json.accounts as Array<{ type: string }>;
      accounts.forEach((x) => types.add(x.type));
    }
    expect([...types]).toEqual(expect.arrayContaining(['checking', 'savings', 'creditCard', 'loan', 'mortgage']));
    const cards = await t.get(`/aggregation/v1/customers/${BIG_CUSTOMER}/accounts?account_type=creditCard`);
    expect(cards.json.accounts.every((x: { type: string }) => x.type === 'creditCard')).toBe(true);
    const one = await t.get(`/aggregation/v2/customers/${BIG_CUSTOMER}/accounts/${a.id}`);
    expect(one.json.id).toBe(a.id);
    const missing = await t.get(`/aggregation/v2/customers/${BIG_CUSTOMER}/accounts/999`);
    expect([missing.status, missing.json.code]).toEqual([404, '38003']);
  });

  it('answers 38003 for a customer without accounts', async () => {
    const created = await t.send('POST', '/aggregation/v2/customers/testing', { username: 'no_accounts_yet' });
    const r = await t.get(`/aggregation/v1/customers/${created.json.id}/accounts`);
    expect([r.status, r.json.code]).toEqual([404, 38003]);
  });

  it('requires fromDate and toDate (10005)', async () => {
    const r = await t.get(`/aggregation/v3/customers/${BIG_CUSTOMER}/transactions?toDate=${TO}`);
    expect([r.status, r.json.code, r.json.message]).toEqual([400, '10005', 'Missing parameter (fromDate)']);
    const id = await bigChecking();
    expect((await t.get(`/aggregation/v4/customers/${BIG_CUSTOMER}/accounts/${id}/transactions?fromDate=${FROM}`)).json.code).toBe('10005');
  });

  it('pages past 1000 records with start/limit and a string moreAvailable', async () => {
    const id = await bigChecking();
    const base = `/aggregation/v4/customers/${BIG_CUSTOMER}/accounts/${id}/transactions?fromDate=${FROM}&toDate=${TO}`;
    const first = await t.get(`${base}&limit=1000`);
    expect(first.json.found).toBeGreaterThan(1000);
    expect(first.json.displaying).toBe(1000);
    expect(first.json.moreAvailable).toBe('true');
    expect(first.json.fromDate).toBe(String(FROM));
    expect(first.json.toDate).toBe(String(TO));
    const rest = await t.get(`${base}&limit=1000&start=1001`);
    expect(rest.json.displaying).toBe(first.json.found - 1000);
    expect(rest.json.moreAvailable).toBe('false');
    const ids = new Set([...first.json.transactions, ...rest.json.transactions].map((x: { id: number }) => x.id));
    expect(ids.size).toBe(first.json.found);
    const capped = await t.get(`${base}&limit=5000`);
    expect(capped.json.displaying).toBe(1000);
    expect((await t.get(`${base}&start=0`)).json.code).toBe('41003');
  });

  it('excludes pending unless includePending=true, keeps shadow, sorts desc by default', async () => {
    const id = await bigChecking();
    const base = `/aggregation/v4/customers/${BIG_CUSTOMER}/accounts/${id}/transactions?fromDate=${FROM}&toDate=${TO}&limit=1000`;
    const statuses = async (q: string): Promise<string[]> => {
      const out: string[] = [];
      for (let start = 1; ; start += 1000) {
        const r = await t.get(`${base}${q}&start=${start}`);
        out.push(...r.json.transactions.map((x: { status: string }) => x.status));
        if (r.json.moreAvailable === 'false') return out;
      }
    };
    const withoutPending = await statuses('');
    expect(withoutPending).not.toContain('pending');
    expect(withoutPending).toContain('shadow');
    const withPending = await statuses('&includePending=true');
    expect(withPending).toContain('pending');
    expect(withPending.length).toBeGreaterThan(withoutPending.length);

    const desc = (await t.get(`${base}`)).json.transactions as Array<{ postedDate: number }>;
    expect(desc[0]!.postedDate).toBeGreaterThanOrEqual(desc[desc.length - 1]!.postedDate);
    const asc = (await t.get(`${base}&sort=asc`)).json;
    expect(asc.sort).toBe('asc');
    expect(asc.transactions[0].postedDate).toBeLessThanOrEqual(asc.transactions[1].postedDate);
  });

  it('filters by posted date range and serves the customer-level v3 endpoint with Transaction field types', async () => {
    const from = ANCHOR_S - 30 * 86_400;
    const r = await t.get(`/aggregation/v3/customers/${BIG_CUSTOMER}/transactions?fromDate=${from}&toDate=${TO}&limit=1000`);
    const txs = r.json.transactions as Array<Record<string, unknown>>;
    expect(txs.length).toBeGreaterThan(0);
    expect(txs.every((x) => (x.postedDate as number) >= from && (x.postedDate as number) <= TO)).toBe(true);
    const accountIds = new Set(txs.map((x) => x.accountId));
    expect(accountIds.size).toBeGreaterThan(1);
    const x = txs[0]!;
    expect(typeof x.id).toBe('number');
    expect(typeof x.accountId).toBe('number');
    expect(typeof x.customerId).toBe('number');
    expect(typeof x.amount).toBe('number');
    expect(x).toHaveProperty('categorization.normalizedPayeeName');
    expect(x.currencySymbol).toBe('USD');
    const one = await t.get(`/aggregation/v2/customers/${BIG_CUSTOMER}/transactions/${x.id}`);
    expect(one.json.id).toBe(x.id);
    expect((await t.get(`/aggregation/v2/customers/${BIG_CUSTOMER}/transactions/1`)).status).toBe(404);
  });

  it('uses negative amounts for debits and has at least six months of history on every account', async () => {
    for (let i = 0; i < 25; i++) {
      const cid = String(1005061200 + i);
      const accounts = (await t.get(`/aggregation/v1/customers/${cid}/accounts`)).json.accounts as Array<{ id: string; type: string; oldestTransactionDate: number }>;
      for (const a of accounts) expect(ANCHOR_S - a.oldestTransactionDate, `${cid}/${a.type}`).toBeGreaterThan(180 * 86_400);
    }
    const id = await bigChecking();
    const r = await t.get(`/aggregation/v4/customers/${BIG_CUSTOMER}/accounts/${id}/transactions?fromDate=${FROM}&toDate=${TO}&limit=1000`);
    const payroll = r.json.transactions.find((x: { type: string }) => x.type === 'directDeposit');
    const purchase = r.json.transactions.find((x: { type: string }) => x.type === 'pointOfSale');
    expect(payroll.amount).toBeGreaterThan(0);
    expect(purchase.amount).toBeLessThan(0);
  });

  it('does not serve the AU v3 per-account path in the US region', async () => {
    const id = await bigChecking();
    const r = await t.get(`/aggregation/v3/customers/${BIG_CUSTOMER}/accounts/${id}/transactions?fromDate=${FROM}&toDate=${TO}`);
    expect(r.status).toBe(404);
  });

  it('is deterministic for a seed and anchor', async () => {
    const other = await startTestSim({ region: 'US' });
    try {
      const q = `/aggregation/v3/customers/1005061203/transactions?fromDate=${FROM}&toDate=${TO}&limit=50`;
      const a = (await t.get(q)).json.transactions;
      const b = (await other.get(q)).json.transactions;
      expect(b).toEqual(a);
    } finally {
      await other.sim.close();
    }
  });
});
