import { afterEach, describe, expect, it } from 'vitest';
import { encodeGlobalId, ref } from '../../src/domain/global-id.js';
import { CAIBO_SANDBOX_CREDENTIALS, CAIBO_SEED_CUSTOMER_IDS, startCaiboSimulator, type CaiboSimulator } from '../../src/sandbox/caibo/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/**
 * Both Caibo auth modes through the gateway over HTTP, and the login token's life: cached in the
 * token cache, refreshed shortly before `expireDate`, and refreshed once + retried once when the
 * API answers 401 `invalid_token` anyway.
 */
const CUSTOMER_QUERY = 'query ($id: ID!) { customer(id: $id) { providerId name } }';
const janeId = encodeGlobalId(ref('CAIBO_IPG', 'Customer', String(CAIBO_SEED_CUSTOMER_IDS.janeDoe)));
const TTL_SECONDS = 600;

interface Stats {
  requests: number;
  logins: number;
  byRoute: Record<string, number>;
}

let gateway: TestGateway | undefined;
let simulator: CaiboSimulator | undefined;
afterEach(async () => {
  await gateway?.close();
  await simulator?.close();
  gateway = undefined;
  simulator = undefined;
});

async function statsOf(url: string): Promise<Stats> {
  return (await fetch(`${url}/_sandbox/stats`)).json() as Promise<Stats>;
}

const customerReads = (stats: Stats): number => stats.byRoute['GET /customers/:id'] ?? 0;

async function readJane(target: TestGateway): Promise<void> {
  const answer = await target.graphql<{ customer: { providerId: string; name: string } }>(CUSTOMER_QUERY, { id: janeId });
  expect(answer.errors).toBeUndefined();
  expect(answer.data!.customer).toEqual({ providerId: String(CAIBO_SEED_CUSTOMER_IDS.janeDoe), name: 'Jane Doe' });
}

describe('Caibo auth modes end to end', () => {
  it('logs in once and reuses the cached bearer token', async () => {
    gateway = await startTestGateway({ sandbox: { providers: { CAIBO_IPG: { auth: 'login' } } } });
    const url = gateway.sandbox!.simulators.CAIBO_IPG!.url;
    await readJane(gateway);
    await readJane(gateway);
    await readJane(gateway);
    const stats = await statsOf(url);
    expect(stats.logins).toBe(1);
    expect(customerReads(stats)).toBe(3);
  });

  it('logs in again shortly before expireDate, without a refused call', async () => {
    let clock = Date.now();
    const now = () => clock;
    gateway = await startTestGateway({ sandbox: { now, providers: { CAIBO_IPG: { auth: 'login', accessTokenTtlSeconds: TTL_SECONDS } } }, now });
    const url = gateway.sandbox!.simulators.CAIBO_IPG!.url;
    await readJane(gateway);
    clock += (TTL_SECONDS - 90) * 1000; // still well inside the token's life
    await readJane(gateway);
    expect((await statsOf(url)).logins).toBe(1);

    clock += 45_000; // inside the last minute before expireDate: refreshed before use
    await readJane(gateway);
    const stats = await statsOf(url);
    expect(stats.logins).toBe(2);
    expect(customerReads(stats)).toBe(3); // no 401 and retry
  });

  it('on a 401 invalid_token for a token it thought valid, logs in once more and retries once', async () => {
    // Two clocks: the provider's runs ahead of the gateway's, so the cached token expires unseen.
    let providerClock = Date.now();
    const gatewayClock = Date.now();
    gateway = await startTestGateway({
      sandbox: { now: () => providerClock, providers: { CAIBO_IPG: { auth: 'login', accessTokenTtlSeconds: TTL_SECONDS } } },
      now: () => gatewayClock,
    });
    const url = gateway.sandbox!.simulators.CAIBO_IPG!.url;
    await readJane(gateway);
    providerClock += (TTL_SECONDS + 1) * 1000;
    await readJane(gateway);
    const stats = await statsOf(url);
    expect(stats.logins).toBe(2);
    expect(customerReads(stats)).toBe(3); // 1 + (refused, retried)
    await readJane(gateway);
    expect((await statsOf(url)).logins).toBe(2);
  });

  it('gives up with PROVIDER_AUTH_FAILED when the fresh token is refused too (no login loop)', async () => {
    // A provider clock that jumps 20 minutes on every read: every token is expired when it is used.
    let providerClock = Date.now();
    simulator = await startCaiboSimulator({ accessTokenTtlSeconds: TTL_SECONDS, now: () => (providerClock += 1_200_000) });
    gateway = await startTestGateway({
      endpoints: {
        CAIBO_IPG: {
          baseUrl: simulator.url,
          credentials: { kind: 'login', email: CAIBO_SANDBOX_CREDENTIALS.email, password: CAIBO_SANDBOX_CREDENTIALS.password },
        },
      },
    });
    const answer = await gateway.graphql(CUSTOMER_QUERY, { id: janeId });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_AUTH_FAILED', provider: 'CAIBO_IPG', providerStatus: 401 });
    const stats = await statsOf(simulator.url);
    expect(stats.logins).toBe(2);
    expect(customerReads(stats)).toBe(2);
  });

  it('answers PROVIDER_AUTH_FAILED for a wrong password, without echoing it', async () => {
    simulator = await startCaiboSimulator();
    gateway = await startTestGateway({
      endpoints: { CAIBO_IPG: { baseUrl: simulator.url, credentials: { kind: 'login', email: CAIBO_SANDBOX_CREDENTIALS.email, password: 'wrong-secret-pw' } } },
    });
    const answer = await gateway.graphql(CUSTOMER_QUERY, { id: janeId });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_AUTH_FAILED', provider: 'CAIBO_IPG', providerStatus: 401 });
    expect(JSON.stringify(answer)).not.toContain('wrong-secret-pw');
  });

  it('answers PROVIDER_AUTH_FAILED with the ProblemDetails type for a wrong API key', async () => {
    simulator = await startCaiboSimulator();
    gateway = await startTestGateway({
      endpoints: { CAIBO_IPG: { baseUrl: simulator.url, credentials: { kind: 'apiKey', apiKey: 'caibo_test_sk_not-the-key' } } },
    });
    const answer = await gateway.graphql(CUSTOMER_QUERY, { id: janeId });
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'PROVIDER_AUTH_FAILED',
      provider: 'CAIBO_IPG',
      providerStatus: 401,
      providerCode: 'https://tools.ietf.org/html/rfc9110#section-15.5.2',
    });
    expect(JSON.stringify(answer)).not.toContain('not-the-key');
    // A bad API key is not an expired token: no login, no retry.
    expect(customerReads(await statsOf(simulator.url))).toBe(1);
  });
});
