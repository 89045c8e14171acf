import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { obpSandboxUserId } from '../../../src/sandbox/obp/index.js';
import { startKit, type ObpTestKit } from './obp-test-kit.js';

/** Seed 004: social media handles, CRM events and v2.0.0 create-customer with user_id, as the simulator serves them. */
let kit: ObpTestKit;
let admin: string;
let viewer: string;
const V = '/obp/v5.1.0';

/** The admin's linked customer at the bank: the bank's first seeded customer, which has handles. */
async function firstCustomerAt(bankId: string): Promise<{ customer_id: string; customer_number: string }> {
  return (await kit.get(`${V}/banks/${bankId}/my/customers`, admin)).json.customers[0];
}

const handleBody = (customerNumber: string, handle = '@someone') => ({
  customer_number: customerNumber,
  type: 'twitter',
  handle,
  date_added: '2025-03-01T10:00:00Z',
  date_activated: '2025-03-02T10:00:00Z',
});

beforeAll(async () => {
  kit = await startKit();
  admin = await kit.login();
  viewer = await kit.login('sandbox.viewer');
});
afterAll(async () => {
  await kit.sim.close();
});

describe('OBP simulator: social media handles (seed 004)', () => {
  it('lists the seeded handles under {"checks": […]} and adds one with 201 {"success": "Success"}', async () => {
    const customer = await firstCustomerAt('de.17.ber');
    const path = `${V}/banks/de.17.ber/customers/${customer.customer_id}/social_media_handles`;
    const before = await kit.get(path, admin);
    expect(before.status).toBe(200);
    expect(before.json.checks.length).toBeGreaterThan(0);
    for (const check of before.json.checks) {
      expect(Object.keys(check).sort()).toEqual(['customer_number', 'date_activated', 'date_added', 'handle', 'type']);
      expect(check.customer_number).toBe(customer.customer_number);
    }
    const added = await kit.request('POST', path, { token: admin, body: handleBody(customer.customer_number, '@added.one') });
    expect(added.status).toBe(201);
    expect(added.json).toEqual({ success: 'Success' });
    const after = (await kit.get(path, admin)).json.checks;
    expect(after).toHaveLength(before.json.checks.length + 1);
    expect(after.at(-1)).toEqual(handleBody(customer.customer_number, '@added.one'));
  });

  it('answers the documented errors in the documented order', async () => {
    const customer = await firstCustomerAt('gh.29.uk');
    const path = `${V}/banks/gh.29.uk/customers/${customer.customer_id}/social_media_handles`;
    const body = handleBody(customer.customer_number);
    expect((await kit.request('POST', path, { body })).json.message).toMatch(/^OBP-20001: /);
    // OBP-10001 comes before the role check: the viewer holds no role.
    const badJson = await kit.request('POST', path, { token: viewer, body: { ...body, date_added: '2025-03-01' } });
    expect([badJson.status, badJson.json.message]).toEqual([400, expect.stringMatching(/^OBP-10001: /)]);
    const badBank = await kit.request('POST', `${V}/banks/bad!bank/customers/${customer.customer_id}/social_media_handles`, { token: admin, body });
    expect(badBank.json.message).toMatch(/^OBP-30111: /);
    const noRole = await kit.request('POST', path, { token: viewer, body });
    expect([noRole.status, noRole.json.message]).toEqual([403, 'OBP-20006: User is missing one or more roles: CanAddSocialMediaHandle at Bank(gh.29.uk)']);
    const unknown = await kit.request('POST', `${V}/banks/gh.29.uk/customers/nobody/social_media_handles`, { token: admin, body });
    expect([unknown.status, unknown.json.message]).toEqual([404, expect.stringMatching(/^OBP-30046: /)]);
    // A customer of another bank is not found at this one (seed 004 lists no OBP-30001 here).
    const elsewhere = await kit.request('POST', `${V}/banks/de.17.ber/customers/${customer.customer_id}/social_media_handles`, { token: admin, body });
    expect(elsewhere.json.message).toMatch(/^OBP-30046: /);

    const listNoRole = await kit.get(path, viewer);
    expect([listNoRole.status, listNoRole.json.message]).toEqual([403, 'OBP-20006: User is missing one or more roles: CanGetSocialMediaHandles at Bank(gh.29.uk)']);
    expect((await kit.get(path)).status).toBe(401);
  });
});

