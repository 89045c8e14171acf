import {
  BrokenCircuitError,
  ConsecutiveBreaker,
  ExponentialBackoff,
  circuitBreaker,
  handleWhen,
  retry,
  wrap,
  type IPolicy,
} from 'cockatiel';
import { setMaxListeners } from 'node:events';
import { Pool } from 'undici';
import { GatewayError } from '../domain/errors.js';
import type { ProviderKey } from '../domain/provider.js';
import type { GatewayMetrics } from '../observability/metrics.js';
import { countUpstreamAttempt, injectTraceContext, traceHttpClient } from '../observability/tracing.js';
import { currentRequestScope } from '../observability/request-scope.js';
import { DEFAULT_UPSTREAM_LIMITS, type UpstreamLimits } from './limits.js';
import { BodyTooLargeError, requestWhole } from './read-body.js';
import { untilAborted } from './request-deadline.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface UpstreamRequest {
  /** Stable name for metrics and logs (`customers.list`), never a URL with ids in it. */
  operation: string;
  method: HttpMethod;
  /** Path below the base URL, already encoded. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  /** JSON-serialised unless it is already a string. */
  body?: unknown;
  /** Retried on transport failures and 502/503/504. Defaults to true for GET, PUT and DELETE. */
  idempotent?: boolean;
  /**
   * Not bound to the calling GraphQL request's deadline or its caller (a token fetch that
   * concurrent requests share); the operation budget still applies.
   */
  detached?: boolean;
  /**
   * Whether a 5xx answer is an outage the circuit breaker counts. Default: every 5xx. A provider
   * passes its documented "not yet" answers (Mastercard 5006: account still aggregating) as false.
   */
  isOutage?: (response: UpstreamResponse) => boolean;
  /** Keep a non-JSON body as bytes in `bytes` (a PDF) instead of decoding it as UTF-8 text. */
  binary?: boolean;
  /** A lower body cap for this call than the client's `maxBodyBytes` (never a higher one). */
  maxBodyBytes?: number;
}

export interface UpstreamResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  contentType: string;
  text: string;
  /** Parsed JSON when the body is JSON, otherwise undefined. */
  json: unknown;
  /** The raw body of a `binary` request that is not JSON (`text` is then empty). */
  bytes?: Buffer;
}

export interface HttpClient {
  /**
   * One upstream operation within one budget (limits.ts): every attempt, back-off and the whole
   * body; cut earlier by the GraphQL request's deadline. HTTP error statuses are returned, not
   * thrown. Throws GatewayError: PROVIDER_TIMEOUT (budget or deadline), PROVIDER_UNAVAILABLE
   * (unreachable, circuit open, body over `maxBodyBytes`).
   */
  request(request: UpstreamRequest): Promise<UpstreamResponse>;
  close(): Promise<void>;
}

export interface HttpClientOptions {
  provider: ProviderKey;
  baseUrl: string;
  metrics: GatewayMetrics;
  limits?: Partial<UpstreamLimits>;
}

const RETRY_STATUSES = new Set([502, 503, 504]);

/** A 5xx answer travelling through the policies: counted by the breaker, retried if 502/503/504, then handed back. */
class FailedStatus extends Error {
  constructor(readonly response: UpstreamResponse) {
    super(`upstream answered ${response.status}`);
  }
}

/** A failure that says nothing about the provider's health (the caller left, the body was too big). */
class NotAnOutage extends Error {
  constructor(readonly error: GatewayError) {
    super(error.message);
  }
}

/** Attempt-level transport failures (refused, reset, connect/headers/body timeout): counted and retried. */
const isTransportFailure = (error: unknown): boolean =>
  error instanceof GatewayError && (error.code === 'PROVIDER_TIMEOUT' || error.code === 'PROVIDER_UNAVAILABLE');

