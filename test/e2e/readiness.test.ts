import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.js';
import type { Readiness } from '../../src/observability/readiness.js';
import { logLineSink } from '../support/log-lines.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

let gateway: TestGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

async function readyz(target: TestGateway): Promise<{ status: number; body: Readiness }> {
  const response = await request(`${target.url}/readyz`);
  return { status: response.statusCode, body: (await response.body.json()) as Readiness };
}

const provider = (readiness: Readiness, key: string) => readiness.providers.find((entry) => entry.provider === key);

describe('/readyz tells the truth', () => {
  it('reports every provider as enabled, reachable, breaker closed, with its last success', async () => {
    gateway = await startTestGateway();
    const before = await readyz(gateway);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ status: 'ready', sandbox: true, cacheStore: { kind: 'memory', reachable: true } });
    expect(provider(before.body, 'MASTERCARD_US')).toMatchObject({ enabled: true, reachable: true, breaker: 'closed', lastSuccessAt: null, down: false });

    await gateway.graphql('{ customers(provider: MASTERCARD_US, first: 1) { totalCount } }');
    const after = await readyz(gateway);
    expect(provider(after.body, 'MASTERCARD_US')?.lastSuccessAt).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
    expect(provider(after.body, 'OBP')?.lastSuccessAt).toBeNull();
  });

  it('is degraded (200) with a dead provider, naming it, and shows its open breaker', async () => {
    gateway = await startTestGateway({ limits: { maxAttempts: 1, breakerThreshold: 1, breakerHalfOpenAfterMs: 60_000, connectTimeoutMs: 500 } });
    await gateway.sandbox!.simulators.MASTERCARD_US!.close();
    await gateway.graphql('{ customers(provider: MASTERCARD_US, first: 1) { totalCount } }');
    const { status, body } = await readyz(gateway);
    expect(status).toBe(200);
    expect(body.status).toBe('degraded');
    expect(provider(body, 'MASTERCARD_US')).toMatchObject({ reachable: false, breaker: 'open', lastSuccessAt: null, down: true });
    expect(provider(body, 'MASTERCARD_US')?.lastFailureAt).toEqual(expect.any(String));
    expect(provider(body, 'OBP')).toMatchObject({ reachable: true, down: false });
  });

  it('is 503 when every provider is down', async () => {
    gateway = await startTestGateway();
    await gateway.sandbox!.close();
    const { status, body } = await readyz(gateway);
    expect(status).toBe(503);
    expect(body.status).toBe('not ready');
    expect(body.providers.filter((entry) => entry.enabled).every((entry) => entry.down)).toBe(true);
  });
});

describe('an unreachable cache store', () => {
  it('makes /readyz 503 and fails a request with a clear, retryable error that is logged', async () => {
    const { stream, lines } = logLineSink();
    gateway = await startTestGateway({ env: { CACHE_URL: 'redis://127.0.0.1:1' }, logger: createLogger('info', stream) });

    const { status, body } = await readyz(gateway);
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'not ready', cacheStore: { kind: 'redis', reachable: false } });

    const answer = await gateway.graphql('{ customers(provider: MASTERCARD_US, first: 1) { totalCount } }');
    expect(answer.status).toBe(200);
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringContaining('cache store (CACHE_URL) cannot be reached'),
      extensions: { code: 'INTERNAL', retryable: true },
    });
    expect(lines.some((line) => line.includes('"msg":"cache store unreachable"'))).toBe(true);
  });
});
