import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTracing, type Tracing } from '../../src/observability/tracing.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-all.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/** Forwards every request to `target` and keeps the headers the gateway sent. */
async function recordingProxy(target: string): Promise<{ url: string; seen: IncomingHttpHeaders[]; server: Server }> {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((incoming, outgoing) => {
    seen.push(incoming.headers);
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const { host: _host, connection: _connection, ...headers } = incoming.headers;
      void request(`${target}${incoming.url}`, {
        method: incoming.method as 'GET',
        headers,
        ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
      }).then(async (answer) => {
        outgoing.writeHead(answer.statusCode, { 'content-type': String(answer.headers['content-type'] ?? 'application/json') });
        outgoing.end(Buffer.from(await answer.body.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, seen, server };
}

const CALLER_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';

let exporter: InMemorySpanExporter;
let tracing: Tracing | undefined;
let sandbox: RunningSandbox;
let proxy: Awaited<ReturnType<typeof recordingProxy>>;
let gateway: TestGateway;

beforeAll(async () => {
  exporter = new InMemorySpanExporter();
  tracing = await startTracing({ serviceName: 'gateway-test', processor: new SimpleSpanProcessor({ exporter }) });
  sandbox = await startSandbox();
  proxy = await recordingProxy(sandbox.endpoints.MASTERCARD_US!.baseUrl);
  gateway = await startTestGateway({ endpoints: { ...sandbox.endpoints, MASTERCARD_US: { ...sandbox.endpoints.MASTERCARD_US!, baseUrl: proxy.url } } });
});

afterAll(async () => {
  await gateway?.close();
  await sandbox?.close();
  await new Promise((resolve) => proxy?.server.close(resolve));
  await tracing?.shutdown();
});

describe('OpenTelemetry tracing of the reference query', () => {
  it('makes one operation span under the caller, DataLoader batch and upstream spans under it, and passes traceparent on', async () => {
    const query = await readFile(new URL('../../schema/operations/reference-customers.graphql', import.meta.url), 'utf8');
    const answer = await gateway.graphql(query, { provider: 'MASTERCARD_US', first: 3, transactionsFirst: 2 }, {
      headers: { ...gateway.authHeaders, traceparent: `00-${CALLER_TRACE_ID}-${CALLER_SPAN_ID}-01` },
    });
    expect(answer.errors).toBeUndefined();

    const spans = exporter.getFinishedSpans();
    const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
    const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
    const operation = spans.filter((span) => span.name === 'query ReferenceCustomers');
    expect(operation).toHaveLength(1);
    const root = operation[0]!;
    expect(root.spanContext().traceId).toBe(CALLER_TRACE_ID);
    expect(parentOf(root)).toBe(CALLER_SPAN_ID);
    expect(root.attributes).toMatchObject({ 'graphql.operation.name': 'ReferenceCustomers', 'graphql.operation.type': 'query' });
    expect(root.attributes['graphql.document.hash']).toMatch(/^[0-9a-f]{64}$/);
    // Never the variables: no attribute carries them.
    expect(Object.keys(root.attributes).some((key) => key.includes('variable'))).toBe(false);

    // Every other span of the trace hangs, directly or not, under the operation span.
    const ancestors = (span: ReadableSpan): string[] => {
      const parent = parentOf(span);
      return parent && byId.has(parent) ? [parent, ...ancestors(byId.get(parent)!)] : [];
    };
    for (const span of spans.filter((candidate) => candidate !== root)) {
      expect(span.spanContext().traceId).toBe(CALLER_TRACE_ID);
      expect(ancestors(span)).toContain(root.spanContext().spanId);
    }

    const upstream = spans.filter((span) => span.attributes['upstream.operation'] !== undefined);
    const customersList = upstream.find((span) => span.attributes['upstream.operation'] === 'customers.list');
    expect(customersList?.attributes).toMatchObject({ provider: 'MASTERCARD_US', 'http.response.status_code': 200, 'upstream.retry_count': 0, 'upstream.billable': false });

    const batches = spans.filter((span) => span.name.startsWith('dataloader.batch '));
    const accountBatch = batches.find((span) => span.attributes['dataloader.name'] === 'accountsByCustomer');
    expect(accountBatch?.attributes['dataloader.batch_size']).toBe(3);
    // The three account lists run inside that one batch.
    const accountCalls = upstream.filter((span) => parentOf(span) === accountBatch?.spanContext().spanId);
    expect(accountCalls).toHaveLength(3);
    expect(accountCalls.every((span) => span.attributes['upstream.operation'] === 'accounts.list')).toBe(true);
    expect(batches.map((span) => span.attributes['dataloader.name'])).toContain('customerWindow');

    // The provider saw traceparent headers of this trace, each naming one of the upstream spans.
    const sent = proxy.seen.map((headers) => headers.traceparent).filter((value): value is string => typeof value === 'string');
    expect(sent.length).toBeGreaterThan(0);
    const upstreamIds = new Set(upstream.map((span) => span.spanContext().spanId));
    for (const traceparent of sent) {
      const [, traceId, parentId] = traceparent.split('-');
      expect(traceId).toBe(CALLER_TRACE_ID);
      expect(upstreamIds.has(parentId!)).toBe(true);
    }
  });
});
