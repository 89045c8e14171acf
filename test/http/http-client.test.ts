import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/domain/errors.js';
import { createHttpClient, type HttpClient } from '../../src/http/http-client.js';
import { createMetrics } from '../../src/observability/metrics.js';

/**
 * The resilience policies of src/http against a real server on port 0 that misbehaves on purpose:
 * timeouts, retries only for idempotent calls, and the circuit breaker.
 */
let server: FastifyInstance | undefined;
let client: HttpClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

async function misbehavingServer(plan: Array<number | 'hang'>): Promise<{ url: string; calls: () => number }> {
  let calls = 0;
  server = Fastify();
  server.all('/thing', async (_request, reply) => {
    const step = plan[Math.min(calls, plan.length - 1)]!;
    calls += 1;
    if (step === 'hang') await new Promise((resolve) => setTimeout(resolve, 2_000));
    return reply.code(step === 'hang' ? 200 : step).send({ ok: step === 200 });
  });
  const url = await server.listen({ port: 0, host: '127.0.0.1' });
  return { url, calls: () => calls };
}

const fastLimits = { retryInitialDelayMs: 5, retryMaxDelayMs: 10, headersTimeoutMs: 300, bodyTimeoutMs: 300 };

async function failure(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

describe('HTTP client resilience', () => {
  it('retries an idempotent call on 503 and returns the first success', async () => {
    const { url, calls } = await misbehavingServer([503, 502, 200]);
    client = createHttpClient({ provider: 'OBP', baseUrl: url, metrics: createMetrics({ defaultMetrics: false }), limits: fastLimits });
    const response = await client.request({ operation: 'thing.get', method: 'GET', path: '/thing' });
    expect(response.status).toBe(200);
    expect(calls()).toBe(3);
  });

  it('never retries a non-idempotent call', async () => {
    const { url, calls } = await misbehavingServer([503, 200]);
    client = createHttpClient({ provider: 'OBP', baseUrl: url, metrics: createMetrics({ defaultMetrics: false }), limits: fastLimits });
    const response = await client.request({ operation: 'thing.create', method: 'POST', path: '/thing', body: {} });
    expect(response.status).toBe(503);
    expect(calls()).toBe(1);
  });

  it('gives up after maxAttempts and hands back the last answer', async () => {
    const { url, calls } = await misbehavingServer([503]);
    client = createHttpClient({ provider: 'OBP', baseUrl: url, metrics: createMetrics({ defaultMetrics: false }), limits: { ...fastLimits, maxAttempts: 3 } });
    const response = await client.request({ operation: 'thing.get', method: 'GET', path: '/thing' });
    expect(response.status).toBe(503);
    expect(calls()).toBe(3);
  });

  it('turns a provider that does not answer in time into PROVIDER_TIMEOUT', async () => {
    const { url } = await misbehavingServer(['hang']);
    client = createHttpClient({ provider: 'CAIBO_IPG', baseUrl: url, metrics: createMetrics({ defaultMetrics: false }), limits: { ...fastLimits, maxAttempts: 1 } });
    const error = await failure(client.request({ operation: 'thing.get', method: 'GET', path: '/thing' }));
    expect(error.code).toBe('PROVIDER_TIMEOUT');
    expect(error.provider).toBe('CAIBO_IPG');
    expect(error.retryable).toBe(true);
  });

  it('opens the circuit after consecutive failures and fails fast with a retry hint', async () => {
    const { url, calls } = await misbehavingServer([503]);
    client = createHttpClient({
      provider: 'MASTERCARD_US',
      baseUrl: url,
      metrics: createMetrics({ defaultMetrics: false }),
      limits: { ...fastLimits, maxAttempts: 1, breakerThreshold: 3, breakerHalfOpenAfterMs: 60_000 },
    });
    for (let i = 0; i < 3; i += 1) {
      expect((await client.request({ operation: 'thing.get', method: 'GET', path: '/thing' })).status).toBe(503);
    }
    const error = await failure(client.request({ operation: 'thing.get', method: 'GET', path: '/thing' }));
    expect(error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true, retryAfterMs: 60_000 });
    expect(calls()).toBe(3);
  });

  it('reports an unreachable provider as PROVIDER_UNAVAILABLE', async () => {
    const { url } = await misbehavingServer([200]);
    await server!.close();
    server = undefined;
    client = createHttpClient({ provider: 'OBP', baseUrl: url, metrics: createMetrics({ defaultMetrics: false }), limits: { ...fastLimits, maxAttempts: 1 } });
    const error = await failure(client.request({ operation: 'thing.get', method: 'GET', path: '/thing' }));
    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
  });
});
