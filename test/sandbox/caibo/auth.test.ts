import { afterEach, describe, expect, it } from 'vitest';
import { CAIBO_SANDBOX_CREDENTIALS, startCaiboSimulator, type CaiboSimulator } from '../../../src/sandbox/caibo/index.js';
import { call, manualClock } from './caibo-test-kit.js';

const JANE = '/customers/1677274843291201';
let sim: CaiboSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function login(base: string, body: unknown = { email: CAIBO_SANDBOX_CREDENTIALS.email, password: CAIBO_SANDBOX_CREDENTIALS.password }) {
  return call(base, 'POST', '/auth/login', { headers: { 'content-type': 'application/json' }, body });
}

describe('Caibo simulator: API key auth', () => {
  it('accepts the sandbox API key in X-API-Key (any header-name case)', async () => {
    sim = await startCaiboSimulator();
    const lower = await call(sim.url, 'GET', JANE, { headers: { 'x-api-key': CAIBO_SANDBOX_CREDENTIALS.apiKey } });
    expect(lower.status).toBe(200);
    expect(lower.json).toMatchObject({ id: 1677274843291201, name: 'Jane Doe' });
    const upper = await call(sim.url, 'GET', JANE, { headers: { 'X-API-KEY': CAIBO_SANDBOX_CREDENTIALS.apiKey } });
    expect(upper.status).toBe(200);
  });

  it('answers 401 ProblemDetails for a wrong or missing key, without echoing it', async () => {
    sim = await startCaiboSimulator();
    const wrong = await call(sim.url, 'GET', JANE, { headers: { 'x-api-key': 'caibo_test_sk_wrong-secret' } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(wrong.json).toMatchObject({ type: 'https://tools.ietf.org/html/rfc9110#section-15.5.2', title: 'Unauthorized', status: 401 });
    expect(wrong.text).not.toContain('wrong-secret');
    const missing = await call(sim.url, 'GET', JANE, { headers: {} });
    expect(missing.status).toBe(401);
    expect(missing.json).toMatchObject({ status: 401 });
  });

  it('checks auth before the body: a bad key with a bad body is 401, not 400/415', async () => {
    sim = await startCaiboSimulator();
    const response = await call(sim.url, 'POST', '/customers', { headers: { 'x-api-key': 'nope', 'content-type': 'text/plain' }, rawBody: 'x' });
    expect(response.status).toBe(401);
  });
});

describe('Caibo simulator: login and bearer tokens', () => {
  it('issues a JWT access token with an expireDate ttl seconds ahead, usable as Bearer', async () => {
    const clock = manualClock();
    sim = await startCaiboSimulator({ now: clock.now, accessTokenTtlSeconds: 60 });
    const response = await login(sim.url);
    expect(response.status).toBe(200);
    const body = response.json as { accessToken: string; expireDate: string };
    expect(body.accessToken.split('.')).toHaveLength(3);
    expect(body.expireDate).toBe(new Date(clock.now() + 60_000).toISOString().replace('.000Z', 'Z'));
    const me = await call(sim.url, 'GET', JANE, { headers: { authorization: `Bearer ${body.accessToken}` } });
    expect(me.status).toBe(200);
    expect(sim.stats().logins).toBe(1);
  });

  it('expires tokens by now(): valid just before expireDate, 401 invalid_token at it', async () => {
    const clock = manualClock();
    sim = await startCaiboSimulator({ now: clock.now, accessTokenTtlSeconds: 30 });
    const { accessToken } = (await login(sim.url)).json as { accessToken: string };
    const headers = { authorization: `Bearer ${accessToken}` };
    clock.advance(29_999);
    expect((await call(sim.url, 'GET', JANE, { headers })).status).toBe(200);
    clock.advance(1);
    const expired = await call(sim.url, 'GET', JANE, { headers });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('invalid_token');
    expect(expired.json).toMatchObject({ status: 401, detail: 'The access token has expired.' });
    expect(expired.text).not.toContain(accessToken);
    // A fresh login works again.
    const again = (await login(sim.url)).json as { accessToken: string };
    expect((await call(sim.url, 'GET', JANE, { headers: { authorization: `Bearer ${again.accessToken}` } })).status).toBe(200);
    expect(sim.stats().logins).toBe(2);
  });

  it('rejects a wrong password (401) and a login without fields (400 with errors)', async () => {
    sim = await startCaiboSimulator();
    const wrong = await login(sim.url, { email: CAIBO_SANDBOX_CREDENTIALS.email, password: 'not-it' });
    expect(wrong.status).toBe(401);
    expect(wrong.text).not.toContain('not-it');
    const empty = await login(sim.url, {});
    expect(empty.status).toBe(400);
    expect(empty.json).toMatchObject({ errors: { email: ['The email field is required.'], password: ['The password field is required.'] } });
    const forged = await call(sim.url, 'GET', JANE, { headers: { authorization: 'Bearer eyJ.forged.token' } });
    expect(forged.status).toBe(401);
    expect(sim.stats().logins).toBe(0);
  });

  it('honours custom credentials', async () => {
    sim = await startCaiboSimulator({ credentials: { apiKey: 'k-1', email: 'a@b.test', password: 'p' } });
    expect((await call(sim.url, 'GET', JANE, { headers: { 'x-api-key': 'k-1' } })).status).toBe(200);
    expect((await call(sim.url, 'GET', JANE, { headers: { 'x-api-key': CAIBO_SANDBOX_CREDENTIALS.apiKey } })).status).toBe(401);
    expect((await login(sim.url, { email: 'a@b.test', password: 'p' })).status).toBe(200);
  });

  it('rotates the API key through PUT /users/{userId}/apikey with a bearer token only', async () => {
    sim = await startCaiboSimulator();
    const { accessToken } = (await login(sim.url)).json as { accessToken: string };
    const withKey = await call(sim.url, 'PUT', '/users/1676242040039482/apikey', { headers: { 'x-api-key': CAIBO_SANDBOX_CREDENTIALS.apiKey } });
    expect(withKey.status).toBe(401);
    const otherUser = await call(sim.url, 'PUT', '/users/1/apikey', { headers: { authorization: `Bearer ${accessToken}` } });
    expect(otherUser.status).toBe(403);
    const rotated = await call(sim.url, 'PUT', '/users/1676242040039482/apikey', { headers: { authorization: `Bearer ${accessToken}` } });
    expect(rotated.status).toBe(200);
    expect(rotated.json).toEqual(expect.stringMatching(/^caibo_test_sk_[0-9a-f]{48}$/));
    expect((await call(sim.url, 'GET', JANE, { headers: { 'x-api-key': CAIBO_SANDBOX_CREDENTIALS.apiKey } })).status).toBe(401);
    expect((await call(sim.url, 'GET', JANE, { headers: { 'x-api-key': rotated.json as string } })).status).toBe(200);
  });
});

describe('Caibo simulator: stats', () => {
  it('counts provider requests per route and logins, and resets', async () => {
    sim = await startCaiboSimulator();
    await call(sim.url, 'GET', JANE);
    await call(sim.url, 'GET', JANE);
    await login(sim.url);
    await call(sim.url, 'GET', '/nothing-here');
    const stats = sim.stats();
    expect(stats).toEqual({
      requests: 4,
      logins: 1,
      byRoute: { 'GET /customers/:id': 2, 'POST /auth/login': 1, 'GET (unmatched)': 1 },
    });
    expect((await call(sim.url, 'GET', '/_sandbox/stats')).json).toEqual(stats);
    sim.resetStats();
    expect(sim.stats()).toEqual({ requests: 0, logins: 0, byRoute: {} });
  });
});
