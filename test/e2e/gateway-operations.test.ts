import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import Keyv from 'keyv';
import { storeKeyOf } from '../../src/auth/token-cache.js';
import { createLogger } from '../../src/observability/logger.js';
import { MASTERCARD_AU_SANDBOX_CREDENTIALS, MASTERCARD_US_SANDBOX_CREDENTIALS } from '../../src/sandbox/mastercard/index.js';
import { logLineSink } from '../support/log-lines.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

let gateway: TestGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

const captureLogs = logLineSink;

describe('health, readiness and metrics', () => {
  it('serves /healthz, /readyz and Prometheus /metrics with the upstream counters', async () => {
    gateway = await startTestGateway();
    await gateway.graphql('query { customers(provider: MASTERCARD_US, first: 1) { totalCount } }');
    const health = await request(`${gateway.url}/healthz`);
    expect(health.statusCode).toBe(200);
    const ready = await request(`${gateway.url}/readyz`);
    expect(ready.statusCode).toBe(200);
    expect(((await ready.body.json()) as { providers: Array<{ provider: string; enabled: boolean }> }).providers).toContainEqual(expect.objectContaining({ provider: 'MASTERCARD_US', enabled: true }));
    const metrics = await request(`${gateway.url}/metrics`);
    expect(metrics.headers['content-type']).toContain('text/plain');
    const text = await metrics.body.text();
    expect(text).toMatch(/^gateway_upstream_requests_total\{provider="MASTERCARD_US",operation="customers.list",status="200"\} 1$/m);
    expect(text).toMatch(/^gateway_token_fetches_total\{provider="MASTERCARD_US"\} 1$/m);
    expect(text).toMatch(/gateway_upstream_request_duration_seconds_bucket\{le="0.005",provider="MASTERCARD_US",operation="customers.list"\}/);
  });

  it('echoes a safe caller request id and replaces an unsafe one', async () => {
    gateway = await startTestGateway();
    const body = JSON.stringify({ query: '{ providers { provider } }' });
    const given = await request(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'trace-123', ...gateway.authHeaders }, body });
    expect(given.headers['x-request-id']).toBe('trace-123');
    await given.body.dump();
    const unsafe = await request(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'has spaces and is far too long '.repeat(4), ...gateway.authHeaders }, body });
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    await unsafe.body.dump();
  });
});

describe('fan-out with partial results', () => {
  it('returns the providers that answer and a per-provider error for the one that fails', async () => {
    gateway = await startTestGateway({ limits: { maxAttempts: 1, connectTimeoutMs: 500 } });
    await gateway.sandbox!.simulators.MASTERCARD_AU!.close();
    const answer = await gateway.graphql<{
      customers: { edges: Array<{ node: { provider: string } }>; totalCount: number | null; providerErrors: Array<{ provider: string; code: string; retryable: boolean }> };
    }>('query { customers(first: 5) { totalCount edges { node { provider } } providerErrors { provider code retryable } } }');
    expect(answer.status).toBe(200);
    const providers = new Set(answer.data!.customers.edges.map((edge) => edge.node.provider));
    expect(providers.has('MASTERCARD_US')).toBe(true);
    expect(providers.has('MASTERCARD_AU')).toBe(false);
    expect(answer.data!.customers.totalCount).toBeNull();
    expect(answer.data!.customers.providerErrors).toEqual([
      { provider: 'MASTERCARD_AU', code: 'PROVIDER_UNAVAILABLE', retryable: true },
      { provider: 'CAIBO_IPG', code: 'UNSUPPORTED_BY_PROVIDER', retryable: false },
    ]);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0]).toMatchObject({ path: ['customers'], extensions: { code: 'PROVIDER_UNAVAILABLE', provider: 'MASTERCARD_AU', retryable: true } });
  });

  it('merges providers in Provider order and resumes inside the right provider', async () => {
    gateway = await startTestGateway();
    type Page = { customers: { edges: Array<{ cursor: string; node: { id: string; provider: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const seen: string[] = [];
    const order: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page += 1) {
      const answer: { data?: Page | null } = await gateway.graphql<Page>('query($after: String) { customers(first: 7, after: $after) { edges { cursor node { id provider } } pageInfo { hasNextPage endCursor } } }', { after });
      const customers: Page['customers'] = answer.data!.customers;
      for (const edge of customers.edges) {
        seen.push(edge.node.id);
        if (order.at(-1) !== edge.node.provider) order.push(edge.node.provider);
      }
      if (!customers.pageInfo.hasNextPage) break;
      after = customers.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const enabled = gateway.registry.enabled().filter((adapter) => adapter.customerList).map((adapter) => adapter.key);
    expect(order).toEqual(enabled);
  });
});

describe('secrets stay out of logs and errors', () => {
  it('never logs partner secrets, app keys or tokens, even at trace level and on failure paths', async () => {
    const { stream, lines } = captureLogs();
    // AU gets a wrong secret, so the fan-out logs a provider auth failure with its cause.
    const wrongSecret = 'wrong-partner-secret-7Qx';
    const sandbox = await startTestGateway();
    gateway = sandbox;
    const endpoints = {
      ...sandbox.sandbox!.endpoints,
      MASTERCARD_AU: { ...sandbox.sandbox!.endpoints.MASTERCARD_AU!, credentials: { ...MASTERCARD_AU_SANDBOX_CREDENTIALS, partnerSecret: wrongSecret } },
    };
    const store = new Keyv();
    const observed = await startTestGateway({ endpoints, store, logger: createLogger('trace', stream) });
    try {
      const answer = await observed.graphql('query { customers(first: 3) { edges { node { id } } providerErrors { provider code } } }');
      expect(answer.data).toMatchObject({ customers: { providerErrors: [{ provider: 'MASTERCARD_AU', code: 'PROVIDER_AUTH_FAILED' }, { provider: 'CAIBO_IPG', code: 'UNSUPPORTED_BY_PROVIDER' }] } });
      await observed.graphql('query { customer(id: "garbage") { id } }');
      const get = await request(`${observed.url}/graphql?query=${encodeURIComponent('{ providers { provider } }')}&variables=${encodeURIComponent('{"ssn":"123-45-6789"}')}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });
      await get.body.dump();
    } finally {
      await observed.close();
    }
    const all = lines.join('\n');
    // The failure path really logged, with the provider and its code...
    expect(lines.some((line) => line.includes('provider missing from a partial result') && line.includes('MASTERCARD_AU'))).toBe(true);
    expect(lines.some((line) => line.includes('"path":"/graphql"'))).toBe(true);
    // ...and no credential, token or SSN reached any line.
    const usToken = (await store.get(storeKeyOf({ namespace: 'MASTERCARD_US', parts: [MASTERCARD_US_SANDBOX_CREDENTIALS.partnerId, MASTERCARD_US_SANDBOX_CREDENTIALS.appKey] }))) as { token: string } | undefined;
    expect(usToken?.token).toBeTruthy();
    for (const secret of [
      wrongSecret,
      usToken!.token,
      MASTERCARD_US_SANDBOX_CREDENTIALS.partnerSecret,
      MASTERCARD_US_SANDBOX_CREDENTIALS.appKey,
      MASTERCARD_AU_SANDBOX_CREDENTIALS.partnerSecret,
      MASTERCARD_AU_SANDBOX_CREDENTIALS.appKey,
      '123-45-6789',
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});
