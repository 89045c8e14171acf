import {
  context,
  createContextKey,
  INVALID_SPAN_CONTEXT,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace';

/** Instrumentation scope of every span the gateway makes. */
export const TRACER_NAME = 'open-finance-gateway';

export interface TracingOptions {
  serviceName: string;
  /** OTLP/HTTP collector base URL (OTEL_EXPORTER_OTLP_ENDPOINT); `/v1/traces` is appended. */
  endpoint?: string;
  /** Replaces the OTLP exporter (tests: a SimpleSpanProcessor over an InMemorySpanExporter). */
  processor?: SpanProcessor;
}

export interface Tracing {
  /** Flushes buffered spans and unregisters the SDK. */
  shutdown(): Promise<void>;
}

let active = false;

/** True once {@link startTracing} ran: the hooks that make spans skip all work otherwise. */
export function tracingActive(): boolean {
  return active;
}

/**
 * The OTLP/HTTP exporter, batched. Loaded on first use: the exporter and what it pulls in (OTLP
 * transformer, metrics SDK) are modules a gateway without OTEL_EXPORTER_OTLP_ENDPOINT never needs
 * resident (issue 17, memory).
 */
async function otlpProcessor(endpoint: string): Promise<SpanProcessor> {
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
  return new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` }) });
}

/**
 * Registers the OpenTelemetry SDK globally: W3C trace context propagation, an AsyncLocalStorage
 * context manager and spans exported over OTLP/HTTP (batched). Without an endpoint or processor
 * nothing is registered and the API stays the no-op it is by default.
 */
export async function startTracing(options: TracingOptions): Promise<Tracing | undefined> {
  const processor = options.processor ?? (options.endpoint ? await otlpProcessor(options.endpoint) : undefined);
  if (!processor) return undefined;
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: [processor],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  active = true;
  return {
    async shutdown() {
      active = false;
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}

export function tracer() {
  return trace.getTracer(TRACER_NAME);
}

/**
 * Runs `fn` inside a new child span of the active one, ending it (with an error status when `fn`
 * throws) when `fn` settles. `onResult` may add attributes from the result.
 */
export async function inSpan<T>(
  name: string,
  attributes: Attributes,
  fn: (span: Span) => Promise<T>,
  kind: SpanKind = SpanKind.INTERNAL,
): Promise<T> {
  if (!active) return fn(trace.wrapSpanContext(INVALID_SPAN_CONTEXT));
  return tracer().startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
      throw error;
    } finally {
      span.end();
    }
  });
}

const BILLABLE = createContextKey('open-finance-gateway.billable');

/** Marks the upstream calls `fn` makes as billable by the provider (their spans say so). */
export function asBillable<T>(fn: () => Promise<T>): Promise<T> {
  return context.with(context.active().setValue(BILLABLE, true), fn);
}

/** Whether the upstream call being made was marked with {@link asBillable}. */
export function isBillable(): boolean {
  return context.active().getValue(BILLABLE) === true;
}

/** Adds `traceparent` (and `tracestate`) of the active span to outgoing provider headers. */
export function injectTraceContext(headers: Record<string, string>): void {
  if (active) propagation.inject(context.active(), headers);
}

const ATTEMPTS = createContextKey('open-finance-gateway.upstream-attempts');

/** Counts one try of the upstream call being made (the HTTP client calls it per attempt). */
export function countUpstreamAttempt(): void {
  const attempts = context.active().getValue(ATTEMPTS) as { count: number } | undefined;
  if (attempts) attempts.count += 1;
}

interface TraceableClient<R extends { operation: string; method: string }, A extends { status: number }> {
  request(request: R): Promise<A>;
}

/**
 * The HTTP client with a CLIENT span per upstream operation: provider, operation, method, final
 * HTTP status (or the error code), retry count and whether the provider bills it. The span is
 * active while the call runs, so `traceparent` sent to the provider names it. Returned as it is
 * when tracing is off.
 */
export function traceHttpClient<C extends TraceableClient<R, A>, R extends { operation: string; method: string }, A extends { status: number }>(
  provider: string,
  client: C,
): C {
  if (!active) return client;
  return {
    ...client,
    request: (request: R) => {
      const attempts = { count: 0 };
      return context.with(context.active().setValue(ATTEMPTS, attempts), () =>
        inSpan(
          `${provider} ${request.operation}`,
          { 'provider': provider, 'upstream.operation': request.operation, 'http.request.method': request.method, 'upstream.billable': isBillable() },
          async (span) => {
            try {
              const answer = await client.request(request);
              span.setAttribute('http.response.status_code', answer.status);
              if (answer.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${answer.status}` });
              return answer;
            } catch (error) {
              const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'error';
              span.setAttribute('error.type', code);
              throw error;
            } finally {
              span.setAttribute('upstream.retry_count', Math.max(0, attempts.count - 1));
            }
          },
          SpanKind.CLIENT,
        ),
      );
    },
  };
}

/** A DataLoader batch function inside an INTERNAL span `dataloader.batch <name>` with the batch size. */
export function traceBatch<K, V>(name: string, batch: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>) {
  return (keys: readonly K[]): Promise<ReadonlyArray<V | Error>> =>
    active ? inSpan(`dataloader.batch ${name}`, { 'dataloader.name': name, 'dataloader.batch_size': keys.length }, () => batch(keys)) : batch(keys);
}
