import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger, FastifyError, FastifyInstance, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify';
import { errorBody, requestErrorCodeForStatus } from './request-errors.js';
import { createRouteTable, type RouteTable } from './route-table.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route this server has (method + URL pattern), recorded as they are added. */
    routeTable: RouteTable;
  }
}

/** What a refused request is told for fastify's own body errors: what to change, never the bytes sent. */
const MESSAGE_OF_FASTIFY_CODE: Readonly<Record<string, string>> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty; send a JSON object',
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON (or carries a "__proto__" / "constructor.prototype" key, which is refused)',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The request body does not match its Content-Length (truncated, or not UTF-8 text)',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Send the request body as application/json',
  FST_ERR_CTP_INVALID_TYPE: 'The Content-Type header is not a valid media type; send application/json',
  FST_ERR_CTP_INVALID_CONTENT_ENCODING: 'Only an identity (uncompressed) request body is accepted',
  FST_ERR_BAD_URL: 'The request path is not a valid URL (bad percent-encoding)',
};

/** `application/graphql-response+json` when the caller asks for it on the GraphQL route, else JSON. */
function contentTypeFor(request: FastifyRequest, graphqlPath: string): string {
  const accept = request.headers.accept ?? '';
  const onGraphql = request.url.split('?')[0] === graphqlPath;
  return onGraphql && accept.includes('application/graphql-response+json')
    ? 'application/graphql-response+json; charset=utf-8'
    : 'application/json; charset=utf-8';
}

function send(request: FastifyRequest, reply: FastifyReply, graphqlPath: string, status: number, message: string, code: string) {
  const requestId = String(request.id);
  return reply
    .code(status)
    .header('content-type', contentTypeFor(request, graphqlPath))
    .header('x-request-id', requestId)
    .send(errorBody(message, code, status >= 500 ? requestId : undefined));
}

interface Handlers {
  graphqlPath: string;
  /** Routes known so far; without it (framework errors before routing) unknown paths are not told apart. */
  table?: RouteTable;
}

/** 404 NOT_FOUND for a path no route has, 405 METHOD_NOT_ALLOWED (with `Allow`) for one that has other methods. */
function replyNotFound(request: FastifyRequest, reply: FastifyReply, { graphqlPath, table }: Handlers) {
  const path = request.url.split('?')[0] ?? request.url;
  const allowed = table?.methodsAt(path) ?? [];
  if (allowed.length === 0) {
    request.log.info({ code: 'NOT_FOUND', status: 404 }, 'request refused: no such route');
    return send(request, reply, graphqlPath, 404, `No route at ${truncatePath(path)}`, 'NOT_FOUND');
  }
  request.log.info({ code: 'METHOD_NOT_ALLOWED', status: 405 }, 'request refused: method not allowed');
  reply.header('allow', allowed.join(', '));
  return send(request, reply, graphqlPath, 405, `${request.method} is not allowed here; use ${allowed.join(', ')}`, 'METHOD_NOT_ALLOWED');
}

/**
 * Answers a fastify error (body parsing, limits, a hook or handler that threw): a 4xx is the
 * caller's fault — shaped with its code, logged at info with the request id; anything else is
 * INTERNAL — logged at error with its cause, the answer carries the request id only. A body error
 * on a path or method that does not exist is answered as that (404/405): the body is beside the point.
 */
function replyWithError(error: FastifyError, request: FastifyRequest, reply: FastifyReply, handlers: Handlers) {
  const { graphqlPath } = handlers;
  const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
  if (status >= 500) {
    request.log.error({ err: error }, 'unhandled error in an HTTP route');
    return send(request, reply, graphqlPath, 500, `Internal error; it has been logged with request id ${String(request.id)}`, 'INTERNAL');
  }
  if (request.is404 && handlers.table) return replyNotFound(request, reply, handlers);
  const code = requestErrorCodeForStatus(status);
  let message = MESSAGE_OF_FASTIFY_CODE[error.code] ?? error.message;
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    message = `The request body is over this route's limit of ${request.routeOptions.bodyLimit ?? 'its'} bytes`;
  }
  request.log.info({ code, status, reason: error.code }, 'request refused: the caller must change it');
  return send(request, reply, graphqlPath, status, message, code);
}

/**
 * Makes every answer the server gives before or beside GraphQL an error of GraphQL's shape with a
 * code (issue 18): fastify's body errors, unknown paths (404 NOT_FOUND), known paths with another
 * method (405 METHOD_NOT_ALLOWED with `Allow`), handler failures (500 INTERNAL). Call it right after
 * creating the app, before any route or plugin, so the route table sees every route and child
 * contexts inherit the handlers. Plain-text bodies are refused (415) like forms: every route here
 * reads JSON.
 */
export function registerErrorHandlers<L extends FastifyBaseLogger>(
  app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, L>,
  options: { graphqlPath: string },
): void {
  const handlers: Handlers = { graphqlPath: options.graphqlPath, table: createRouteTable() };
  app.decorate('routeTable', handlers.table!);
  app.addHook('onRoute', (route) => handlers.table!.add(route.method, route.url));
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler((error: FastifyError, request, reply) => replyWithError(error, request, reply, handlers));
  app.setNotFoundHandler((request, reply) => replyNotFound(request, reply, handlers));
}

/** A path echoed in a message is cut short: it is the caller's bytes, kept only as a hint. */
function truncatePath(path: string): string {
  const clean = path.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 80)}…` : clean;
}

/** fastify's `frameworkErrors` option (bad percent-encoding in the URL), answered like any other refusal. */
export function frameworkErrorHandler(graphqlPath: string) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => replyWithError(error, request, reply, { graphqlPath });
}

/**
 * fastify's `clientErrorHandler`: a request Node's HTTP parser refused (malformed request line,
 * headers over 16 KiB, a header timeout). There is no request yet, so the answer is written to the
 * socket; the raw packet is never logged (it may carry credentials).
 */
export function clientErrorHandler(this: { log: FastifyBaseLogger }, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const message =
    status === 431 ? 'The request headers are too large' : status === 408 ? 'The request was not received in time' : 'The request is not valid HTTP';
  const code = requestErrorCodeForStatus(status);
  // No request was parsed, so no id was given: one is made here, for the log line and the answer.
  // Trace, as fastify logs client errors: a port scanner's noise; never the raw packet.
  const reqId = randomUUID();
  this.log.trace({ reqId, code, status, reason: error.code }, 'malformed HTTP request refused');
  const body = JSON.stringify(errorBody(message, code));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nX-Request-Id: ${reqId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
