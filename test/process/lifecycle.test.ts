import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:net';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, killAllSpawned, logRecords, spawnGateway } from '../support/spawned-gateway.js';

/**
 * The gateway as an operator runs it: a separate process from `npm start` (issue 13). These
 * tests compile first, so they get a generous timeout on a shared 2-core machine.
 */
const SLOW = 120_000;
const SANDBOX_API_KEY = 'sbx_lifecycle-test-key-0123456789';
const QUERY = JSON.stringify({ query: '{ customers(provider: MASTERCARD_US, first: 2) { totalCount edges { node { id } } } }' });

function post(graphqlUrl: string) {
  return request(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': SANDBOX_API_KEY }, body: QUERY });
}

const messages = (lines: readonly string[]) => logRecords(lines).map((record) => record.msg);
const isIncomingGraphql = (line: string) => line.includes('"msg":"incoming request"') && line.includes('/graphql');

beforeAll(buildOnce, SLOW);
afterEach(killAllSpawned);

describe('shutdown', () => {
  it(
    'SIGTERM to the `npm start` process lets a slow in-flight request finish, logs it and exits 0',
    async () => {
      const gateway = spawnGateway('npm start', { SANDBOX_LATENCY_MS: '400', SANDBOX_API_KEY });
      const graphqlUrl = await gateway.listening();
      const answer = post(graphqlUrl);
      await gateway.waitForLine(isIncomingGraphql);
      gateway.child.kill('SIGTERM');

      const response = await answer;
      const body = (await response.body.json()) as { data?: { customers: { totalCount: number } } };
      expect(response.statusCode).toBe(200);
      expect(body.data?.customers.totalCount).toBeGreaterThan(0);
      expect(await gateway.exited, gateway.lines.join('\n')).toEqual({ code: 0, signal: null });
      const logged = messages(gateway.lines);
      expect(logged).toContain('shutting down');
      expect(logged.indexOf('stopped')).toBeGreaterThan(logged.indexOf('shutting down'));
    },
    SLOW,
  );

  it(
    'cuts requests still running when SHUTDOWN_GRACE_MS is over, says so and exits 1',
    async () => {
      const gateway = spawnGateway('node dist/main.js', { SANDBOX_LATENCY_MS: '5000', SHUTDOWN_GRACE_MS: '50', SANDBOX_API_KEY });
      const graphqlUrl = await gateway.listening();
      const answer = post(graphqlUrl).then(
        () => 'answered',
        () => 'cut',
      );
      await gateway.waitForLine(isIncomingGraphql);
      gateway.child.kill('SIGINT');

      expect(await answer).toBe('cut');
      expect(await gateway.exited).toEqual({ code: 1, signal: null });
      expect(messages(gateway.lines)).toEqual(expect.arrayContaining(['shutting down', 'grace period over; open requests were cut', 'stopped']));
    },
    SLOW,
  );
});

describe('tracing export', () => {
  it(
    'sends the spans of an operation over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set, flushed at shutdown',
    async () => {
      const received: Array<{ path: string | undefined; body: string }> = [];
      const collector = createHttpServer((incoming, outgoing) => {
        let body = '';
        incoming.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        incoming.on('end', () => {
          received.push({ path: incoming.url, body });
          outgoing.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        });
      });
      await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
      try {
        const endpoint = `http://127.0.0.1:${(collector.address() as { port: number }).port}`;
        const gateway = spawnGateway('node dist/main.js', { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, SANDBOX_API_KEY });
        const response = await post(await gateway.listening());
        expect(response.statusCode).toBe(200);
        await response.body.dump();
        gateway.child.kill('SIGTERM');
        expect((await gateway.exited).code).toBe(0);
        const exported = received.filter((entry) => entry.path === '/v1/traces').map((entry) => entry.body).join('\n');
        expect(exported).toContain('"name":"query"');
        expect(exported).toContain('MASTERCARD_US customers.list');
        expect(exported).toContain('open-finance-gateway');
      } finally {
        await new Promise((resolve) => collector.close(resolve));
      }
    },
    SLOW,
  );
});

describe('start-up errors are one sentence and exit code 2', () => {
  let occupied: Server;
  let occupiedPort = 0;
  beforeAll(async () => {
    occupied = createServer();
    await new Promise<void>((resolve) => occupied.listen(0, '127.0.0.1', resolve));
    occupiedPort = (occupied.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => occupied.close(() => resolve())));

  it.each([
    ['a port in use', () => ({ PORT: String(occupiedPort) }), () => new RegExp(`^Port ${occupiedPort} is already in use on 127\\.0\\.0\\.1: .+\\.$`)],
    ['a bad variable', () => ({ PORT: 'eighty' }), () => /^Invalid configuration: PORT: .+\.$/],
    ['an unsupported cache store', () => ({ CACHE_URL: 'memcached://127.0.0.1:11211' }), () => /^CACHE_URL: .+\.$/],
    ['an unreadable keys file', () => ({ API_KEYS_FILE: '/nonexistent/keys.json' }), () => /^API_KEYS_FILE \/nonexistent\/keys\.json cannot be read: no such file\.$/],
    ['an address that is not this machine', () => ({ HOST: '192.0.2.1' }), () => /^HOST 192\.0\.2\.1 is not an address of this machine: .+\.$/],
  ])(
    '%s',
    async (_case, env, sentence) => {
      const gateway = spawnGateway('node dist/main.js', env());
      expect((await gateway.exited).code).toBe(2);
      expect(gateway.errorLines.filter((line) => line.trim() !== '')).toEqual([expect.stringMatching(sentence())]);
      expect(gateway.lines.join('\n')).not.toMatch(/\n\s+at /);
    },
    SLOW,
  );
});

describe('the bundled gateway (dist/main.js)', () => {
  it(
    'opens its SQLite transaction store: the native driver stays outside the bundle',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'bundled-store-'));
      try {
        // DATABASE_URL unset: the SQLite store is what this checks (and CI's PostgreSQL stays untouched).
        const gateway = spawnGateway('node dist/main.js', { SANDBOX_API_KEY, TRANSACTION_STORE_DIR: dir, DATABASE_URL: '' });
        const graphqlUrl = await gateway.listening();
        const query = JSON.stringify({ query: '{ transactionsSync(scope: { providers: [CAIBO_IPG] }, limit: 1) { added { fetchedAt } nextCursor } }' });
        const response = await request(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': SANDBOX_API_KEY }, body: query });
        const body = (await response.body.json()) as { data?: { transactionsSync: { added: unknown[] } | null }; errors?: unknown[] };
        expect(body.errors ?? []).toEqual([]);
        expect(body.data?.transactionsSync?.added).toHaveLength(1);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    SLOW,
  );
});
