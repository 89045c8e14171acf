import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLendingServer, VALID_CONSUMER, type LendingServer } from './lending-test-kit.js';

const BUSINESS = {
  name: 'ABC Tires Inc',
  personallyLiable: true,
  address: { addressLine1: '434 W Ascension Way', addressLine2: 'Suite #200', city: 'Murray', state: 'UT', country: 'US', postalCode: '84123' },
  phoneNumber: { countryCode: '1', phoneNo: '8042221111' },
  url: 'https://www.finicity.com/',
  email: 'myname@mycompany.com',
  type: 'Nonprofit',
  taxId: 'A1234561Z',
};

describe('businesses and authorization details (US)', () => {
  let server: LendingServer;
  beforeAll(async () => {
    server = await startLendingServer('US');
  });
  afterAll(() => server.sim.close());

  it('a personally liable business before a consumer is 409, saying to create the consumer first', async () => {
    const response = await server.call('POST', '/business-services/customers/1005061234/businesses', BUSINESS);
    expect(response.status).toBe(409);
    expect((response.json as { message: string }).message).toMatch(/consumer record must be created/i);
  });

  it('after the consumer exists: 200, then a list of exactly one, get by id, update', async () => {
    expect((await server.call('POST', '/decisioning/v1/customers/1005061234/consumer', VALID_CONSUMER)).status).toBe(201);
    const created = await server.call('POST', '/business-services/customers/1005061234/businesses', BUSINESS);
    expect(created.status).toBe(200);
    const business = created.json as Record<string, unknown>;
    expect(business).toMatchObject({ ...BUSINESS, businessId: expect.stringMatching(/^\d+$/), createdDate: '2024-06-30T12:00:00', modifiedDate: '2024-06-30T12:00:00' });

    const list = await server.call('GET', '/business-services/customers/1005061234/businesses');
    expect(list.status).toBe(200);
    expect(list.json).toEqual([business]);

    const byId = await server.call('GET', `/business-services/businesses/${String(business.businessId)}`);
    expect(byId.json).toEqual([business]);

    server.clock.ms += 3_600_000;
    const updated = await server.call('PUT', `/business-services/businesses/${String(business.businessId)}`, { ...BUSINESS, name: 'ABC Tyres Pty' });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ name: 'ABC Tyres Pty', createdDate: '2024-06-30T12:00:00', modifiedDate: '2024-06-30T13:00:00' });
    expect((await server.call('POST', '/business-services/customers/1005061234/businesses', BUSINESS)).status).toBe(409);
  });

  it('a business that is not personally liable needs no consumer; validation and 404 bodies', async () => {
    const created = await server.call('POST', '/business-services/customers/1005061236/businesses', { ...BUSINESS, personallyLiable: false });
    expect(created.status).toBe(200);
    const missing = await server.call('POST', '/business-services/customers/1005061235/businesses', { ...BUSINESS, address: { city: 'Murray' } });
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({ code: '10005', message: 'Missing parameter (address.addressLine1)' });
    expect((await server.call('GET', '/business-services/customers/42/businesses')).json).toMatchObject({ code: '10002', message: 'Customer ID was not found.' });
    expect((await server.call('GET', '/business-services/businesses/1')).json).toMatchObject({ code: '10003', message: 'Business ID was not found.' });
  });

  it('authorization details: ISO start/end, 3003 for an unknown login, 3004 when details are missing', async () => {
    const found = await server.call('GET', '/customers/institution-logins/7008461438/authorization-details');
    expect(found.status).toBe(200);
    const body = found.json as { institutionLoginId: number; authorizationStartDate: string; authorizationEndDate: string };
    expect(body.institutionLoginId).toBe(7008461438);
    expect(body.authorizationStartDate).toMatch(/^\d{4}-\d{2}-\d{2}T16:11:23\.20Z$/);
    expect(Date.parse(body.authorizationEndDate) - Date.parse(body.authorizationStartDate)).toBe(365 * 86_400_000);

    const unknown = await server.call('GET', '/customers/institution-logins/1/authorization-details');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ code: '3003', user_message: 'Institution Login Id is not found' });

    await server.call('PUT', '/_sandbox/mastercard/lending/authorization-details/7008461499', { detailsFound: false });
    const missing = await server.call('GET', '/customers/institution-logins/7008461499/authorization-details');
    expect(missing.json).toMatchObject({ code: '3004' });

    await server.call('PUT', '/_sandbox/mastercard/lending/authorization-details/7008461438', {
      authorizationStartDate: '2024-01-01T16:11:23.20Z',
      authorizationEndDate: '2024-07-05T16:11:23.20Z',
    });
    expect((await server.call('GET', '/customers/institution-logins/7008461438/authorization-details')).json).toEqual({
      institutionLoginId: 7008461438,
      authorizationStartDate: '2024-01-01T16:11:23.20Z',
      authorizationEndDate: '2024-07-05T16:11:23.20Z',
    });
  });
});
