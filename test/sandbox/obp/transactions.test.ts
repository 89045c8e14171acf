import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { ANCHOR, startKit, toMinor, type ObpTestKit } from './obp-test-kit.js';

let kit: ObpTestKit;
let admin: string;
let accountId: string;
let txPath: string;

interface Tx {
  id: string;
  details: {
    posted: string;
    completed: string;
    value: { currency: string; amount: string };
    new_balance: { currency: string; amount: string };
  };
}

beforeAll(async () => {
  kit = await startKit();
  admin = await kit.login();
  accountId = (await kit.get('/obp/v5.1.0/banks/gh.29.uk/accounts', admin)).json.accounts[0].id;
  txPath = `/obp/v5.1.0/banks/gh.29.uk/accounts/${accountId}/owner/transactions`;
});
afterAll(async () => kit?.sim.close());

const all = async (): Promise<Tx[]> => (await kit.get(txPath, admin, { obp_limit: '100000' })).json.transactions;

describe('OBP simulator: transactions through the owner view', () => {
  it('returns TransactionJsonV300 with decimal-string amounts and a consistent running new_balance', async () => {
    const txs = await all();
    expect(txs.length).toBeGreaterThan(60);
    const ascending = [...txs].reverse();
    for (let i = 1; i < ascending.length; i++) {
      const previous = toMinor(ascending[i - 1]!.details.new_balance.amount);
      const current = ascending[i]!;
      expect(toMinor(current.details.new_balance.amount)).toBe(previous + toMinor(current.details.value.amount));
    }
    for (const t of txs) {
      expect(t.details.value.amount).toMatch(/^-?\d+\.\d{2}$/);
      expect(t.details.value.currency).toBe('GBP');
      expect(t.details.completed).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(Date.parse(t.details.completed)).toBeGreaterThanOrEqual(Date.parse(t.details.posted));
      expect(Date.parse(t.details.completed)).toBeLessThan(ANCHOR.getTime());
    }
    const account = (await kit.get(`/obp/v5.1.0/banks/gh.29.uk/accounts/${accountId}/owner/account`, admin)).json;
    expect(txs[0]!.details.new_balance).toEqual(account.balance);
    const oldest = Date.parse(ascending[0]!.details.completed);
    expect(ANCHOR.getTime() - oldest).toBeGreaterThan(183 * 86_400_000);
    expect(Object.keys(txs[0]!).sort()).toEqual(
      ['details', 'id', 'metadata', 'other_account', 'this_account', 'transaction_attributes'].sort(),
    );
  });

  it('pages with the obp_limit / obp_offset REQUEST HEADERS (default 50, newest first) and ignores them in the URL', async () => {
    const everything = await all();
    const defaultPage = (await kit.get(txPath, admin)).json.transactions;
    expect(defaultPage).toHaveLength(50);
    const page = (await kit.get(txPath, admin, { obp_limit: '5', obp_offset: '10' })).json.transactions as Tx[];
    expect(page.map((t) => t.id)).toEqual(everything.slice(10, 15).map((t) => t.id));
    const inUrl = (await kit.get(`${txPath}?obp_limit=5`, admin)).json.transactions;
    expect(inUrl).toHaveLength(50);
    // The names without obp_ are accepted too and win when both are present.
    const both = (await kit.get(txPath, admin, { obp_limit: '5', limit: '3' })).json.transactions;
    expect(both).toHaveLength(3);
  });

  it('sorts with obp_sort_direction (case-insensitive) and filters completed dates with obp_from_date / obp_to_date', async () => {
    const everything = await all();
    const asc = (await kit.get(txPath, admin, { obp_sort_direction: 'asc', obp_limit: '100000' })).json.transactions as Tx[];
    expect(asc.map((t) => t.id)).toEqual([...everything].reverse().map((t) => t.id));

    const from = '2025-01-01T00:00:00.000Z';
    const to = '2025-01-31T23:59:59.999Z';
    const january = (await kit.get(txPath, admin, { obp_from_date: from, obp_to_date: to, obp_limit: '1000' })).json
      .transactions as Tx[];
    const expected = everything.filter((t) => t.details.completed >= '2025-01-01' && t.details.completed < '2025-02-01');
    expect(january.length).toBeGreaterThan(5);
    expect(january.map((t) => t.id)).toEqual(expected.map((t) => t.id));
  });

  it('answers OBP-10023/10024/10025/10026 for bad filter values', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ obp_sort_direction: 'sideways' }, 'OBP-10023: obp_sort_direction parameter can only take two values: DESC or ASC!'],
      [{ obp_offset: '-1' }, 'OBP-10024: wrong value for obp_offset parameter. Please send a positive integer (=>0)!'],
      [{ obp_limit: '0' }, 'OBP-10025: wrong value for obp_limit parameter. Please send a positive integer (=>1)!'],
      [{ obp_limit: 'ten' }, 'OBP-10025: wrong value for obp_limit parameter. Please send a positive integer (=>1)!'],
      [
        { obp_from_date: '2025-01-01' },
        "OBP-10026: Failed to parse date string. Please use this format yyyy-MM-dd'T'HH:mm:ss.SSS'Z'!",
      ],
      [
        { obp_to_date: '2025-01-01T00:00:00Z' },
        "OBP-10026: Failed to parse date string. Please use this format yyyy-MM-dd'T'HH:mm:ss.SSS'Z'!",
      ],
    ];
    for (const [headers, message] of cases) {
      const r = await kit.get(txPath, admin, headers);
      expect(r.status).toBe(400);
      expect(r.json).toEqual({ code: 400, message });
    }
  });

  it('reads limit/offset/from_date from the URL on the core /my/…/transactions endpoint', async () => {
    const everything = await all();
    const core = await kit.get(`/obp/v5.1.0/my/banks/gh.29.uk/accounts/${accountId}/transactions?limit=4&offset=2`, admin);
    expect(core.status).toBe(200);
    expect(core.json.transactions.map((t: Tx) => t.id)).toEqual(everything.slice(2, 6).map((t) => t.id));
    expect(core.json.transactions[0].other_account.metadata).toBeUndefined();
  });

  it('gets one transaction and answers OBP-30067 for an unknown id', async () => {
    const [first] = await all();
    const one = await kit.get(`${txPath}/${first!.id}/transaction`, admin);
    expect(one.status).toBe(200);
    expect(one.json).toEqual(first);
    const missing = await kit.get(`${txPath}/nope/transaction`, admin);
    expect(missing.status).toBe(400);
    expect(missing.json.message).toBe('OBP-30067: Transaction not found. Please specify a valid value for TRANSACTION_ID.');
  });

  it('checks account, view and view access: OBP-30018, OBP-30005, OBP-20017', async () => {
    const unknown = await kit.get('/obp/v5.1.0/banks/gh.29.uk/accounts/nope/owner/transactions', admin);
    expect(unknown.status).toBe(404);
    expect(unknown.json.message).toBe(
      'OBP-30018: Bank Account not found. Please specify valid values for BANK_ID and ACCOUNT_ID.  Current BankId is gh.29.uk and Current AccountId is nope',
    );
    const noView = await kit.get(`/obp/v5.1.0/banks/gh.29.uk/accounts/${accountId}/auditor/transactions`, admin);
    expect(noView.status).toBe(400);
    expect(noView.json.message).toBe('OBP-30005: View not found for Account. Please specify a valid value for VIEW_ID');
    const viewer = await kit.login('sandbox.viewer');
    const denied = await kit.get(txPath, viewer);
    expect(denied.status).toBe(403);
    expect(denied.json.message).toBe(
      'OBP-20017: Current user does not have access to the view. Please specify a valid value for VIEW_ID. Current ViewId is owner',
    );
    // Another user's login leaves the admin's token valid.
    expect((await kit.get(txPath, admin)).status).toBe(200);
  });
});