/**
 * One keep-alive pool per provider origin, with explicit timeouts, one budget per operation,
 * jittered retries for idempotent calls and a circuit breaker, composed from cockatiel so adapters
 * never write retry loops (STYLE.md, habit 4). Mapping HTTP error statuses is the provider client's
 * job because each provider encodes errors differently.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const limits = { ...DEFAULT_UPSTREAM_LIMITS, ...options.limits };
  const base = new URL(options.baseUrl);
  const pathPrefix = base.pathname.replace(/\/+$/, '');
  const pool = new Pool(base.origin, {
    connections: limits.connections,
    connectTimeout: limits.connectTimeoutMs,
    headersTimeout: limits.headersTimeoutMs,
    bodyTimeout: limits.bodyTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
  });
  const { provider, metrics } = options;

  // The breaker counts transport failures, timeouts and 5xx outages; retry only what a second try can fix.
  const breaker = circuitBreaker(
    handleWhen((error) => !(error instanceof NotAnOutage) && (error instanceof FailedStatus || isTransportFailure(error) || !(error instanceof GatewayError))),
    { halfOpenAfter: limits.breakerHalfOpenAfterMs, breaker: new ConsecutiveBreaker(limits.breakerThreshold) },
  );
  const retrying = retry(
    handleWhen((error) => (error instanceof FailedStatus ? RETRY_STATUSES.has(error.response.status) : isTransportFailure(error))),
    {
      maxAttempts: limits.maxAttempts - 1,
      backoff: new ExponentialBackoff({ initialDelay: limits.retryInitialDelayMs, maxDelay: limits.retryMaxDelayMs }),
    },
  );
  const idempotentPolicy: IPolicy = wrap(retrying, breaker);
  metrics.providerHealth.watchBreaker(provider, breaker, limits.breakerHalfOpenAfterMs);

  async function once(request: UpstreamRequest, signal: AbortSignal, budget: Budget): Promise<UpstreamResponse> {
    if (signal.aborted) throw new NotAnOutage(budget.error());
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) query.set(key, String(value));
    }
    const search = query.size > 0 ? `?${query.toString()}` : '';
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    countUpstreamAttempt();
    injectTraceContext(headers);
    let body: string | undefined;
    if (request.body !== undefined) {
      body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
      headers['content-type'] ??= 'application/json';
    }
    const labels = { provider, operation: request.operation };
    const maxBytes = Math.min(request.maxBodyBytes ?? limits.maxBodyBytes, limits.maxBodyBytes);
    // Per-request count of provider calls, for `extensions.cost` (src/security/cost). A detached call
    // (a login shared by concurrent requests) is no one request's: a cold and a warm answer agree.
    const scope = request.detached ? undefined : currentRequestScope();
    if (scope) scope.upstreamCalls = (scope.upstreamCalls ?? 0) + 1;
    const stopTimer = metrics.upstreamLatency.startTimer(labels);
    try {
      const response = await requestWhole(pool, { method: request.method, path: `${pathPrefix}${request.path}${search}`, headers, body }, signal, maxBytes);
      const contentType = String(response.headers['content-type'] ?? '');
      const binary = request.binary === true && !contentType.includes('json');
      const text = binary ? '' : response.body.toString('utf8');
      metrics.upstreamRequests.inc({ ...labels, status: String(response.statusCode) });
      const result: UpstreamResponse = { status: response.statusCode, headers: response.headers, contentType, text, json: parseJson(text, contentType) };
      if (binary) result.bytes = response.body;
      // A documented 5xx (Mastercard 5006: still aggregating) is an answer, not an outage.
      const outage = result.status >= 500 && (request.isOutage?.(result) ?? true);
      if (outage) {
        metrics.providerHealth.failed(provider);
        throw new FailedStatus(result);
      }
      metrics.providerHealth.succeeded(provider);
      return result;
    } catch (error) {
      if (error instanceof FailedStatus) throw error;
      if (error instanceof BodyTooLargeError) {
        metrics.upstreamRequests.inc({ ...labels, status: 'body_too_large' });
        throw new NotAnOutage(
          new GatewayError('PROVIDER_UNAVAILABLE', `${provider}: ${request.operation} answered more than ${maxBytes} bytes; reading stopped there`, {
            provider,
            retryable: false,
          }),
        );
      }
      if (signal.aborted) {
        metrics.upstreamRequests.inc({ ...labels, status: 'timeout' });
        // The budget ran out: the provider was too slow (counted). The request deadline or a departed caller: not its fault alone.
        if (budget.expired()) {
          metrics.providerHealth.failed(provider);
          throw budget.error();
        }
        throw new NotAnOutage(budget.error());
      }
      const mapped = mapTransportError(provider, error);
      metrics.providerHealth.failed(provider);
      metrics.upstreamRequests.inc({ ...labels, status: mapped.code === 'PROVIDER_TIMEOUT' ? 'timeout' : 'network_error' });
      throw mapped;
    } finally {
      stopTimer();
    }
  }

  // With tracing on: a CLIENT span per operation, named in the `traceparent` providers receive.
  return traceHttpClient(provider, {
    async request(request: UpstreamRequest) {
      const idempotent = request.idempotent ?? ['GET', 'PUT', 'DELETE'].includes(request.method);
      const budget = startBudget(provider, request, limits.operationBudgetMs);
      try {
        // Non-idempotent calls still go through the breaker, never through retry. The race ends the
        // operation at the budget even while a back-off delay is pending.
        const policy = idempotent ? idempotentPolicy : breaker;
        return await budget.race(policy.execute(({ signal }) => once(request, signal, budget), budget.signal));
      } catch (error) {
        if (error instanceof FailedStatus) return error.response;
        if (error instanceof NotAnOutage) throw error.error;
        if (error instanceof BrokenCircuitError) {
          metrics.upstreamRequests.inc({ provider, operation: request.operation, status: 'circuit_open' });
          throw new GatewayError('PROVIDER_UNAVAILABLE', `${provider} is failing; calls are paused for a few seconds`, {
            provider,
            retryable: true,
            retryAfterMs: limits.breakerHalfOpenAfterMs,
          });
        }
        throw error;
      } finally {
        budget.dispose();
      }
    },
    close: () => pool.close(),
  });
}

interface Budget {
  /** Aborted when the budget runs out, at the request deadline, or when the caller goes away. */
  signal: AbortSignal;
  /** True when the operation's own budget (not the request's deadline) ran out. */
  expired(): boolean;
  /** The PROVIDER_TIMEOUT this operation ends with. */
  error(): GatewayError;
  /** `work`, or the timeout as soon as the signal aborts, whichever comes first. */
  race<T>(work: Promise<T>): Promise<T>;
  dispose(): void;
}

