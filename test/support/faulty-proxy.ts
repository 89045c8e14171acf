import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

/** A canned answer the proxy gives instead of forwarding. */
export interface Fault {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

export interface FaultyProxy {
  /** `http://127.0.0.1:port`: point a provider's base URL here. */
  url: string;
  /** Requests answered with a fault, as `METHOD path`. */
  faulted: string[];
  close(): Promise<void>;
}

async function readBody(message: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A misbehaving server on port 0 in front of a real simulator: every request is forwarded as is,
 * except those `faultFor` answers for — those get the fault instead, so one endpoint (one account's
 * transactions) can fail while the rest of the provider behaves.
 */
export async function startFaultyProxy(target: string, faultFor: (method: string, path: string) => Fault | null): Promise<FaultyProxy> {
  const faulted: string[] = [];
  const server = createServer((incoming, outgoing) => {
    void (async () => {
      const method = incoming.method ?? 'GET';
      const path = incoming.url ?? '/';
      const fault = faultFor(method, path);
      if (fault) {
        faulted.push(`${method} ${path}`);
        outgoing.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
        outgoing.end(fault.body);
        return;
      }
      const body = await readBody(incoming);
      const headers = Object.fromEntries(Object.entries(incoming.headers).filter(([name]) => name !== 'host' && name !== 'connection'));
      const answer = await request(`${target}${path}`, {
        method: method as 'GET',
        headers: headers as Record<string, string>,
        ...(body.length > 0 ? { body } : {}),
      });
      const replyHeaders = Object.fromEntries(
        Object.entries(answer.headers).filter(([name]) => !['connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(name)),
      );
      const payload = Buffer.from(await answer.body.arrayBuffer());
      outgoing.writeHead(answer.statusCode, replyHeaders as Record<string, string>);
      outgoing.end(payload);
    })().catch((error: unknown) => {
      outgoing.writeHead(502);
      outgoing.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    faulted,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
