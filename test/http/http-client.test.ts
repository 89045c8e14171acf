import { afterEach, describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/domain/errors.js';
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../../src/http/http-client.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { runInRequestScope } from '../../src/observability/request-scope.js';
import { drip, flood, hang, json, startMisbehavingServer, type Handler, type MisbehavingServer } from './misbehaving-server.js';

/**
 * The resilience policies of src/http against real servers on port 0 that misbehave on purpose:
 * one budget per operation (attempts + back-off + body), the request deadline, the body cap,
 * retries only for idempotent calls, and the circuit breaker counting 5xx answers and timeouts.
 * No test asserts a duration: budgets are small so a failure to cut shows as a hung test.
 */
let server: MisbehavingServer | undefined;
let client: HttpClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

/** Answers the steps of `plan` in turn (the last one repeats). */
function sequence(plan: Handler[]): Handler {
  let call = 0;
  return (request, response) => plan[Math.min(call++, plan.length - 1)]!(request, response);
}

const fastLimits = { retryInitialDelayMs: 5, retryMaxDelayMs: 10, headersTimeoutMs: 300, bodyTimeoutMs: 300, operationBudgetMs: 5_000 };

async function clientFor(handler: Handler, limits: HttpClientOptions['limits'] = {}, provider: HttpClientOptions['provider'] = 'OBP'): Promise<HttpClient> {
  server = await startMisbehavingServer({ 'GET /thing': handler, 'POST /thing': handler });
  client = createHttpClient({ provider, baseUrl: server.url, metrics: createMetrics({ defaultMetrics: false }), limits: { ...fastLimits, ...limits } });
  return client;
}

async function failure(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

const get = (http: HttpClient) => http.request({ operation: 'thing.get', method: 'GET', path: '/thing' });

describe('HTTP client: retries', () => {
  it('retries an idempotent call on 503 and returns the first success', async () => {
    const http = await clientFor(sequence([json(503, {}), json(502, {}), json(200, { ok: true })]));
    expect((await get(http)).status).toBe(200);
    expect(server!.calls()).toBe(3);
  });

  it('never retries a non-idempotent call', async () => {
    const http = await clientFor(sequence([json(503, {}), json(200, {})]));
    const response = await http.request({ operation: 'thing.create', method: 'POST', path: '/thing', body: {} });
    expect(response.status).toBe(503);
    expect(server!.calls()).toBe(1);
  });

  it('gives up after maxAttempts and hands back the last answer', async () => {
    const http = await clientFor(json(503, {}), { maxAttempts: 3 });
    expect((await get(http)).status).toBe(503);
    expect(server!.calls()).toBe(3);
  });

  it('does not retry a 500 (only 502/503/504 are transient)', async () => {
    const http = await clientFor(json(500, {}));
    expect((await get(http)).status).toBe(500);
    expect(server!.calls()).toBe(1);
  });

  it('reports an unreachable provider as PROVIDER_UNAVAILABLE', async () => {
    const http = await clientFor(json(200, {}), { maxAttempts: 1 });
    await server!.close();
    server = undefined;
    expect((await failure(get(http))).code).toBe('PROVIDER_UNAVAILABLE');
  });
});

describe('HTTP client: one budget per operation', () => {
  it('turns a provider that never answers into PROVIDER_TIMEOUT with every attempt inside one budget', async () => {
    const http = await clientFor(hang, { operationBudgetMs: 300, headersTimeoutMs: 60_000, maxAttempts: 3 }, 'CAIBO_IPG');
    const error = await failure(get(http));
    expect(error).toMatchObject({ code: 'PROVIDER_TIMEOUT', provider: 'CAIBO_IPG', retryable: true });
    expect(error.message).toContain('300 ms');
    // The attempt that hung used up the budget: no retry was started after it.
    expect(server!.calls()).toBe(1);
  });

  it('retries stuck attempts only while the budget lasts', async () => {
    const http = await clientFor(hang, { operationBudgetMs: 400, headersTimeoutMs: 50, maxAttempts: 3 });
    expect((await failure(get(http))).code).toBe('PROVIDER_TIMEOUT');
    expect(server!.calls()).toBeGreaterThanOrEqual(1);
    expect(server!.calls()).toBeLessThanOrEqual(3);
  });

  it('cuts a body that drips slowly at the budget, though no gap between chunks is long', async () => {
    const http = await clientFor(drip(20), { operationBudgetMs: 300, bodyTimeoutMs: 60_000, maxAttempts: 1 });
    const error = await failure(get(http));
    expect(error.code).toBe('PROVIDER_TIMEOUT');
  });

  it('cuts the operation at the GraphQL request deadline when that comes first', async () => {
    const http = await clientFor(hang, { operationBudgetMs: 60_000, headersTimeoutMs: 60_000 });
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), 200);
    const error = await runInRequestScope({ requestId: 't', warnings: [], deadlineAt: Date.now() + 200, signal: deadline.signal }, () => failure(get(http)));
    clearTimeout(timer);
    expect(error.code).toBe('PROVIDER_TIMEOUT');
    expect(error.message).toContain('request deadline');
  });

  it('does not start a call once the request deadline has passed', async () => {
    const http = await clientFor(json(200, {}));
    const error = await runInRequestScope({ requestId: 't', warnings: [], deadlineAt: Date.now() - 1 }, () => failure(get(http)));
    expect(error.code).toBe('PROVIDER_TIMEOUT');
    expect(server!.calls()).toBe(0);
  });
});

