import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

/**
 * A misbehaving provider for tests: a reverse proxy on port 0 in front of a simulator that passes
 * every call through and lets `rewrite` change a JSON answer (one odd record in a real page).
 */
export interface RewritingProxy {
  url: string;
  close(): Promise<void>;
}

export type JsonRewrite = (path: string, body: unknown) => unknown;

async function readBody(incoming: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startRewritingProxy(target: string, rewrite: JsonRewrite): Promise<RewritingProxy> {
  const server: Server = createServer((incoming, outgoing) => {
    void (async () => {
      const body = await readBody(incoming);
      const headers = { ...incoming.headers };
      delete headers.host;
      delete headers['content-length'];
      const upstream = await request(`${target}${incoming.url ?? '/'}`, {
        method: incoming.method as 'GET',
        headers: headers as Record<string, string>,
        ...(body.length > 0 ? { body } : {}),
      });
      const text = await upstream.body.text();
      const contentType = String(upstream.headers['content-type'] ?? '');
      let answer = text;
      if (upstream.statusCode < 300 && contentType.includes('json')) {
        answer = JSON.stringify(rewrite(new URL(incoming.url ?? '/', 'http://proxy').pathname, JSON.parse(text)));
      }
      outgoing.writeHead(upstream.statusCode, { 'content-type': contentType || 'application/json' });
      outgoing.end(answer);
    })().catch(() => {
      outgoing.writeHead(502);
      outgoing.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
