import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRequestErrorCode } from '../../src/errors/request-errors.js';
import { createLogger } from '../../src/observability/logger.js';
import type { RequestStats } from '../../src/sandbox/mastercard/sandbox.routes.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/** Every log line the gateway writes, parsed. */
const lines: Array<Record<string, unknown>> = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }>; data?: unknown };
}

let gateway: TestGateway;

async function send(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Answer> {
  // As a signed-in caller (the sandbox key): the faults tested here are not about credentials.
  const response = await request(`${gateway.url}${path}`, { method: method as 'GET', headers: { ...gateway.authHeaders, ...headers }, body });
  const text = await response.body.text();
  let parsed: Answer['body'] = {};
  try {
    parsed = JSON.parse(text) as Answer['body'];
  } catch {
    parsed = { errors: [{ message: `not JSON: ${text.slice(0, 80)}` }] };
  }
  return { status: response.statusCode, headers: response.headers, body: parsed };
}

const JSON_TYPE = { 'content-type': 'application/json' };
const graphql = (payload: unknown, headers: Record<string, string> = {}) => send('POST', '/graphql', { ...JSON_TYPE, ...headers }, JSON.stringify(payload));

/** A refusal the caller can fix: 4xx, GraphQL-shaped, a documented request or input code, never INTERNAL. */
function expectCallerFault(answer: Answer, status: number, code: string) {
  expect({ status: answer.status, code: answer.body.errors?.[0]?.extensions?.code }).toEqual({ status, code });
  expect(answer.body.errors?.[0]?.message).toEqual(expect.any(String));
  expect(answer.body.errors?.[0]?.extensions?.retryable).toBe(false);
}

/** Requests the two Mastercard simulators have served so far. */
const mastercardRequests = () =>
  (['MASTERCARD_US', 'MASTERCARD_AU'] as const).reduce((sum, key) => sum + (gateway.sandbox!.simulators[key]!.stats!() as RequestStats).requests, 0);

beforeAll(async () => {
  gateway = await startTestGateway({ logger: createLogger('debug', sink) });
});
afterAll(async () => gateway?.close());

describe('the error surface: every caller fault is a typed 4xx (issue 18)', () => {
  it('answers GraphQL-level caller faults with their codes and statuses', async () => {
    expectCallerFault(await graphql({ query: 'subscription S { providers { provider } }' }), 400, 'BAD_USER_INPUT');
    const mismatch = { query: '{ providers { provider } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } };
    expectCallerFault(await graphql(mismatch), 400, 'PERSISTED_QUERY_HASH_MISMATCH');
    const miss = { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } };
    const missed = await graphql(miss);
    expectCallerFault(missed, 404, 'PERSISTED_QUERY_NOT_FOUND');
    // Apollo clients recognise the miss by this message and retry with the full query.
    expect(missed.body.errors?.[0]?.message).toBe('PersistedQueryNotFound');
    expectCallerFault(await graphql({ query: '{ providers { provider ' }), 400, 'BAD_USER_INPUT');
    expectCallerFault(await graphql({ query: '{ noSuchField }' }), 400, 'BAD_USER_INPUT');
    expectCallerFault(await graphql({ query: '{ providers { provider } }', variables: 'x' }), 400, 'BAD_REQUEST');
    expectCallerFault(await graphql([{ query: '{ providers { provider } }' }]), 400, 'BAD_REQUEST');
    const getMutation = await send('GET', '/graphql?query=mutation%7BdeleteCustomer(id:%22x%22)%7BdeletedId%7D%7D', {
      'apollo-require-preflight': 'true',
    });
    expectCallerFault(getMutation, 405, 'METHOD_NOT_ALLOWED');
  });

  it('answers body faults before GraphQL in GraphQL shape', async () => {
    const valid = JSON.stringify({ query: '{ providers { provider } }' });
    expectCallerFault(await send('POST', '/graphql', JSON_TYPE, '{nope'), 400, 'BAD_REQUEST');
    expectCallerFault(await send('POST', '/graphql', JSON_TYPE, ''), 400, 'BAD_REQUEST');
    expectCallerFault(await send('POST', '/graphql', JSON_TYPE, valid.slice(0, 20)), 400, 'BAD_REQUEST');
    expectCallerFault(await send('POST', '/graphql', JSON_TYPE, Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x7b])), 400, 'BAD_REQUEST');
    expectCallerFault(await send('POST', '/graphql', JSON_TYPE, '{"query":"{ providers { provider } }","__proto__":{"x":1}}'), 400, 'BAD_REQUEST');
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    expectCallerFault(await send('POST', '/graphql', form, 'query=%7Bproviders%7Bprovider%7D%7D'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectCallerFault(await send('POST', '/graphql', { 'content-type': 'text/plain' }, valid), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const oversized = JSON.stringify({ query: '{ providers { provider } }', variables: { x: 'a'.repeat(1024 * 1024) } });
    expectCallerFault(await send('POST', '/graphql', JSON_TYPE, oversized), 413, 'PAYLOAD_TOO_LARGE');
    const put = await send('PUT', '/graphql', JSON_TYPE, valid);
    expectCallerFault(put, 405, 'METHOD_NOT_ALLOWED');
    expect(String(put.headers.allow).split(', ')).toEqual(expect.arrayContaining(['GET', 'POST']));
    const asked = await send('POST', '/graphql', { ...JSON_TYPE, accept: 'application/graphql-response+json' }, '{nope');
    expect(asked.headers['content-type']).toMatch(/^application\/graphql-response\+json/);
  });

  it('answers requests the HTTP parser refuses (oversized headers, a malformed request line) in the same shape', async () => {
    const huge = await send('GET', '/healthz', { 'x-padding': 'a'.repeat(20 * 1024) });
    expectCallerFault(huge, 431, 'REQUEST_HEADER_FIELDS_TOO_LARGE');
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(gateway.url).port), '127.0.0.1');
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('utf8')));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n\r\n');
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as Answer['body'];
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('refuses an over-long input before any provider call, naming the argument', async () => {
    const before = mastercardRequests();
    const query = 'query($s: String) { customers(provider: MASTERCARD_US, search: $s) { totalCount } }';
    const one = await graphql({ query, variables: { s: 'a'.repeat(20_000) } });
    expectCallerFault(one, 400, 'BAD_USER_INPUT');
    expect(one.body.errors?.[0]?.extensions).toMatchObject({ field: 'search', maxLength: 255 });
    expect(one.body.errors?.[0]?.message).not.toContain('aaaa');
    const all = await graphql({ query: 'query($s: String) { customers(search: $s) { totalCount } }', variables: { s: 'a'.repeat(20_000) } });
    expectCallerFault(all, 400, 'BAD_USER_INPUT');
    for (const field of ['institutions', 'certifiedInstitutions']) {
      const products = field === 'certifiedInstitutions' ? ', products: [ACCOUNT_DETAILS]' : '';
      const answer = await graphql({ query: `query($s: String) { ${field}(provider: MASTERCARD_AU, search: $s${products}) { totalCount } }`, variables: { s: 'i'.repeat(300) } });
      expectCallerFault(answer, 400, 'BAD_USER_INPUT');
      expect(answer.body.errors?.[0]?.extensions?.field).toBe('search');
      expect(answer.body.errors?.[0]?.message).toMatch(new RegExp(`^${field}: search is 300 characters`));
    }
    expect(mastercardRequests()).toBe(before);
    const fits = await graphql({ query, variables: { s: 'a'.repeat(255) } });
    expect(fits.status).toBe(200);
    expect(mastercardRequests()).toBeGreaterThan(before);
  });

  it('reads a provider 431 (request too large) as BAD_USER_INPUT, not a retryable outage', async () => {
    // Past the gateway's own bound (the adapter called directly): the simulator's HTTP parser answers 431.
    const adapter = gateway.registry.adapter('MASTERCARD_US');
    const failure = await adapter.customerList!.list({ search: 'a'.repeat(20_000), username: null }, { offset: 0, limit: 1 }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'BAD_USER_INPUT', retryable: false, providerStatus: 431 });
  });
});

