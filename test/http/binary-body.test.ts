import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/domain/errors.js';
import { createHttpClient, type HttpClient } from '../../src/http/http-client.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { startMisbehavingServer, type MisbehavingServer } from './misbehaving-server.js';

/**
 * Binary bodies (report PDFs, issue 16 row 9): kept as bytes exactly as sent, under a per-call cap
 * no higher than the client's, and a JSON answer to a binary request still parsed (a provider's
 * "not ready" or error body).
 */
let server: MisbehavingServer | undefined;
let client: HttpClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

async function serve(body: Buffer, contentType: string, maxBodyBytes = 1_000_000): Promise<HttpClient> {
  server = await startMisbehavingServer({
    'GET /doc': (_request, response) => {
      response.writeHead(200, { 'content-type': contentType, 'content-length': String(body.length) });
      response.end(body);
    },
  });
  client = createHttpClient({ provider: 'MASTERCARD_AU', baseUrl: server.url, metrics: createMetrics({ defaultMetrics: false }), limits: { maxBodyBytes } });
  return client;
}

describe('binary upstream bodies', () => {
  it('keeps every byte of a binary body, invalid UTF-8 included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 4096 }), async (raw) => {
        const body = Buffer.concat([Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.from(raw)]);
        const http = await serve(body, 'application/pdf');
        const response = await http.request({ operation: 'doc', method: 'GET', path: '/doc', binary: true });
        expect(response.bytes?.equals(body)).toBe(true);
        expect(response.text).toBe('');
        await http.close();
        await server!.close();
        client = undefined;
        server = undefined;
      }),
      { numRuns: 10 },
    );
  });

  it('refuses a body over the per-call cap, and never raises the client cap', async () => {
    const body = Buffer.alloc(2048, 0x41);
    const http = await serve(body, 'application/pdf', 4096);
    const small = await http.request({ operation: 'doc', method: 'GET', path: '/doc', binary: true, maxBodyBytes: 1024 }).catch((error: unknown) => error);
    expect(small).toBeInstanceOf(GatewayError);
    expect((small as GatewayError).code).toBe('PROVIDER_UNAVAILABLE');
    expect((small as GatewayError).message).toContain('1024 bytes');
    const higher = await http.request({ operation: 'doc', method: 'GET', path: '/doc', binary: true, maxBodyBytes: 1_000_000 });
    expect(higher.bytes?.length).toBe(2048);
  });

  it('still parses a JSON answer to a binary request', async () => {
    const http = await serve(Buffer.from(JSON.stringify({ code: '18001', message: 'Report being generated' })), 'application/json');
    const response = await http.request({ operation: 'doc', method: 'GET', path: '/doc', binary: true });
    expect(response.bytes).toBeUndefined();
    expect(response.json).toEqual({ code: '18001', message: 'Report being generated' });
  });
});
