import { afterEach, describe, expect, it } from 'vitest';
import { OBP_SANDBOX_CONSUMER_KEY } from '../../../src/sandbox/obp/index.js';
import { parseDirectLoginParameters } from '../../../src/sandbox/obp/direct-login.js';
import { startKit, type ObpTestKit } from './obp-test-kit.js';

let kit: ObpTestKit;
afterEach(async () => kit?.sim.close());

const ACCOUNTS = '/obp/v5.1.0/banks/gh.29.uk/accounts';
const loginWith = (headers: Record<string, string>) => kit.request('POST', '/my/logins/direct', { headers });

describe('OBP simulator: DirectLogin', () => {
  it('parses header parameters the way OBP does (quoted or not, leading DirectLogin word, = in values)', () => {
    expect(Object.fromEntries(parseDirectLoginParameters('username="a.b", password=p=1,consumer_key = k'))).toEqual({
      username: 'a.b',
      password: 'p=1',
      consumer_key: 'k',
    });
    expect(parseDirectLoginParameters('DirectLogin token="abc=="').get('token')).toBe('abc==');
  });

  it('issues a token with 201 and accepts it in the DirectLogin header and the deprecated Authorization form', async () => {
    kit = await startKit();
    const login = await loginWith({
      DirectLogin: `username=sandbox.admin, password=Sandbox-Passw0rd!, consumer_key=${OBP_SANDBOX_CONSUMER_KEY}`,
    });
    expect(login.status).toBe(201);
    expect(Object.keys(login.json)).toEqual(['token']);
    const token = login.json.token as string;
    expect((await kit.get(ACCOUNTS, token)).status).toBe(200);
    const viaAuthorization = await kit.get(ACCOUNTS, undefined, { Authorization: `DirectLogin token="${token}"` });
    expect(viaAuthorization.status).toBe(200);
    expect(viaAuthorization.json.accounts.length).toBeGreaterThan(0);
  });

  it('accepts the deprecated Authorization: DirectLogin form at login too', async () => {
    kit = await startKit();
    const r = await loginWith({
      Authorization: `DirectLogin username="sandbox.viewer",password="Sandbox-Passw0rd!",consumer_key="${OBP_SANDBOX_CONSUMER_KEY}"`,
    });
    expect(r.status).toBe(201);
  });

  it('answers the documented login errors with their real messages and statuses', async () => {
    kit = await startKit();
    expect(await loginWith({})).toMatchObject({
      status: 400,
      json: { code: 400, message: 'OBP-20082: Missing DirectLogin or Authorization header.' },
    });
    expect(await loginWith({ Authorization: 'Bearer abc' })).toMatchObject({
      status: 400,
      json: { code: 400, message: 'OBP-20083: Missing DirectLogin word at the value of Authorization header.' },
    });
    expect(await loginWith({ DirectLogin: 'username="sandbox.admin"' })).toMatchObject({
      status: 400,
      json: { code: 400, message: 'OBP-20002: These DirectLogin parameters are missing: password, consumer_key' },
    });
    expect(
      await loginWith({ DirectLogin: 'username="sandbox.admin",password="Sandbox-Passw0rd!",consumer_key="wrong"' }),
    ).toMatchObject({ status: 401, json: { code: 401, message: 'OBP-20008: Invalid Consumer Key.' } });
    const badPassword = await loginWith({
      DirectLogin: `username="sandbox.admin",password="nope",consumer_key="${OBP_SANDBOX_CONSUMER_KEY}"`,
    });
    expect(badPassword).toMatchObject({
      status: 401,
      json: { code: 401, message: 'OBP-20004: Invalid login credentials. Check username/password.' },
    });
    expect(JSON.stringify(badPassword.json)).not.toContain('nope');
    expect(kit.sim.stats().logins).toBe(0);
  });

  it('answers OBP-20001 with a WWW-Authenticate challenge when no credentials are sent', async () => {
    kit = await startKit();
    const r = await kit.get(ACCOUNTS);
    expect(r.status).toBe(401);
    expect(r.json).toEqual({ code: 401, message: 'OBP-20001: User not logged in. Authentication is required!' });
    expect(r.headers.get('www-authenticate')).toMatch(/DirectLogin realm=/);
  });

  it('invalidates the older token of a user when a new one is issued, but not other users\' tokens', async () => {
    kit = await startKit();
    const first = await kit.login();
    const viewer = await kit.login('sandbox.viewer');
    const second = await kit.login();
    expect(second).not.toBe(first);
    const stale = await kit.get(ACCOUNTS, first);
    expect(stale.status).toBe(401);
    expect(stale.json).toEqual({ code: 401, message: 'OBP-20003: This DirectLogin token is invalid or expired:' });
    expect(JSON.stringify(stale.json)).not.toContain(first);
    expect((await kit.get(ACCOUNTS, second)).status).toBe(200);
    expect((await kit.get(ACCOUNTS, viewer)).status).toBe(200);
    expect(kit.sim.stats().logins).toBe(3);
  });

  it('expires tokens after tokenTtlSeconds by the now() clock', async () => {
    kit = await startKit({ tokenTtlSeconds: 60 });
    const token = await kit.login();
    kit.clock.ms += 59_000;
    expect((await kit.get(ACCOUNTS, token)).status).toBe(200);
    kit.clock.ms += 1_000;
    const expired = await kit.get(ACCOUNTS, token);
    expect(expired.status).toBe(401);
    expect(expired.json.message).toMatch(/^OBP-20003: /);
  });

  it('rejects made-up tokens with OBP-20003 and a DirectLogin header without a token with OBP-20002', async () => {
    kit = await startKit();
    expect((await kit.get(ACCOUNTS, 'not-a-token')).json.message).toMatch(/^OBP-20003: /);
    const noToken = await kit.get(ACCOUNTS, undefined, { DirectLogin: 'username=x' });
    expect(noToken.status).toBe(400);
    expect(noToken.json.message).toBe('OBP-20002: These DirectLogin parameters are missing: token');
  });

  it('counts requests and logins per route at /_sandbox/stats and resets them', async () => {
    kit = await startKit();
    const token = await kit.login();
    await kit.get(ACCOUNTS, token);
    await kit.get('/obp/v5.1.0/banks');
    const stats = (await kit.get('/_sandbox/stats')).json;
    expect(stats).toEqual({
      requests: 3,
      logins: 1,
      byRoute: {
        'POST /my/logins/direct': 1,
        'GET /obp/v5.1.0/banks/:BANK_ID/accounts': 1,
        'GET /obp/v5.1.0/banks': 1,
      },
    });
    expect(kit.sim.stats()).toEqual(stats);
    kit.sim.resetStats();
    expect(kit.sim.stats()).toEqual({ requests: 0, logins: 0, byRoute: {} });
  });
});