describe('the route walk: every route with a wrong method, content type, empty and oversized body', () => {
  const BODY_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];
  /** A concrete path for a fastify URL pattern. */
  const concrete = (url: string) => url.replace(/:[A-Za-z0-9_]+(\([^)]*\))?/g, 'x').replace(/\*/g, 'x');

  it('derives the routes from fastify and answers every fault with a code', async () => {
    const routes = gateway.routes();
    expect(routes.map((route) => route.url)).toEqual(
      expect.arrayContaining(['/graphql', '/healthz', '/readyz', '/metrics', '/webhooks/mastercard/reports/:token']),
    );
    // A catch-all pre-flight route (CORS) makes no path exist; the unknown path covers it.
    const methodsByUrl = new Map<string, string[]>();
    for (const route of routes) methodsByUrl.set(route.url, [...(methodsByUrl.get(route.url) ?? []), ...route.methods]);
    const targets = [...methodsByUrl]
      .filter(([, methods]) => methods.some((method) => method !== 'OPTIONS' && method !== 'HEAD'))
      .map(([url, methods]) => ({ path: concrete(url), methods }));
    targets.push({ path: '/no/such/route', methods: [] });

    for (const { path, methods } of targets) {
      const exists = methods.length > 0;
      const context = `${path} (${methods.join(',') || 'no route'})`;
      const wrongMethod = ['PUT', 'PATCH', 'DELETE'].find((method) => !methods.includes(method))!;
      const wrong = await send(wrongMethod, path, JSON_TYPE, '{}');
      expect.soft({ context, wrongMethod, status: wrong.status, code: wrong.body.errors?.[0]?.extensions?.code }).toEqual({
        context,
        wrongMethod,
        status: exists ? 405 : 404,
        code: exists ? 'METHOD_NOT_ALLOWED' : 'NOT_FOUND',
      });
      if (exists) expect.soft(wrong.headers.allow, context).toBeDefined();

      // Body faults go to a method that takes a body; a route without one refuses the method first.
      const bodyMethod = BODY_METHODS.find((method) => methods.includes(method));
      const cases: Array<[string, Record<string, string>, string | Buffer, number]> = [
        ['wrong content type', { 'content-type': 'application/x-www-form-urlencoded' }, 'a=1', 415],
        ['plain text', { 'content-type': 'text/plain' }, '{}', 415],
        ['empty body', JSON_TYPE, '', 400],
        ['malformed body', JSON_TYPE, '{"a":', 400],
        ['oversized body', JSON_TYPE, JSON.stringify({ x: 'a'.repeat(1024 * 1024 + 1) }), 413],
      ];
      for (const [label, headers, body, status] of cases) {
        const answer = await send(bodyMethod ?? 'POST', path, headers, body);
        const code = answer.body.errors?.[0]?.extensions?.code;
        const expected = bodyMethod ? status : exists ? 405 : 404;
        expect.soft({ context, label, status: answer.status }).toEqual({ context, label, status: expected });
        expect.soft(isRequestErrorCode(code), `${context} ${label}: code ${String(code)}`).toBe(true);
        expect.soft(answer.headers['content-type'], `${context} ${label}`).toMatch(/json/);
      }
    }
  });
});

