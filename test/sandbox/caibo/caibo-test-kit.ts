import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CAIBO_SANDBOX_CREDENTIALS } from '../../../src/sandbox/caibo/index.js';

export const API_KEY_HEADERS = {
  'x-api-key': CAIBO_SANDBOX_CREDENTIALS.apiKey,
  'content-type': 'application/json',
} as const;

/** A clock tests move by hand. */
export function manualClock(start = Date.UTC(2025, 0, 15, 10, 0, 0)): { now: () => number; advance: (ms: number) => void } {
  let current = start;
  return { now: () => current, advance: (ms) => (current += ms) };
}

export async function call(
  base: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown; rawBody?: string } = {},
): Promise<{ status: number; headers: Headers; json: unknown; text: string }> {
  const response = await fetch(base + path, {
    method,
    headers: options.headers ?? API_KEY_HEADERS,
    ...(options.rawBody !== undefined ? { body: options.rawBody } : options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}

export interface ReceivedCallback {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A tiny merchant endpoint on port 0 that records what it receives and answers `status`. */
export async function startCallbackReceiver(status = 200): Promise<{
  url: string;
  received: ReceivedCallback[];
  waitFor: (count: number, timeoutMs?: number) => Promise<ReceivedCallback[]>;
  close: () => Promise<void>;
}> {
  const received: ReceivedCallback[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(status).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/ipg/webhook`,
    received,
    waitFor: async (count, timeoutMs = 5_000) => {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} callbacks, got ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
