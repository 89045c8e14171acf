import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLendingServer, VALID_CONSUMER, type LendingServer } from './lending-test-kit.js';

/** Seed 001, "Reseller Partners": end user information on CreateConsumer, error 1201 without it. */
const END_USER = {
  name: 'ABC Apartments',
  address: '123 Main St',
  city: 'Murray',
  state: 'UT',
  zip: '84123',
  phone: '555-2106',
  email: 'customerservice@abcapartments.com',
  url: 'abcapartments.com',
};

describe('consumers of a reseller partner (US)', () => {
  let reseller: LendingServer;
  let direct: LendingServer;
  beforeAll(async () => {
    reseller = await startLendingServer('US', { reseller: true });
    direct = await startLendingServer('US');
  });
  afterAll(async () => {
    await reseller.sim.close();
    await direct.sim.close();
  });
  const create = (server: LendingServer, customerId: string, body: unknown) => server.call('POST', `/decisioning/v1/customers/${customerId}/consumer`, body);

  it('refuses a consumer without endUser with error 1201, and creates one with it, which Get returns', async () => {
    const refused = await create(reseller, '1005061235', VALID_CONSUMER);
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ code: '1201' });
    const created = await create(reseller, '1005061235', { ...VALID_CONSUMER, endUser: END_USER });
    expect(created.status).toBe(201);
    const read = await reseller.call('GET', '/decisioning/v1/customers/1005061235/consumer');
    expect((read.json as { endUser: unknown }).endUser).toEqual(END_USER);
  });

  it('checks the ConsumerEndUser members for every partner: the six required ones, email and url formats', async () => {
    for (const field of ['name', 'address', 'city', 'state', 'zip', 'phone']) {
      const { [field as keyof typeof END_USER]: _gone, ...partial } = END_USER;
      const response = await create(direct, '1005061236', { ...VALID_CONSUMER, endUser: partial });
      expect(response.json).toEqual({ code: '10005', message: `Missing parameter (endUser.${field})` });
    }
    expect((await create(direct, '1005061236', { ...VALID_CONSUMER, endUser: { ...END_USER, email: 'nope' } })).json).toMatchObject({ code: '10100' });
    expect((await create(direct, '1005061236', { ...VALID_CONSUMER, endUser: { ...END_USER, url: 'x' } })).json).toMatchObject({ code: '10100' });
    // A partner that is not a reseller needs none.
    expect((await create(direct, '1005061236', VALID_CONSUMER)).status).toBe(201);
  });
});
