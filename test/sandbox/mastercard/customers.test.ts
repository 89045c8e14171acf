import { afterEach, describe, expect, it } from 'vitest';
import { startTestSim, type TestSim } from './sim-client.js';

let t: TestSim;
afterEach(async () => t?.sim.close());

describe('Mastercard simulator: customers', () => {
  it('creates a testing customer: 201, id string, createdDate int; Get/List give createdDate as a string', async () => {
    t = await startTestSim({ region: 'US' });
    const created = await t.send('POST', '/aggregation/v2/customers/testing', { username: 'customerusername1', firstName: 'Ann', lastName: 'Lee', applicationId: 'app-1' });
    expect(created.status).toBe(201);
    expect(typeof created.json.id).toBe('string');
    expect(Number.isInteger(created.json.createdDate)).toBe(true);
    const got = await t.get(`/aggregation/v1/customers/${created.json.id}`);
    expect(got.json.createdDate).toBe(String(created.json.createdDate));
    expect(got.json).toMatchObject({ username: 'customerusername1', type: 'testing', firstName: 'Ann' });
    expect(got.json.applicationId).toBe('app-1');
    const listed = await t.get('/aggregation/v1/customers?username=customerusername1');
    expect(listed.json.found).toBe(1);
    expect(typeof listed.json.customers[0].createdDate).toBe('string');
    // applicationId is a Get-only field (us-notes.md, Customers).
    expect(listed.json.customers[0].applicationId).toBeUndefined();
  });

  it('enforces the username rules: 6-255 chars of letters, digits and ! @ . # $ % & * _ - +', async () => {
    t = await startTestSim({ region: 'US' });
    const create = (username: string) => t.send('POST', '/aggregation/v2/customers/testing', { username });
    expect((await create('a!@.#$%&*_-+Z9')).status).toBe(201);
    expect((await create('x'.repeat(255))).status).toBe(201);
    for (const bad of ['short', 'x'.repeat(256), 'has space1', 'josé-maria', 'semi;colon', 'slash/abc']) {
      const r = await create(bad);
      expect(r.status, bad).toBe(400);
      expect(r.json).toEqual({ code: '110039', message: 'Username is not as per the policy.' });
    }
    expect((await t.send('POST', '/aggregation/v2/customers/testing', { firstName: 'x' })).json.code).toBe('10005');
    const dup = await create('a!@.#$%&*_-+Z9');
    expect([dup.status, dup.json.code]).toEqual([409, '110002']);
  });

  it('answers 110039 at HTTP 500 in the AU region (AU API Status Codes)', async () => {
    t = await startTestSim({ region: 'AU' });
    const r = await t.send('POST', '/aggregation/v2/customers/testing', { username: 'bad' });
    expect([r.status, r.json.code]).toEqual([500, '110039']);
  });

  it('refuses the testing customer beyond the limit with 42000 at HTTP 400', async () => {
    t = await startTestSim({ region: 'US', testingCustomerLimit: 27 }); // 25 seeded
    expect((await t.send('POST', '/aggregation/v2/customers/testing', { username: 'limit_one' })).status).toBe(201);
    expect((await t.send('POST', '/aggregation/v2/customers/testing', { username: 'limit_two' })).status).toBe(201);
    const over = await t.send('POST', '/aggregation/v2/customers/testing', { username: 'limit_three' });
    expect(over.status).toBe(400);
    expect(over.json).toEqual({ code: '42000', message: 'Testing customer limit exceeded.' });
    // Active customers do not count against the testing limit; deleting frees a slot.
    expect((await t.send('POST', '/aggregation/v2/customers/active', { username: 'active_one' })).status).toBe(201);
    const first = (await t.get('/aggregation/v1/customers?username=limit_one')).json.customers[0].id;
    expect((await t.send('DELETE', `/aggregation/v1/customers/${first}`)).status).toBe(204);
    expect((await t.send('POST', '/aggregation/v2/customers/testing', { username: 'limit_three' })).status).toBe(201);
  });

  it('pages the list with a 1-based start record index, limit and a boolean moreAvailable', async () => {
    t = await startTestSim({ region: 'US' });
    const p1 = await t.get('/aggregation/v1/customers?start=1&limit=10');
    expect(p1.json).toMatchObject({ found: 25, displaying: 10, moreAvailable: true });
    const p3 = await t.get('/aggregation/v1/customers?start=21&limit=10');
    expect(p3.json).toMatchObject({ found: 25, displaying: 5, moreAvailable: false });
    const p2 = await t.get('/aggregation/v1/customers?start=11&limit=10');
    expect(p2.json.customers[0].id).not.toBe(p1.json.customers[9].id);
    const ids = [...p1.json.customers, ...p2.json.customers, ...p3.json.customers].map((c: { id: string }) => c.id);
    expect(new Set(ids).size).toBe(25);
    const twenty = await t.get('/aggregation/v1/customers?limit=20');
    expect(twenty.json.customers).toHaveLength(20);
    expect((await t.get('/aggregation/v1/customers?start=0')).json.code).toBe('41003');
    expect((await t.get('/aggregation/v1/customers?limit=0')).json.code).toBe('41004');
    expect((await t.get('/aggregation/v1/customers?type=gold')).json.code).toBe('14016');
  });

  it('searches first and last names and filters by type', async () => {
    t = await startTestSim({ region: 'US' });
    const smith = await t.get('/aggregation/v1/customers?search=smith');
    expect(smith.json.found).toBe(1);
    expect(smith.json.customers[0].lastName).toBe('Smith');
    expect((await t.get('/aggregation/v1/customers?type=active')).json.found).toBe(0);
  });

  it('updates (204), deletes (204) and answers 14001 for unknown customers', async () => {
    t = await startTestSim({ region: 'US' });
    expect((await t.send('PUT', '/aggregation/v1/customers/1005061200', { firstName: 'Johnny' })).status).toBe(204);
    expect((await t.get('/aggregation/v1/customers/1005061200')).json.firstName).toBe('Johnny');
    expect((await t.send('PUT', '/aggregation/v1/customers/1005061200', {})).json.code).toBe('10025');
    expect((await t.send('DELETE', '/aggregation/v1/customers/1005061200')).status).toBe(204);
    const gone = await t.get('/aggregation/v1/customers/1005061200');
    expect([gone.status, gone.json.code]).toEqual([404, '14001']);
    expect((await t.get('/aggregation/v1/customers/1005061200/accounts')).json.code).toBe('14001');
  });
});
