import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGatewaySchema } from '../../src/graphql/schema.js';
import { buildPlayground } from '../../src/playground/build.js';
import { registerPlayground } from '../../src/playground/playground.routes.js';
import type { PlaygroundPageConfig } from '../../src/playground/page-config.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/** The playground's HTTP side without a browser: page, config, policy, assets, redirect, no bundle. */
let gateway: TestGateway;
beforeAll(async () => {
  await buildPlayground();
  gateway = await startTestGateway();
}, 60_000);
afterAll(async () => {
  await gateway?.close();
});

async function pageConfig(url: string): Promise<PlaygroundPageConfig> {
  const html = await (await fetch(`${url}/playground`)).text();
  const json = /<script type="application\/json" id="playground-config">(.*?)<\/script>/s.exec(html)?.[1];
  return JSON.parse(json ?? 'null') as PlaygroundPageConfig;
}

describe('playground over HTTP', () => {
  it('serves the page with a same-origin-only policy and its config', async () => {
    const response = await fetch(`${gateway.url}/playground`);
    expect(response.status).toBe(200);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toMatch(/https?:/);
    const html = await response.text();
    expect(html).not.toMatch(/(src|href)="https?:/);
    const config = await pageConfig(gateway.url);
    expect(config.sandboxPath).toBe('/sandbox');
    expect(JSON.parse(config.headers)).toEqual({ 'X-API-Key': gateway.apiKey });
    expect(config.tabs[0]!.source).toBe('reference-customers.graphql');
  });

  it('fills each tab with a variables template from the schema: enums, required input fields', async () => {
    const config = await pageConfig(gateway.url);
    const tab = (source: string) => JSON.parse(config.tabs.find((t) => t.source === source)!.variables) as Record<string, unknown>;
    expect(tab('reference-customers.graphql')).toEqual({});
    expect(tab('customer-detail.graphql')).toEqual({ id: '' });
    // CreatePaymentRequestInput: amount, currency and provider are required; Provider is an enum.
    expect(tab('caibo.graphql').input).toMatchObject({ amount: '', currency: '', provider: 'MASTERCARD_AU' });
    expect(tab('mastercard-au.graphql')).toMatchObject({ provider: 'MASTERCARD_AU', products: [] });
  });

  it('sends a browser opening /graphql to the playground, and keeps GraphQL GETs and POSTs as they were', async () => {
    const browser = await fetch(`${gateway.url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml' }, redirect: 'manual' });
    expect(browser.status).toBe(302);
    expect(browser.headers.get('location')).toBe('/playground');
    const get = await fetch(`${gateway.url}/graphql?query=${encodeURIComponent('{ providers { provider } }')}`, {
      headers: { accept: 'text/html,application/json', ...gateway.authHeaders },
      redirect: 'manual',
    });
    expect(get.status).toBe(200);
    expect(((await get.json()) as { data: unknown }).data).toBeTruthy();
  });

  it('serves the bundle gzipped with an ETag, 304 when unchanged, 404 for anything else', async () => {
    const plain = await fetch(`${gateway.url}/playground/assets/app.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toContain('text/javascript');
    const body = Buffer.from(await plain.arrayBuffer());
    const zipped = await request(`${gateway.url}/playground/assets/app.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(Buffer.from(await zipped.body.arrayBuffer())).equals(body)).toBe(true);
    const etag = plain.headers.get('etag')!;
    expect((await fetch(`${gateway.url}/playground/assets/app.js`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    for (const name of ['editor.worker.js', 'json.worker.js', 'graphql.worker.js', 'app.css']) {
      expect((await fetch(`${gateway.url}/playground/assets/${name}`)).status).toBe(200);
    }
    for (const name of ['manifest.json', 'app.js.gz', '..%2Fmanifest.json', 'nope.js']) {
      expect((await fetch(`${gateway.url}/playground/assets/${name}`)).status).toBe(404);
    }
  });

  it('answers 503 with the command to run when the bundle is not built', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'playground-'));
    const app = Fastify();
    try {
      await registerPlayground(app, {
        schema: buildGatewaySchema(['OBP']),
        gatewayName: 'x',
        graphqlPath: '/graphql',
        sandboxPath: null,
        callerKey: null,
        assetsDir: empty,
      });
      const response = await app.inject({ method: 'GET', url: '/playground' });
      expect(response.statusCode).toBe(503);
      expect(response.body).toContain('npm run build:playground');
    } finally {
      await app.close();
      await rm(empty, { recursive: true, force: true });
    }
  });
});
