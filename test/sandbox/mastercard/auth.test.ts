import { afterEach, describe, expect, it } from 'vitest';
import { MASTERCARD_AU_SANDBOX_CREDENTIALS, MASTERCARD_US_SANDBOX_CREDENTIALS } from '../../../src/sandbox/mastercard/index.js';
import { startTestSim, type TestSim } from './sim-client.js';

let t: TestSim;
afterEach(async () => t?.sim.close());

const US = MASTERCARD_US_SANDBOX_CREDENTIALS;

describe('Mastercard simulator: partner authentication', () => {
  it('issues a token and accepts it on data calls (US headers)', async () => {
    t = await startTestSim({ region: 'US' });
    const r = await t.get('/aggregation/v1/customers');
    expect(r.status).toBe(200);
    expect(t.sim.stats().tokenIssued).toBe(1);
  });

  it('answers the documented codes for bad credentials and locks after 5 failures', async () => {
    t = await startTestSim({ region: 'US' });
    const auth = (body: unknown, headers?: Record<string, string>) => t.send('POST', '/aggregation/v2/partners/authentication', body, headers);
    expect((await auth({ partnerId: US.partnerId })).json).toEqual({ code: '10005', message: 'Missing parameter (partnerSecret)' });
    expect((await auth({ partnerId: 'nobody', partnerSecret: 'x' })).status).toBe(404);
    const wrong = await auth({ partnerId: US.partnerId, partnerSecret: 'wrong' });
    expect(wrong.status).toBe(401);
    expect(wrong.json.code).toBe('10001');
    for (let i = 0; i < 4; i++) await auth({ partnerId: US.partnerId, partnerSecret: 'wrong' });
    const locked = await auth({ partnerId: US.partnerId, partnerSecret: US.partnerSecret });
    expect(locked.status).toBe(401);
    expect(locked.json.code).toBe('10021');
    await fetch(`${t.sim.url}/_sandbox/unlock-partner`, { method: 'POST' });
    expect((await auth({ partnerId: US.partnerId, partnerSecret: US.partnerSecret })).status).toBe(200);
  });

  it('rejects a missing (10026, JSON) and a wrong (10027) app key on the token call', async () => {
    t = await startTestSim({ region: 'US' });
    const body = { partnerId: US.partnerId, partnerSecret: US.partnerSecret };
    const missing = await t.send('POST', '/aggregation/v2/partners/authentication', body, { 'Finicity-App-Key': '' });
    expect(missing.status).toBe(401);
    expect(missing.json).toEqual({ code: '10026', message: 'Missing parameter (Finicity-App-Key)' });
    const wrong = await t.send('POST', '/aggregation/v2/partners/authentication', body, { 'Finicity-App-Key': 'nope' });
    expect(wrong.json.code).toBe('10027');
  });

  it('answers each 401 variant on data calls, one of them as text/plain', async () => {
    t = await startTestSim({ region: 'US' });
    const noKey = await t.get('/aggregation/v1/customers', { 'Finicity-App-Key': '' });
    expect([noKey.status, noKey.json.code]).toEqual([401, '10026']);
    const badKey = await t.get('/aggregation/v1/customers', { 'Finicity-App-Key': 'bad-key' });
    expect(badKey.status).toBe(401);
    expect(badKey.contentType).toMatch(/^text\/plain/);
    expect(badKey.text).toBe('Invalid (Finicity-App-Key)');
    const noToken = await t.get('/aggregation/v1/customers', { 'Finicity-App-Token': '' });
    expect([noToken.status, noToken.json.code, noToken.json.message]).toEqual([401, '10024', 'Missing parameter (Finicity-App-Token)']);
    const badToken = await t.get('/aggregation/v1/customers', { 'Finicity-App-Token': 'not-a-token' });
    expect([badToken.status, badToken.json.code]).toEqual([401, '10022']);
  });

  it('expires tokens after tokenTtlSeconds with 10023', async () => {
    t = await startTestSim({ region: 'US', tokenTtlSeconds: 60 });
    expect((await t.get('/aggregation/v1/customers')).status).toBe(200);
    t.clock.ms += 59_000;
    expect((await t.get('/aggregation/v1/customers')).status).toBe(200);
    t.clock.ms += 1_000;
    const expired = await t.get('/aggregation/v1/customers');
    expect(expired.status).toBe(401);
    expect(expired.json).toEqual({ code: '10023', message: 'Expired (Finicity-App-Token)' });
  });

  it('uses App-Key / App-Token in the AU region and ignores the US names', async () => {
    t = await startTestSim({ region: 'AU' });
    expect((await t.get('/aggregation/v1/customers')).status).toBe(200);
    const usNames = await t.get('/aggregation/v1/customers', {
      'App-Key': '',
      'Finicity-App-Key': MASTERCARD_AU_SANDBOX_CREDENTIALS.appKey,
    });
    expect([usNames.status, usNames.json.message]).toEqual([401, 'Missing parameter (App-Key)']);
    t.clock.ms += 7200 * 1000;
    expect((await t.get('/aggregation/v1/customers')).json.message).toBe('Expired (App-Token)');
  });

  it('counts requests per route pattern and resets', async () => {
    t = await startTestSim({ region: 'US' });
    await t.get('/aggregation/v1/customers');
    await t.get('/aggregation/v1/customers/1005061200');
    const stats = (await (await fetch(`${t.sim.url}/_sandbox/stats`)).json()) as { requests: number; byRoute: Record<string, number> };
    expect(stats.byRoute['GET /aggregation/v1/customers']).toBe(1);
    expect(stats.byRoute['GET /aggregation/v1/customers/:customerId']).toBe(1);
    expect(stats.requests).toBe(3);
    await fetch(`${t.sim.url}/_sandbox/reset-stats`, { method: 'POST' });
    expect(t.sim.stats()).toEqual({ requests: 0, tokenIssued: 0, byRoute: {} });
  });
});