describe('logs of errors', () => {
  it('never logs a caller fault at error level, and every error line carries a request id', async () => {
    const refusals = lines.filter((line) => typeof line.code === 'string');
    expect(refusals.length).toBeGreaterThan(20);
    expect(refusals.filter((line) => (line.level as number) >= 50)).toEqual([]);
    expect(refusals.filter((line) => typeof line.reqId !== 'string')).toEqual([]);
    const named = await graphql({ query: 'query NamedFault { providers { nope } }', operationName: 'NamedFault' });
    expectCallerFault(named, 400, 'BAD_USER_INPUT');
    const requestId = String(named.headers['x-request-id']);
    expect(lines.find((line) => line.reqId === requestId && line.code === 'BAD_USER_INPUT')).toMatchObject({ operationName: 'NamedFault' });
  });

  it('logs an INTERNAL error with the request id and operation name its answer prints', async () => {
    const adapter = gateway.registry.adapter('MASTERCARD_US');
    const original = adapter.customerList!.list;
    adapter.customerList!.list = async () => {
      throw new TypeError('a bug in an adapter');
    };
    try {
      const answer = await graphql({ query: 'query BrokenList { customers(provider: MASTERCARD_US, first: 1) { totalCount } }' });
      const error = answer.body.errors?.[0];
      expect(error?.extensions?.code).toBe('INTERNAL');
      const requestId = String(error?.extensions?.requestId);
      expect(error?.message).toContain(requestId);
      expect(answer.headers['x-request-id']).toBe(requestId);
      const logged = lines.filter((line) => line.reqId === requestId && line.level === 50);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ operationName: 'BrokenList', err: { message: 'a bug in an adapter' } });
    } finally {
      adapter.customerList!.list = original;
    }
  });
});
