import { afterEach, describe, expect, it } from 'vitest';
import { obpSandboxUserId } from '../../../src/sandbox/obp/index.js';
import { startKit, type ObpTestKit } from './obp-test-kit.js';

let kit: ObpTestKit;
afterEach(async () => kit?.sim.close());

const CUSTOMERS = '/obp/v5.1.0/banks/gh.29.uk/customers';

describe('OBP simulator: customers', () => {
  it('refuses customer creation without CanCreateCustomer with OBP-20006 naming the roles', async () => {
    kit = await startKit();
    const viewer = await kit.login('sandbox.viewer');
    const r = await kit.request('POST', CUSTOMERS, {
      token: viewer,
      body: { legal_name: 'Ada Lovelace', mobile_phone_number: '+44 7700 900001' },
    });
    expect(r.status).toBe(403);
    expect(r.json).toEqual({
      code: 403,
      message: 'OBP-20006: User is missing one or more roles: CanCreateCustomer at Bank(gh.29.uk) or CanCreateCustomerAtAnyBank',
    });
  });

  it('creates a v5 customer from legal_name and mobile_phone_number alone (201, CustomerJsonV310)', async () => {
    kit = await startKit();
    const admin = await kit.login();
    const r = await kit.request('POST', CUSTOMERS, {
      token: admin,
      body: { legal_name: 'Ada Lovelace', mobile_phone_number: '+44 7700 900001' },
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      bank_id: 'gh.29.uk',
      legal_name: 'Ada Lovelace',
      mobile_phone_number: '+44 7700 900001',
      kyc_status: false,
      dependants: 0,
      dob_of_dependants: [],
    });
    expect(r.json.customer_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(r.json.customer_number).toMatch(/^\d+$/);
    const fetched = await kit.get(`${CUSTOMERS}/${r.json.customer_id}`, admin);
    expect(fetched.status).toBe(200);
    expect(fetched.json).toMatchObject({ customer_id: r.json.customer_id, customer_attributes: [] });
  });

  it('keeps the optional fields it is given, dates as yyyy-MM-ddTHH:mm:ssZ', async () => {
    kit = await startKit();
    const admin = await kit.login();
    const r = await kit.request('POST', CUSTOMERS, {
      token: admin,
      body: {
        legal_name: 'Grace Hopper',
        mobile_phone_number: '+44 7700 900002',
        customer_number: '7000001',
        email: 'grace@example.com',
        date_of_birth: '1906-12-09T00:00:00Z',
        relationship_status: 'married',
        dependants: 1,
        dob_of_dependants: ['1930-01-01T00:00:00Z'],
        credit_limit: { currency: 'GBP', amount: '1000' },
        kyc_status: true,
        title: 'Dr.',
      },
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      customer_number: '7000001',
      date_of_birth: '1906-12-09T00:00:00Z',
      dob_of_dependants: ['1930-01-01T00:00:00Z'],
      credit_limit: { currency: 'GBP', amount: '1000' },
      kyc_status: true,
      title: 'Dr.',
    });
  });

  it('answers OBP-10001 when a required field is missing or a type is wrong, and OBP-30006 for a duplicate customer_number', async () => {
    kit = await startKit();
    const admin = await kit.login();
    const missing = await kit.request('POST', CUSTOMERS, { token: admin, body: { legal_name: 'No Phone' } });
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({
      code: 400,
      message: 'OBP-10001: Incorrect json format. The Json body should be the PostCustomerJsonV500 ',
    });
    const badDate = await kit.request('POST', CUSTOMERS, {
      token: admin,
      body: { legal_name: 'X', mobile_phone_number: '1', date_of_birth: '09/12/1906' },
    });
    expect(badDate.json.message).toMatch(/^OBP-10001: /);
    const notJson = await kit.request('POST', CUSTOMERS, { token: admin, body: '{not json' });
    expect(notJson.json.message).toMatch(/^OBP-10001: /);

    const body = { legal_name: 'First', mobile_phone_number: '+44 7700 900003', customer_number: '8000001' };
    expect((await kit.request('POST', CUSTOMERS, { token: admin, body })).status).toBe(201);
    const duplicate = await kit.request('POST', CUSTOMERS, { token: admin, body: { ...body, legal_name: 'Second' } });
    expect(duplicate.status).toBe(400);
    expect(duplicate.json).toEqual({
      code: 400,
      message:
        'OBP-30006: Customer Number already exists. Please specify a different value for BANK_ID or CUSTOMER_NUMBER.',
    });
    // Customer numbers are unique per bank, not globally.
    const otherBank = await kit.request('POST', '/obp/v5.1.0/banks/de.17.ber/customers', { token: admin, body });
    expect(otherBank.status).toBe(201);
  });

  it('requires every field on the v4.0.0 path (PostCustomerJsonV310)', async () => {
    kit = await startKit();
    const admin = await kit.login();
    const r = await kit.request('POST', '/obp/v4.0.0/banks/gh.29.uk/customers', {
      token: admin,
      body: { legal_name: 'Ada Lovelace', mobile_phone_number: '+44 7700 900001' },
    });
    expect(r.status).toBe(400);
    expect(r.json.message).toBe('OBP-10001: Incorrect json format. The Json body should be the PostCustomerJsonV310 ');
  });

  it('answers OBP-30001 for an unknown bank and OBP-30111 for a malformed BANK_ID', async () => {
    kit = await startKit();
    const admin = await kit.login();
    const body = { legal_name: 'X', mobile_phone_number: '1' };
    const unknown = await kit.request('POST', '/obp/v5.1.0/banks/xx.00.nowhere/customers', { token: admin, body });
    expect(unknown.status).toBe(404);
    expect(unknown.json.message).toBe(
      'OBP-30001: Bank not found. Please specify a valid value for BANK_ID. Current BankId is xx.00.nowhere',
    );
    const malformed = await kit.get('/obp/v5.1.0/banks/bad%20bank!/customers', admin);
    expect(malformed.status).toBe(400);
    expect(malformed.json.message).toMatch(/^OBP-30111: Invalid Bank Id\./);
  });

  it('gets a customer by id (with attributes) and answers OBP-30046 with the runtime suffix for an unknown one', async () => {
    kit = await startKit();
    const admin = await kit.login();
    const list = await kit.get(CUSTOMERS, admin);
    const first = list.json.customers[0];
    const one = await kit.get(`${CUSTOMERS}/${first.customer_id}`, admin);
    expect(one.status).toBe(200);
    expect(one.json.legal_name).toBe(first.legal_name);
    // CustomerWithAttributesJsonV310 keeps the full date format; the V300 list uses yyyy-MM-dd.
    expect(one.json.date_of_birth).toBe(`${first.date_of_birth}T00:00:00Z`);
    expect(one.json.customer_attributes[0]).toMatchObject({ name: 'SEGMENT', type: 'STRING' });
    const missing = await kit.get(`${CUSTOMERS}/nope-123`, admin);
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({
      code: 404,
      message: 'OBP-30046: Customer not found. Please specify a valid value for CUSTOMER_ID.. Current CustomerId(nope-123)',
    });
    const viewer = await kit.login('sandbox.viewer');
    const forbidden = await kit.get(`${CUSTOMERS}/${first.customer_id}`, viewer);
    expect(forbidden.status).toBe(403);
    expect(forbidden.json.message).toBe('OBP-20006: User is missing one or more roles: CanGetCustomer at Bank(gh.29.uk)');
  });

  it('lists customers with limit/offset/sort_direction URL parameters, newest last_ok_date first by default', async () => {
    kit = await startKit();
    const admin = await kit.login();
    const all = (await kit.get(CUSTOMERS, admin)).json.customers as Array<{ customer_id: string; last_ok_date: string }>;
    expect(all.length).toBe(5);
    const dates = all.map((c) => c.last_ok_date);
    expect([...dates].sort().reverse()).toEqual(dates);
    const page = (await kit.get(`${CUSTOMERS}?limit=2&offset=1`, admin)).json.customers;
    expect(page.map((c: { customer_id: string }) => c.customer_id)).toEqual(all.slice(1, 3).map((c) => c.customer_id));
    const asc = (await kit.get(`${CUSTOMERS}?sort_direction=asc`, admin)).json.customers;
    expect(asc.map((c: { customer_id: string }) => c.customer_id)).toEqual([...all].reverse().map((c) => c.customer_id));
    expect((await kit.get(`${CUSTOMERS}?limit=0`, admin)).json).toEqual({
      code: 400,
      message: 'OBP-10025: wrong value for obp_limit parameter. Please send a positive integer (=>1)!',
    });
    expect((await kit.get(`${CUSTOMERS}?offset=-1`, admin)).json.message).toMatch(/^OBP-10024: /);
    expect((await kit.get(`${CUSTOMERS}?sort_direction=up`, admin)).json.message).toMatch(/^OBP-10023: /);
    const viewer = await kit.login('sandbox.viewer');
    expect((await kit.get(CUSTOMERS, viewer)).json.message).toBe(
      'OBP-20006: User is missing one or more roles: CanGetCustomers at Bank(gh.29.uk)',
    );
  });

  it('finds a customer by number and lists customers at any bank and minimal customers', async () => {
    kit = await startKit();
    const admin = await kit.login();
    const first = (await kit.get(CUSTOMERS, admin)).json.customers[0];
    const byNumber = await kit.request('POST', `${CUSTOMERS}/customer-number`, {
      token: admin,
      body: { customer_number: first.customer_number },
    });
    expect(byNumber.json.customer_id).toBe(first.customer_id);
    const unknown = await kit.request('POST', `${CUSTOMERS}/customer-number`, { token: admin, body: { customer_number: '0' } });
    expect(unknown.status).toBe(404);
    expect(unknown.json.message).toMatch(/^OBP-30002: /);
    const anyBank = (await kit.get('/obp/v5.1.0/customers?limit=100', admin)).json.customers;
    expect(new Set(anyBank.map((c: { bank_id: string }) => c.bank_id)).size).toBeGreaterThanOrEqual(3);
    const minimal = (await kit.get('/obp/v5.1.0/banks/gh.29.uk/customers-minimal', admin)).json.customers;
    expect(Object.keys(minimal[0]).sort()).toEqual(['bank_id', 'customer_id']);
  });

  it('links users to customers: seeded links, create (201), duplicate (OBP-30007) and listing', async () => {
    kit = await startKit();
    const admin = await kit.login();
    const viewer = await kit.login('sandbox.viewer');
    const viewerId = obpSandboxUserId('sandbox.viewer');

    const mine = (await kit.get('/obp/v5.1.0/my/customers', viewer)).json.customers;
    expect(mine).toHaveLength(1);
    expect(mine[0].bank_id).toBe('gh.29.uk');
    expect((await kit.get('/obp/v5.1.0/users/current/customers', admin)).json.customers.length).toBe(4);

    const created = await kit.request('POST', CUSTOMERS, { token: admin, body: { legal_name: 'New', mobile_phone_number: '1' } });
    const link = await kit.request('POST', '/obp/v5.1.0/banks/gh.29.uk/user_customer_links', {
      token: admin,
      body: { user_id: viewerId, customer_id: created.json.customer_id },
    });
    expect(link.status).toBe(201);
    expect(link.json).toMatchObject({ user_id: viewerId, customer_id: created.json.customer_id, is_active: true });
    expect(link.json.user_customer_link_id).toBeTruthy();

    const again = await kit.request('POST', '/obp/v5.1.0/banks/gh.29.uk/user_customer_links', {
      token: admin,
      body: { user_id: viewerId, customer_id: created.json.customer_id },
    });
    expect(again.json).toEqual({
      code: 400,
      message: 'OBP-30007: The User is already linked to a Customer at the bank specified by BANK_ID',
    });
    const unknownUser = await kit.request('POST', '/obp/v5.1.0/banks/gh.29.uk/user_customer_links', {
      token: admin,
      body: { user_id: 'nobody', customer_id: created.json.customer_id },
    });
    expect(unknownUser.status).toBe(404);
    expect(unknownUser.json.message).toMatch(/^OBP-20005: /);

    const links = (await kit.get(`/obp/v5.1.0/banks/gh.29.uk/user_customer_links/users/${viewerId}`, admin)).json;
    expect(links.user_customer_links).toHaveLength(2);
    expect((await kit.get('/obp/v5.1.0/banks/gh.29.uk/my/customers', viewer)).json.customers).toHaveLength(2);
    const notAllowed = await kit.request('POST', '/obp/v5.1.0/banks/gh.29.uk/user_customer_links', {
      token: viewer,
      body: { user_id: viewerId, customer_id: created.json.customer_id },
    });
    expect(notAllowed.status).toBe(403);
  });

  it('lists the accounts of a customer through customer-account links', async () => {
    kit = await startKit();
    const admin = await kit.login();
    const first = (await kit.get(CUSTOMERS, admin)).json.customers[0];
    const links = (await kit.get(`${CUSTOMERS}/${first.customer_id}/customer-account-links`, admin)).json.links;
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      const account = await kit.get(`/obp/v5.1.0/banks/gh.29.uk/accounts/${l.account_id}/owner/account`, admin);
      expect(account.json.owners[0].id).toBe(first.customer_id);
    }
  });
});