describe('OBP simulator: CRM events (seed 004)', () => {
  it('lists a bank’s events with the documented fields, needing no role', async () => {
    const answer = await kit.get(`${V}/banks/gh.29.uk/crm-events`, viewer);
    expect(answer.status).toBe(200);
    expect(answer.json.crm_events.length).toBeGreaterThan(0);
    for (const event of answer.json.crm_events) {
      expect(Object.keys(event).sort()).toEqual(
        ['actual_date', 'bank_id', 'category', 'channel', 'customer_name', 'customer_number', 'detail', 'id', 'result', 'scheduled_date'].sort(),
      );
      expect(event.bank_id).toBe('gh.29.uk');
      expect(event.scheduled_date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
  });

  it('answers "No CRM Events available." for a bank without events, OBP-30001 for an unknown bank, OBP-20001 without a token', async () => {
    expect((await kit.get(`${V}/banks/sg.08.sgp/crm-events`, admin)).json).toEqual({ code: 400, message: 'No CRM Events available.' });
    expect((await kit.get(`${V}/banks/no.such.bank/crm-events`, admin)).json.message).toMatch(/^OBP-30001: /);
    expect((await kit.get(`${V}/banks/gh.29.uk/crm-events`)).json.message).toMatch(/^OBP-20001: /);
  });
});

describe('OBP simulator: v2.0.0 create customer with user_id (seed 004)', () => {
  const body = (overrides: Record<string, unknown> = {}) => ({
    user_id: obpSandboxUserId('sandbox.viewer'),
    customer_number: `77${Math.floor(Math.random() * 1e8)}`,
    legal_name: 'Eveline Tripman',
    mobile_phone_number: '+49 30 901820',
    email: 'felixsmith@example.com',
    face_image: { url: 'http://www.example.com/id-docs/123/image.png', date: '2020-01-27T00:00:00Z' },
    date_of_birth: '2018-03-09T00:00:00Z',
    relationship_status: 'single',
    dependants: 1,
    dob_of_dependants: ['2019-09-08T00:00:00Z'],
    highest_education_attained: 'Master',
    employment_status: 'worker',
    kyc_status: false,
    last_ok_date: '2024-02-12T21:00:30Z',
    title: 'Dr.',
    branchId: 'branchId',
    nameSuffix: 'nameSuffix',
    ...overrides,
  });

  it('creates the customer, links the user, and refuses a second linked customer at that bank (OBP-30007)', async () => {
    const created = await kit.request('POST', '/obp/v2.0.0/banks/us.42.nyc/customers', { token: admin, body: body() });
    expect(created.status).toBe(201);
    expect(created.json.customer_id).toBeTruthy();
    expect(created.json).not.toHaveProperty('bank_id');
    const mine = (await kit.get(`${V}/banks/us.42.nyc/my/customers`, viewer)).json.customers;
    expect(mine.map((c: { customer_id: string }) => c.customer_id)).toEqual([created.json.customer_id]);
    const second = await kit.request('POST', '/obp/v2.0.0/banks/us.42.nyc/customers', { token: admin, body: body() });
    expect(second.json).toEqual({ code: 400, message: 'OBP-30007: The User is already linked to a Customer at the bank specified by BANK_ID' });
  });

  it('answers OBP-20005, OBP-30006, OBP-20006 and OBP-10001 as documented, and is served by v2.0.0 only', async () => {
    const unknownUser = await kit.request('POST', '/obp/v2.0.0/banks/de.17.ber/customers', { token: admin, body: body({ user_id: 'nobody' }) });
    expect([unknownUser.status, unknownUser.json.message]).toEqual([404, expect.stringMatching(/^OBP-20005: /)]);
    const existing = await firstCustomerAt('de.17.ber');
    const taken = await kit.request('POST', '/obp/v2.0.0/banks/de.17.ber/customers', { token: admin, body: body({ customer_number: existing.customer_number }) });
    expect(taken.json.message).toMatch(/^OBP-30006: /);
    const noRole = await kit.request('POST', '/obp/v2.0.0/banks/de.17.ber/customers', { token: viewer, body: body() });
    expect([noRole.status, noRole.json.message]).toEqual([403, 'OBP-20006: User is missing one or more roles: CanCreateCustomer at Bank(de.17.ber)']);
    const { title: _title, ...withoutTitle } = body();
    expect((await kit.request('POST', '/obp/v2.0.0/banks/de.17.ber/customers', { token: admin, body: withoutTitle })).json.message).toMatch(/^OBP-10001: /);
    // v2.1.0 overrides the path with another body; the simulator does not pretend to serve it.
    expect((await kit.request('POST', '/obp/v2.1.0/banks/de.17.ber/customers', { token: admin, body: body() })).status).toBe(404);
  });
});
