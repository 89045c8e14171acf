import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/** Sends `head` and then nothing more; resolves with what the server answered once it closes the socket. */
function stall(url: string, head: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(head));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
  });
}

describe('a caller that never finishes its request', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ env: { REQUEST_DEADLINE_MS: '1500' } });
  });
  afterAll(async () => gateway?.close());

  it('loses its socket with a 408 at the request deadline when the body never completes', async () => {
    const answer = await stall(
      gateway.url,
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query"',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('loses its socket with a 408 when the headers never complete', async () => {
    const answer = await stall(gateway.url, 'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: appl');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });
});
