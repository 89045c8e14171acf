import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface RawBodyRoute {
  url: string;
  /** Larger bodies are refused with 413 before the handler runs. */
  bodyLimitBytes: number;
  /** Gets the request body exactly as sent (signatures are over these bytes, never a re-serialisation). */
  handler(request: FastifyRequest, reply: FastifyReply, raw: Buffer): Promise<unknown>;
}

/**
 * Registers `POST url` whose body reaches the handler as the raw bytes, whatever the content type,
 * in its own fastify scope so the rest of the server keeps its JSON parsing. A body over
 * `bodyLimitBytes` is refused (413) by fastify before it is buffered whole.
 */
export function registerRawBodyRoute(app: FastifyInstance<any, any, any, any>, route: RawBodyRoute): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: route.bodyLimitBytes }, (_request, body, done) => done(null, body));
    scope.post(route.url, { bodyLimit: route.bodyLimitBytes }, async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return route.handler(request, reply, raw);
    });
  });
}
