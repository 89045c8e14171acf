import { connect } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.js';
import { logLineSink } from '../support/log-lines.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

const BEARER = 'eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXRva2VuLXZhbHVl.c2lnbmF0dXJlLXZhbHVl';
const COOKIE = 'session=cookie-secret-4711';
const SSN = '512-43-9876';
const SSN_LIKE = /\b\d{3}-\d{2}-\d{4}\b|\b\d{9}\b/;

describe('nothing secret leaves through the logs (issue 11, item 8)', () => {
  let gateway: TestGateway;
  const { stream, lines } = logLineSink();
  beforeAll(async () => {
    gateway = await startTestGateway({ logger: createLogger('trace', stream) });
  });
  afterAll(async () => gateway?.close());

  const headers = { authorization: `Bearer ${BEARER}`, cookie: COOKIE, 'x-api-key': 'wrong-key-but-secret-9911' };

  it('logs no request bytes of malformed, oversized and refused requests at trace level', async () => {
    // Not JSON: Node's JSON.parse message quotes the body.
    const broken = await request(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: `{"query": "mutation { createConsumer }", "variables": {"ssn": "${SSN}"} oops`,
    });
    await broken.body.dump();
    expect(broken.statusCode).toBeGreaterThanOrEqual(400);
    // Over the 1 MiB body limit.
    const oversized = await request(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ providers { provider } }', variables: { ssn: SSN, pad: 'x'.repeat(1_100_000) } }),
    });
    await oversized.body.dump();
    expect(oversized.statusCode).toBe(413);
    // Refused credentials with an SSN in the variables.
    const refused = await request(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation ($ssn: Ssn) { createConsumer(customerId: "x", input: {}, ssn: $ssn) { id } }', variables: { ssn: SSN } }),
    });
    await refused.body.dump();
    expect(refused.statusCode).toBe(401);
    // Not HTTP at all: node's parser reports a client error carrying the raw packet.
    const { port } = new URL(gateway.url);
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(`POST /graphql HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${BEARER}\r\nCookie: ${COOKIE}\r\nBad Header Line\r\n\r\n{"ssn":"${SSN}"}`);
      });
      socket.on('data', () => socket.end());
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
    });
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(lines.length).toBeGreaterThan(5);
    expect(lines.some((line) => line.includes('"level":10'))).toBe(true);
    const leaks = lines.filter(
      (line) =>
        line.includes(BEARER) ||
        line.includes('c2VjcmV0LXRva2VuLXZhbHVl') ||
        line.includes('cookie-secret-4711') ||
        line.includes('wrong-key-but-secret-9911') ||
        line.includes('rawPacket') ||
        SSN_LIKE.test(line),
    );
    expect(leaks).toEqual([]);
  });
});
