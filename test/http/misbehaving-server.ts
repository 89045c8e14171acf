import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface MisbehavingServer {
  url: string;
  /** Requests seen, by `METHOD path` (query string dropped). */
  calls(route?: string): number;
  close(): Promise<void>;
}

/**
 * A raw node:http server on port 0 whose routes misbehave on purpose (hang, drip, flood, answer
 * HTML). `routes` is keyed `METHOD /path` (exact, without the query); anything else uses `fallback`
 * (default: hang forever, as a provider that accepts connections and never replies).
 */
export async function startMisbehavingServer(routes: Record<string, Handler>, fallback: Handler = hang): Promise<MisbehavingServer> {
  const seen = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const route = `${request.method} ${(request.url ?? '/').split('?')[0]}`;
    seen.set(route, (seen.get(route) ?? 0) + 1);
    // Drain the request body so keep-alive sockets stay usable.
    request.resume();
    (routes[route] ?? fallback)(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls: (route) => (route === undefined ? [...seen.values()].reduce((sum, count) => sum + count, 0) : (seen.get(route) ?? 0)),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Accepts the request and never answers. */
export const hang: Handler = () => undefined;

export const json =
  (status: number, body: unknown): Handler =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

export const html =
  (status: number, page: string): Handler =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  };

/** Headers at once, then one small chunk every `everyMs`, forever: never silent long enough for a body timeout. */
export const drip =
  (everyMs: number): Handler =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"customers":[');
    const timer = setInterval(() => response.write(' '), everyMs);
    response.on('close', () => clearInterval(timer));
  };

/** `bytes` bytes of JSON-looking padding, chunked (no content-length) or declared up front. */
export const flood =
  (bytes: number, declareLength: boolean): Handler =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', ...(declareLength ? { 'content-length': String(bytes) } : {}) });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = (): void => {
      while (sent < bytes) {
        const size = Math.min(chunk.length, bytes - sent);
        sent += size;
        if (!response.write(chunk.subarray(0, size))) {
          response.once('drain', pump);
          return;
        }
      }
      response.end();
    };
    response.on('error', () => undefined);
    pump();
  };
