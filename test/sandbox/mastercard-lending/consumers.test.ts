import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLendingServer, VALID_CONSUMER, type LendingServer } from './lending-test-kit.js';

const SSN = '123456789';

describe('consumers (US)', () => {
  let server: LendingServer;
  beforeAll(async () => {
    server = await startLendingServer('US');
  });
  afterAll(() => server.sim.close());

  const create = (customerId: string, body: unknown) => server.call('POST', `/decisioning/v1/customers/${customerId}/consumer`, body);
  const without = (...fields: string[]) =>
    Object.fromEntries(Object.entries(VALID_CONSUMER).filter(([key]) => !fields.includes(key)));

  it('requires the documented fields, naming the one missing (10005)', async () => {
    for (const field of ['firstName', 'lastName', 'state']) {
      const response = await create('1005061235', without(field));
      expect(response.status).toBe(400);
      expect(response.json).toEqual({ code: '10005', message: `Missing parameter (${field})` });
    }
  });

  it('needs ssn or a full birthday, and phone or email', async () => {
    expect((await create('1005061235', without('ssn', 'birthday'))).json).toEqual({ code: '10005', message: 'Missing parameter (ssn or birthday)' });
    const partial = await create('1005061235', { ...without('ssn'), birthday: { year: 1989, month: 8 } });
    expect(partial.json).toEqual({ code: '10005', message: 'Missing parameter (birthday.dayOfMonth)' });
    expect((await create('1005061235', without('phone', 'email'))).json).toEqual({ code: '10005', message: 'Missing parameter (phone or email)' });
  });

  it('checks formats with the spec messages, never echoing the SSN', async () => {
    const badSsn = await create('1005061235', { ...VALID_CONSUMER, ssn: '12345' });
    expect(badSsn.status).toBe(400);
    expect(badSsn.json).toEqual({ code: '10100', message: 'Invalid format for field consumer.ssn.  Required format is 9 digits.' });
    expect(badSsn.text).not.toContain('12345');
    expect((await create('1005061235', { ...VALID_CONSUMER, email: 'nope' })).json).toMatchObject({ code: '10100' });
  });

  it('creates (201), refuses a second consumer (409 / 11000), and returns ssn as its last 4 digits', async () => {
    const created = await create('1005061234', VALID_CONSUMER);
    expect(created.status).toBe(201);
    const body = created.json as { id: string; createdDate: number; customerId: number };
    expect(body.id).toMatch(/^[0-9a-f]{32}$/);
    expect(body.customerId).toBe(1005061234);
    expect(body.createdDate).toBe(Math.floor(server.clock.ms / 1000));

    const again = await create('1005061234', VALID_CONSUMER);
    expect(again.status).toBe(409);
    expect(again.json).toEqual({ code: '11000', message: 'A consumer already exists for customer 1005061234' });

    const byCustomer = await server.call('GET', '/decisioning/v1/customers/1005061234/consumer');
    expect(byCustomer.status).toBe(200);
    expect(byCustomer.json).toMatchObject({ id: body.id, ssn: '6789', birthday: { year: 1989, month: 8, dayOfMonth: 13 }, state: 'UT' });
    const byId = await server.call('GET', `/decisioning/v1/consumers/${body.id}`);
    expect(byId.json).toEqual(byCustomer.json);
    for (const response of [created, again, byCustomer, byId]) expect(response.text).not.toContain(SSN);
  });

  it('updates with PUT (204), keeps unspecified fields, and offers no DELETE', async () => {
    const { json } = await server.call('GET', '/decisioning/v1/customers/1005061234/consumer');
    const id = (json as { id: string }).id;
    const put = await server.call('PUT', `/decisioning/v1/consumers/${id}`, { city: 'Provo', ssn: '999-99-1234' });
    expect(put.status).toBe(204);
    const after = await server.call('GET', `/decisioning/v1/consumers/${id}`);
    expect(after.json).toMatchObject({ city: 'Provo', ssn: '1234', firstName: 'Ada', email: 'ada@example.com' });
    const deleted = await server.call('DELETE', `/decisioning/v1/consumers/${id}`);
    expect(deleted.status).toBe(404);
    expect((await server.call('GET', `/decisioning/v1/consumers/${id}`)).status).toBe(200);
  });

  it('404s: unknown customer (14001), customer without consumer and unknown consumer (10100)', async () => {
    expect((await create('999', VALID_CONSUMER)).json).toEqual({ code: '14001', message: 'Customer not found.' });
    expect((await server.call('GET', '/decisioning/v1/customers/1005061236/consumer')).json).toEqual({
      code: '10100',
      message: 'Cannot find consumer for customer with id 1005061236.',
    });
    expect((await server.call('GET', '/decisioning/v1/consumers/abc')).status).toBe(404);
  });

  it('authenticates every call', async () => {
    const response = await server.call('GET', '/decisioning/v1/customers/1005061234/consumer', undefined, { 'finicity-app-token': 'wrong' });
    expect(response.status).toBe(401);
  });

  it('never put the SSN in any error body', () => {
    expect(JSON.stringify(server.errors)).not.toContain(SSN);
  });
});

describe('consumers (AU)', () => {
  let server: LendingServer;
  beforeAll(async () => {
    server = await startLendingServer('AU');
  });
  afterAll(() => server.sim.close());

  it('accepts the AU docs example body (names and phone only) with App-Token', async () => {
    const created = await server.call('POST', '/decisioning/v1/customers/1005061234/consumer', { firstName: 'Ada', lastName: 'Lovelace', phone: '0412 345 678' });
    expect(created.status).toBe(201);
    const missing = await server.call('POST', '/decisioning/v1/customers/1005061235/consumer', { firstName: 'Ada', lastName: 'Lovelace' });
    expect(missing.json).toEqual({ code: '10005', message: 'Missing parameter (phone or email)' });
  });

  it('has no US-only businesses or authorization details', async () => {
    expect((await server.call('GET', '/business-services/customers/1005061234/businesses')).status).toBe(404);
    expect((await server.call('GET', '/customers/institution-logins/7008461438/authorization-details')).status).toBe(404);
  });
});