/** The operation's clock: its own budget, shortened to the GraphQL request's deadline unless detached. */
function startBudget(provider: ProviderKey, request: UpstreamRequest, budgetMs: number): Budget {
  const scope = request.detached ? undefined : currentRequestScope();
  const untilDeadline = scope?.deadlineAt === undefined ? Number.POSITIVE_INFINITY : scope.deadlineAt - Date.now();
  const ownBudget = new AbortController();
  const timer = setTimeout(() => ownBudget.abort(), Math.max(0, Math.min(budgetMs, untilDeadline)));
  if (untilDeadline <= 0) ownBudget.abort();
  // One listener per concurrent upstream call of the request (41 for the reference query): not a
  // leak, so no MaxListenersExceededWarning (and its stack trace) per request.
  if (scope?.signal) setMaxListeners(0, scope.signal);
  const signal = scope?.signal ? AbortSignal.any([ownBudget.signal, scope.signal]) : ownBudget.signal;
  const byBudget = budgetMs <= untilDeadline;
  const error = (): GatewayError =>
    byBudget && ownBudget.signal.aborted
      ? new GatewayError('PROVIDER_TIMEOUT', `${provider}: ${request.operation} did not complete within ${budgetMs} ms`, { provider })
      : new GatewayError('PROVIDER_TIMEOUT', `${provider}: ${request.operation} did not complete before the request deadline`, { provider });
  return {
    signal,
    expired: () => byBudget && ownBudget.signal.aborted,
    error,
    race: (work) => untilAborted(work, signal, () => new NotAnOutage(error())),
    dispose: () => clearTimeout(timer),
  };
}

function parseJson(text: string, contentType: string): unknown {
  if (text === '' || !(contentType.includes('json') || /^\s*[[{]/.test(text))) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function mapTransportError(provider: ProviderKey, error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new GatewayError('PROVIDER_TIMEOUT', `${provider} did not answer in time`, { provider, cause: error });
  }
  return new GatewayError('PROVIDER_UNAVAILABLE', `${provider} could not be reached`, { provider, cause: error });
}
