import { afterEach, describe, expect, it } from 'vitest';
import { ibanCheckDigits } from '../../../src/sandbox/obp/account-numbers.js';
import { startKit, type ObpTestKit } from './obp-test-kit.js';

let kit: ObpTestKit;
afterEach(async () => kit?.sim.close());

describe('OBP simulator: banks', () => {
  it('lists at least three public banks, gh.29.uk among them, in the v4.0.0 shape', async () => {
    kit = await startKit();
    const r = await kit.get('/obp/v5.1.0/banks');
    expect(r.status).toBe(200);
    expect(r.json.banks.length).toBeGreaterThanOrEqual(3);
    expect(r.json.banks.map((b: { id: string }) => b.id)).toContain('gh.29.uk');
    expect(Object.keys(r.json.banks[0]).sort()).toEqual(
      ['attributes', 'bank_routings', 'full_name', 'id', 'logo', 'short_name', 'website'].sort(),
    );
  });

  it('gets one bank: v5 shape (bank_code) at v5.x, v4 shape (short_name) at v4.0.0', async () => {
    kit = await startKit();
    const v5 = await kit.get('/obp/v5.1.0/banks/gh.29.uk');
    expect(v5.json).toMatchObject({ id: 'gh.29.uk', bank_code: 'THMU' });
    expect(v5.json.short_name).toBeUndefined();
    const v4 = await kit.get('/obp/v4.0.0/banks/gh.29.uk');
    expect(v4.json).toMatchObject({ id: 'gh.29.uk', short_name: 'Thames Mutual' });
    const unknown = await kit.get('/obp/v5.1.0/banks/zz.99.none');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({
      code: 404,
      message: 'OBP-30001: Bank not found. Please specify a valid value for BANK_ID. Current BankId is zz.99.none',
    });
  });

  it('answers OBP-10404 for a path OBP does not serve (and for an endpoint under a version that lacks it)', async () => {
    kit = await startKit();
    for (const path of ['/obp/v5.1.0/nothing-here', '/obp/v3.0.0/banks/gh.29.uk/customers-minimal']) {
      const r = await kit.get(path);
      expect(r.status).toBe(404);
      expect(r.json.message).toMatch(/^OBP-10404: 404 Not Found\./);
    }
  });
});

describe('OBP simulator: accounts', () => {
  it('lists, for the admin, accounts of several types and currencies at each bank', async () => {
    kit = await startKit();
    const admin = await kit.login();
    const products = new Set<string>();
    const currencies = new Set<string>();
    for (const bankId of ['gh.29.uk', 'de.17.ber', 'us.42.nyc', 'sg.08.sgp']) {
      const list = (await kit.get(`/obp/v5.1.0/banks/${bankId}/accounts/private`, admin)).json.accounts;
      expect(list.length).toBeGreaterThanOrEqual(8);
      for (const a of list) {
        products.add(a.account_type);
        const full = (await kit.get(`/obp/v5.1.0/banks/${bankId}/accounts/${a.id}/owner/account`, admin)).json;
        currencies.add(full.balance.currency);
        expect(full.balance.amount).toMatch(/^-?\d+\.\d{2}$/);
        expect(full.account_routings.length).toBeGreaterThan(0);
        expect(full.views_available[0]).toMatchObject({ id: 'owner', can_see_bank_account_balance: true });
      }
    }
    expect(products).toEqual(new Set(['CURRENT', 'SAVINGS', 'CREDIT_CARD', 'BUSINESS_CURRENT']));
    expect(currencies.size).toBeGreaterThanOrEqual(4);
  });

  it('gives seeded IBANs valid check digits', async () => {
    kit = await startKit();
    const admin = await kit.login();
    const list = (await kit.get('/obp/v5.1.0/banks/de.17.ber/accounts/private', admin)).json.accounts;
    const iban = list[0].account_routings.find((r: { scheme: string }) => r.scheme === 'IBAN').address as string;
    expect(iban).toMatch(/^DE\d{20}$/);
    expect(iban.slice(2, 4)).toBe(ibanCheckDigits('DE', iban.slice(4)));
  });

  it('shows the viewer only its own customer\'s accounts, and core account and balances agree', async () => {
    kit = await startKit();
    const viewer = await kit.login('sandbox.viewer');
    const mine = (await kit.get('/obp/v5.1.0/banks/gh.29.uk/accounts', viewer)).json.accounts;
    expect(mine.length).toBe(2);
    expect((await kit.get('/obp/v5.1.0/banks/de.17.ber/accounts', viewer)).json.accounts).toEqual([]);
    const all = (await kit.get('/obp/v5.1.0/my/accounts', viewer)).json.accounts;
    expect(all.map((a: { id: string }) => a.id).sort()).toEqual(mine.map((a: { id: string }) => a.id).sort());

    const id = mine[0].id as string;
    const full = (await kit.get(`/obp/v5.1.0/banks/gh.29.uk/accounts/${id}/owner/account`, viewer)).json;
    const core = (await kit.get(`/obp/v5.1.0/my/banks/gh.29.uk/accounts/${id}/account`, viewer)).json;
    const balances = (await kit.get(`/obp/v5.1.0/banks/gh.29.uk/accounts/${id}/balances`, viewer)).json;
    expect(core.balance).toEqual(full.balance);
    expect(balances.balances[0]).toMatchObject(full.balance);

    const admin = await kit.login();
    const others = (await kit.get('/obp/v5.1.0/banks/gh.29.uk/accounts', admin)).json.accounts;
    const foreign = others.find((a: { id: string }) => !mine.some((m: { id: string }) => m.id === a.id)).id;
    expect((await kit.get(`/obp/v5.1.0/banks/gh.29.uk/accounts/${foreign}/owner/account`, viewer)).status).toBe(403);
    expect((await kit.get(`/obp/v5.1.0/banks/gh.29.uk/accounts/${foreign}/balances`, viewer)).json.message).toMatch(
      /^OBP-30065: /,
    );
  });

  it('answers OBP-30018 for an unknown account on the view path', async () => {
    kit = await startKit();
    const admin = await kit.login();
    const r = await kit.get('/obp/v5.1.0/banks/gh.29.uk/accounts/missing/owner/account', admin);
    expect(r.status).toBe(404);
    expect(r.json.message).toMatch(/^OBP-30018: Bank Account not found\..*Current AccountId is missing$/);
  });
});
