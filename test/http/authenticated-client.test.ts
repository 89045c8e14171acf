import Keyv from 'keyv';
import { z } from 'zod/v4';
import { afterEach, describe, expect, it } from 'vitest';
import { createTokenCache } from '../../src/auth/token-cache.js';
import { GatewayError } from '../../src/domain/errors.js';
import { createAuthenticatedClient, type AuthenticatedRequest } from '../../src/http/authenticated-client.js';
import { createHttpClient, type HttpClient } from '../../src/http/http-client.js';
import { undocumentedAnswerError } from '../../src/http/upstream-status.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { runInRequestScope } from '../../src/observability/request-scope.js';
import { hang, html, json, startMisbehavingServer, type Handler, type MisbehavingServer } from './misbehaving-server.js';

/**
 * The one token-then-call sequence (src/http/authenticated-client.ts) over real HTTP, configured
 * the way a provider does: a login call, a token header, a "token rejected" answer, an error format.
 */
let server: MisbehavingServer | undefined;
let http: HttpClient | undefined;
afterEach(async () => {
  await http?.close();
  await server?.close();
  http = undefined;
  server = undefined;
});

/** A provider whose valid token changes on every login; data calls need the newest one. */
function tokenProvider(options: { loginAnswer?: Handler; dataAnswer?: Handler } = {}) {
  let issued = 0;
  const login: Handler = options.loginAnswer ?? ((_request, response) => json(200, { token: `t${++issued}` })(_request, response));
  const data: Handler =
    options.dataAnswer ??
    ((request, response) => {
      if (request.headers['x-token'] === `t${issued}`) return json(200, { items: [1, 2] })(request, response);
      return json(401, { error: 'token_rejected', message: `token ${String(request.headers['x-token'])} refused` })(request, response);
    });
  return { routes: { 'POST /login': login, 'GET /data': data }, expire: () => void (issued += 1) };
}

async function clientFor(routes: Record<string, Handler>, withToken = true, operationBudgetMs = 10_000) {
  server = await startMisbehavingServer(routes);
  http = createHttpClient({ provider: 'OBP', baseUrl: server.url, metrics: createMetrics({ defaultMetrics: false }), limits: { maxAttempts: 1, operationBudgetMs } });
  return createAuthenticatedClient<AuthenticatedRequest>({
    provider: 'OBP',
    http,
    tokens: createTokenCache({ store: new Keyv() }),
    ...(withToken
      ? {
          token: {
            credential: { namespace: `test-${Math.random()}`, parts: ['user'] },
            login: () => ({ operation: 'auth.login', method: 'POST' as const, path: '/login', body: { user: 'u', password: 'p' } }),
            okStatuses: [200],
            readToken: (response: { json: unknown }) => {
              const token = (response.json as { token?: unknown } | undefined)?.token;
              return typeof token === 'string' ? { token, refreshAt: Date.now() + 60_000 } : undefined;
            },
          },
        }
      : {}),
    headers: (_request, token): Record<string, string> => (token === undefined ? { 'x-api-key': 'static-key' } : { 'x-token': token }),
    isTokenRejected: (response) => response.status === 401 && (response.json as { error?: string } | undefined)?.error === 'token_rejected',
    toError: (response, what) => {
      const body = response.json as { error?: string } | undefined;
      if (body?.error === undefined) return undocumentedAnswerError('OBP', response, what);
      return new GatewayError(response.status === 401 ? 'PROVIDER_AUTH_FAILED' : 'NOT_FOUND', `OBP: ${what} failed`, { provider: 'OBP', providerStatus: response.status });
    },
  });
}

const data = { operation: 'data.get', method: 'GET' as const, path: '/data' };
const items = z.object({ items: z.array(z.number()) });

describe('authenticated client', () => {
  it('logs in once for concurrent cold calls and reuses the token', async () => {
    const client = await clientFor(tokenProvider().routes);
    const answers = await Promise.all(Array.from({ length: 5 }, () => client.callJson(data, items)));
    expect(answers.every((answer) => answer.items.length === 2)).toBe(true);
    await client.call(data);
    expect(server!.calls('POST /login')).toBe(1);
    expect(server!.calls('GET /data')).toBe(6);
  });

  it('on a rejected token invalidates it, logs in once more and retries once', async () => {
    const provider = tokenProvider();
    const client = await clientFor(provider.routes);
    await client.call(data);
    provider.expire();
    expect((await client.call(data)).status).toBe(200);
    expect(server!.calls('POST /login')).toBe(2);
    expect(server!.calls('GET /data')).toBe(3);
  });

  it('gives up after one refresh when the fresh token is refused too', async () => {
    const client = await clientFor(tokenProvider({ dataAnswer: json(401, { error: 'token_rejected' }) }).routes);
    const error = await client.call(data).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'PROVIDER_AUTH_FAILED', providerStatus: 401 });
    expect(server!.calls('POST /login')).toBe(2);
    expect(server!.calls('GET /data')).toBe(2);
  });

  it('sends static credentials without any login', async () => {
    const client = await clientFor({ 'GET /data': (request, response) => json(request.headers['x-api-key'] === 'static-key' ? 200 : 401, { items: [] })(request, response) }, false);
    expect((await client.call(data)).status).toBe(200);
    expect(server!.calls()).toBe(1);
  });

  it('reads a refused login as PROVIDER_AUTH_FAILED and an HTML login page as PROVIDER_UNAVAILABLE', async () => {
    const refused = await clientFor(tokenProvider({ loginAnswer: json(400, { error: 'bad_credentials' }) }).routes);
    expect(await refused.call(data).catch((caught: unknown) => caught)).toMatchObject({ code: 'PROVIDER_AUTH_FAILED', retryable: false });
    await http!.close();
    await server!.close();
    const edge = await clientFor(tokenProvider({ loginAnswer: html(502, '<html>bad gateway at lb-3.internal.example</html>') }).routes);
    const error = (await edge.call(data).catch((caught: unknown) => caught)) as GatewayError;
    expect(error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true });
    expect(error.message).not.toContain('internal');
  });

  it('passes accepted statuses back and maps the rest with the provider\'s error format', async () => {
    const client = await clientFor(tokenProvider({ dataAnswer: json(404, { error: 'not_found' }) }).routes);
    expect((await client.call({ ...data, accept: [404] })).status).toBe(404);
    expect(await client.call(data).catch((caught: unknown) => caught)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reports an off-spec body as PROVIDER_UNAVAILABLE, naming where but never the values', async () => {
    const client = await clientFor(tokenProvider({ dataAnswer: json(200, { items: ['4111111111111111'] }) }).routes);
    const error = (await client.callJson(data, items).catch((caught: unknown) => caught)) as GatewayError;
    expect(error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true });
    const cause = String((error.cause as Error).message);
    expect(cause).toContain('items.0');
    expect(cause + error.message).not.toContain('4111');
  });

  it('waits for a shared login only until its own request deadline', async () => {
    const client = await clientFor(tokenProvider({ loginAnswer: hang }).routes, true, 1_000);
    const scope = { requestId: 't', warnings: [], deadlineAt: Date.now() + 100, signal: AbortSignal.timeout(100) };
    const error = await runInRequestScope(scope, () => client.call(data).catch((caught: unknown) => caught));
    expect(error).toMatchObject({ code: 'PROVIDER_TIMEOUT', retryable: true });
    expect((error as Error).message).toContain('request deadline');
    expect(server!.calls('GET /data')).toBe(0);
  });
});
