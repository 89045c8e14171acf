import type { ApolloServerPlugin } from '@apollo/server';
import { context, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawServerDefault } from 'fastify';
import { tracer, tracingActive } from './tracing.js';

const operationSpans = new WeakMap<FastifyRequest, Span>();

function endOperationSpan(request: FastifyRequest, statusCode?: number): void {
  const span = operationSpans.get(request);
  if (!span) return;
  operationSpans.delete(request);
  if (statusCode !== undefined) span.setAttribute('http.response.status_code', statusCode);
  span.end();
}

/**
 * One SERVER span per GraphQL HTTP request, a child of the caller's W3C `traceparent` when sent,
 * active for everything the request does (resolvers, DataLoader batches, upstream calls). Named
 * and described by {@link operationTracingPlugin} once the operation is known. Nothing is
 * registered when tracing is off.
 */
export function registerOperationTracing<L extends FastifyBaseLogger>(
  app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, L>,
  path = '/graphql',
): void {
  if (!tracingActive()) return;
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.url.split('?')[0] !== path) {
      done();
      return;
    }
    const parent = propagation.extract(context.active(), request.headers);
    const span = tracer().startSpan('graphql', { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method } }, parent);
    operationSpans.set(request, span);
    context.with(trace.setSpan(parent, span), done);
  });
  app.addHook('onResponse', (request, reply, done) => {
    endOperationSpan(request, reply.statusCode);
    done();
  });
  app.addHook('onRequestAbort', (request, done) => {
    endOperationSpan(request);
    done();
  });
}

/**
 * Names the operation span `query ReferenceCustomers` and records the operation's type, name and
 * document hash (Apollo's SHA-256 of the query text) — never its variables — and the error codes
 * of the answer.
 */
export function operationTracingPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const span = tracingActive() ? trace.getActiveSpan() : undefined;
      if (!span) return undefined;
      return {
        async didResolveOperation({ operation, operationName, queryHash }) {
          if (!operation) return;
          span.updateName(operationName ? `${operation.operation} ${operationName}` : operation.operation);
          span.setAttributes({
            'graphql.operation.type': operation.operation,
            'graphql.document.hash': queryHash,
            ...(operationName ? { 'graphql.operation.name': operationName } : {}),
          });
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          if (errors.length === 0) return;
          const codes = [...new Set(errors.map((error) => String(error.extensions?.code ?? 'INTERNAL')))];
          span.setAttribute('graphql.error.codes', codes);
          span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(',') });
        },
      };
    },
  };
}
