import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { sha256Hex } from '../../src/security/api-keys.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-all.js';
import { startFaultyProxy, type FaultyProxy } from '../support/faulty-proxy.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/**
 * GET /export/transactions (issue 15, item 5) over HTTP: the caller's authentication, scope and
 * providers as /graphql, typed 400s, NDJSON and CSV with the end marker, a provider failing
 * mid-stream reported in-band, and `npm run export` writing a file with plain progress lines.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const from = new Date(Date.now() - 10 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const KEYS = { reader: 'export-reader-key-0123456789', obp: 'export-obp-only-key-0123456789', writer: 'export-writer-key-0123456789' };

let sandbox: RunningSandbox;
let proxy: FaultyProxy;
let gateway: TestGateway;
let failUs = false;
beforeAll(async () => {
  sandbox = await startSandbox();
  const us = sandbox.endpoints.MASTERCARD_US!;
  // Fails Mastercard US transaction pages after the first, when asked to.
  let served = 0;
  proxy = await startFaultyProxy(us.baseUrl, (method, path) => {
    if (!failUs || method !== 'GET' || !path.includes('/transactions')) return null;
    served += 1;
    return served > 1 ? { status: 503, body: JSON.stringify({ code: 503, message: 'unavailable' }) } : null;
  });
  const dir = mkdtempSync(join(tmpdir(), 'export-e2e-'));
  writeFileSync(
    join(dir, 'keys.json'),
    JSON.stringify([
      { id: 'reader', sha256: sha256Hex(KEYS.reader), scopes: ['read'] },
      { id: 'obp', sha256: sha256Hex(KEYS.obp), scopes: ['read'], providers: ['OBP'] },
      { id: 'writer', sha256: sha256Hex(KEYS.writer), scopes: ['write'] },
    ]),
  );
  gateway = await startTestGateway({ env: { API_KEYS_FILE: join(dir, 'keys.json') }, endpoints: { ...sandbox.endpoints, MASTERCARD_US: { ...us, baseUrl: proxy.url } } });
});
afterAll(async () => {
  await gateway?.close();
  await proxy?.close();
  await sandbox?.close();
});

async function exportText(query: string, key: string | null = KEYS.reader): Promise<{ status: number; type: string; text: string }> {
  const response = await request(`${gateway.url}/export/transactions?${query}`, { headers: key === null ? {} : { 'x-api-key': key } });
  return { status: response.statusCode, type: String(response.headers['content-type']), text: await response.body.text() };
}
const records = (text: string) => text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('GET /export/transactions', () => {
  it('streams NDJSON rows of every provider, error records for those that cannot take part, and the end marker', async () => {
    const answer = await exportText(`format=ndjson&from=${from}`);
    expect(answer.status).toBe(200);
    expect(answer.type).toContain('application/x-ndjson');
    const lines = records(answer.text);
    const rows = lines.filter((line) => line.type === 'transaction');
    expect(new Set(rows.map((row) => row.provider))).toEqual(new Set(['MASTERCARD_AU', 'MASTERCARD_US', 'OBP']));
    expect(lines.filter((line) => line.type === 'error')).toEqual([expect.objectContaining({ provider: 'CAIBO_IPG', code: 'UNSUPPORTED_BY_PROVIDER' })]);
    // Caibo cannot take part without named customers: named in-band, but nothing is missing.
    expect(lines.at(-1)).toEqual({ type: 'end', rows: rows.length, errors: 0, complete: true });
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);

    // The same rows as the top-level query (in customer order here, merged there).
    const query = await gateway.graphql<{ transactions: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean } } }>(
      'query ($from: DateTime) { transactions(first: 1000, filter: { from: $from }) { edges { node { id } } pageInfo { hasNextPage } } }',
      { from },
    );
    expect(query.data!.transactions.pageInfo.hasNextPage).toBe(false);
    expect(new Set(rows.map((row) => row.id))).toEqual(new Set(query.data!.transactions.edges.map((edge) => edge.node.id)));
  });

  it('writes CSV with a header, exact amounts and the #end trailer', async () => {
    const answer = await exportText(`format=csv&from=${from}&providers=OBP&minAmount=-100&maxAmount=-0.01`);
    expect(answer.status).toBe(200);
    expect(answer.type).toContain('text/csv');
    const table = parse(answer.text, { relax_column_count: true }) as string[][];
    expect(table[0]!.slice(0, 3)).toEqual(['id', 'provider', 'providerId']);
    const body = table.slice(1, -1);
    expect(body.length).toBeGreaterThan(0);
    for (const row of body) {
      expect(row[1]).toBe('OBP');
      expect(row[7]).toMatch(/^-\d+(\.\d+)?$/);
    }
    expect(table.at(-1)).toEqual(['#end', `rows=${body.length}`, 'errors=0', 'complete=true']);
  });

  it('answers NDJSON without `format`, and says so in Content-Type and the file name', async () => {
    const response = await request(`${gateway.url}/export/transactions?from=${from}&providers=OBP`, { headers: { 'x-api-key': KEYS.reader } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="transactions.ndjson"');
    expect(records(await response.body.text()).at(-1)).toMatchObject({ type: 'end', complete: true });
    // An empty format is not "the default": it is refused like any other unknown format.
    expect((await exportText('format=')).status).toBe(400);
  });

  it('refuses bad parameters, missing credentials and scopes, and other providers with typed errors', async () => {
    const unknown = await exportText('format=ndjson&color=blue');
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.text).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'color' });
    const inverted = await exportText('minAmount=5&maxAmount=1');
    expect(JSON.parse(inverted.text).errors[0]).toMatchObject({ message: 'minAmount must not be above maxAmount', extensions: { code: 'BAD_USER_INPUT', field: 'minAmount' } });
    expect((await exportText('format=xlsx')).status).toBe(400);
    // Caller mistakes in the filter are refused before any provider call, as in GraphQL.
    const backwards = await exportText('from=2026-11-26T00:00:00Z&to=2026-11-25T00:00:00Z');
    expect([backwards.status, JSON.parse(backwards.text).errors[0].extensions]).toEqual([400, expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'from' })]);
    expect((await exportText('pending=false&statuses=POSTED,PENDING')).status).toBe(400);
    expect((await exportText('pending=true&statuses=POSTED')).status).toBe(400);
    expect((await exportText('from=yesterday')).status).toBe(400);
    expect((await exportText('format=ndjson', null)).status).toBe(401);
    const writer = await exportText('format=ndjson', KEYS.writer);
    expect(writer.status).toBe(403);
    expect(JSON.parse(writer.text).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await exportText('providers=MASTERCARD_US', KEYS.obp)).status).toBe(403);
    const obp = records((await exportText(`from=${from}`, KEYS.obp)).text);
    expect(new Set(obp.filter((line) => line.type === 'transaction').map((line) => line.provider))).toEqual(new Set(['OBP']));
    expect(obp.at(-1)).toMatchObject({ type: 'end', errors: 0, complete: true });
  });

  it('reports a provider failing mid-stream in-band and goes on with the others', async () => {
    failUs = true;
    try {
      const lines = records((await exportText(`format=ndjson&from=${from}&providers=MASTERCARD_US,OBP`)).text);
      const errors = lines.filter((line) => line.type === 'error');
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.provider === 'MASTERCARD_US' && error.code === 'PROVIDER_UNAVAILABLE' && typeof error.customerId === 'string')).toBe(true);
      expect(lines.some((line) => line.type === 'transaction' && line.provider === 'OBP')).toBe(true);
      expect(lines.at(-1)).toMatchObject({ type: 'end', errors: errors.length, complete: false });
    } finally {
      failUs = false;
    }
  });

  it('npm run export writes the file with plain progress lines off a TTY', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'export-cli-')), 'tx.ndjson');
    const { stderr } = await promisify(execFile)('npx', ['tsx', 'scripts/export-transactions.ts', '--url', gateway.url, '--out', out, '--from', from, '--providers', 'OBP'], {
      cwd: ROOT,
      env: { ...process.env, GATEWAY_API_KEY: KEYS.reader },
    });
    const lines = records(readFileSync(out, 'utf8'));
    const rows = lines.filter((line) => line.type === 'transaction').length;
    expect(rows).toBeGreaterThan(0);
    expect(stderr).toContain(`${out}: ${rows} rows, complete`);
    expect(stderr).toMatch(/export: \d+ rows, [\d.]+ MiB/);
    const refused = await promisify(execFile)('npx', ['tsx', 'scripts/export-transactions.ts', '--url', gateway.url, '--out', out, '--minAmount', 'lots'], {
      cwd: ROOT,
      env: { ...process.env, GATEWAY_API_KEY: KEYS.reader },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 2 });
    expect((refused as { stderr: string }).stderr).toContain('BAD_USER_INPUT');
  });
});