describe('HTTP client: body size cap', () => {
  it.each([
    ['declared with content-length', true],
    ['chunked', false],
  ])('stops reading a body over maxBodyBytes (%s) with a clear error', async (_name, declared) => {
    const http = await clientFor(flood(2 * 1024 * 1024, declared), { maxBodyBytes: 64 * 1024, maxAttempts: 3 });
    const error = await failure(get(http));
    expect(error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: false });
    expect(error.message).toContain(`more than ${64 * 1024} bytes`);
    // Not retried: the same answer would come again.
    expect(server!.calls()).toBe(1);
  });

  it('reads a body sent in several chunks whole, a character split between two of them included', async () => {
    const bytes = Buffer.from(JSON.stringify({ name: 'Zoë Müller', memo: 'é'.repeat(3000) }), 'utf8');
    const split = bytes.indexOf(Buffer.from('ë')) + 1;
    const http = await clientFor((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write(bytes.subarray(0, split));
      setTimeout(() => {
        response.write(bytes.subarray(split, split + 1000));
        setTimeout(() => response.end(bytes.subarray(split + 1000)), 5);
      }, 5);
    });
    const answer = await get(http);
    expect(answer.text).toBe(bytes.toString('utf8'));
    expect(answer.json).toEqual({ name: 'Zoë Müller', memo: 'é'.repeat(3000) });
  });

  it('reads a body just under the cap', async () => {
    const http = await clientFor(flood(60 * 1024, false), { maxBodyBytes: 64 * 1024 });
    expect((await get(http)).text).toHaveLength(60 * 1024);
  });
});

describe('HTTP client: circuit breaker', () => {
  const breakerLimits = { maxAttempts: 1, breakerThreshold: 3, breakerHalfOpenAfterMs: 60_000 };

  it('opens on consecutive 500s and then fails fast with a retry hint', async () => {
    const http = await clientFor(json(500, {}), breakerLimits, 'MASTERCARD_US');
    for (let i = 0; i < 3; i += 1) expect((await get(http)).status).toBe(500);
    const error = await failure(get(http));
    expect(error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true, retryAfterMs: 60_000 });
    expect(server!.calls()).toBe(3);
  });

  it('opens on consecutive timeouts', async () => {
    const http = await clientFor(hang, { ...breakerLimits, operationBudgetMs: 100 });
    for (let i = 0; i < 3; i += 1) expect((await failure(get(http))).code).toBe('PROVIDER_TIMEOUT');
    expect((await failure(get(http))).message).toContain('paused');
    expect(server!.calls()).toBe(3);
  });

  it('does not count a 5xx the provider documents as an answer, nor 4xx answers', async () => {
    const http = await clientFor(sequence([json(500, {}), json(500, {}), json(404, {}), json(500, {}), json(500, {})]), breakerLimits);
    const documented = () => http.request({ operation: 'thing.get', method: 'GET', path: '/thing', isOutage: () => false });
    for (let i = 0; i < 5; i += 1) await documented();
    expect(server!.calls()).toBe(5);
  });

  it('does not count a call the request deadline ended', async () => {
    const http = await clientFor(hang, { ...breakerLimits, operationBudgetMs: 60_000 });
    for (let i = 0; i < 4; i += 1) {
      const error = await runInRequestScope({ requestId: 't', warnings: [], deadlineAt: Date.now() + 50, signal: AbortSignal.timeout(50) }, () => failure(get(http)));
      expect(error.message).toContain('request deadline');
    }
    expect(server!.calls()).toBe(4);
  });
});
