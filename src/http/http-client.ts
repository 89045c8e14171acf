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
import { Pool } from 'undici';
import { GatewayError } from '../domain/errors.js';
import type { ProviderKey } from '../domain/provider.js';
import type { GatewayMetrics } from '../observability/metrics.js';
import { DEFAULT_UPSTREAM_LIMITS, type UpstreamLimits } from './limits.js';

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
}

export interface UpstreamResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  contentType: string;
  text: string;
  /** Parsed JSON when the body is JSON, otherwise undefined. */
  json: unknown;
}

export interface HttpClient {
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

class TransientStatus extends Error {
  constructor(readonly response: UpstreamResponse) {
    super(`upstream answered ${response.status}`);
  }
}

function isTransportError(error: unknown): boolean {
  return !(error instanceof GatewayError) || error.code === 'PROVIDER_TIMEOUT' || error.code === 'PROVIDER_UNAVAILABLE';
}

/**
 * One keep-alive pool per provider origin, with explicit timeouts, jittered retries for idempotent
 * calls and a circuit breaker, composed from cockatiel so adapters never write retry loops
 * (STYLE.md, habit 4). HTTP error statuses are returned, not thrown: mapping them is the adapter's
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

  const failure = handleWhen((error) => isTransportError(error) || error instanceof TransientStatus);
  const breaker = circuitBreaker(failure, {
    halfOpenAfter: limits.breakerHalfOpenAfterMs,
    breaker: new ConsecutiveBreaker(limits.breakerThreshold),
  });
  const retrying = retry(failure, {
    maxAttempts: limits.maxAttempts - 1,
    backoff: new ExponentialBackoff({ initialDelay: limits.retryInitialDelayMs, maxDelay: limits.retryMaxDelayMs }),
  });
  const idempotentPolicy: IPolicy = wrap(retrying, breaker);

  async function once(request: UpstreamRequest): Promise<UpstreamResponse> {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) query.set(key, String(value));
    }
    const search = query.size > 0 ? `?${query.toString()}` : '';
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    let body: string | undefined;
    if (request.body !== undefined) {
      body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
      headers['content-type'] ??= 'application/json';
    }
    const stopTimer = metrics.upstreamLatency.startTimer({ provider, operation: request.operation });
    try {
      const response = await pool.request({
        method: request.method,
        path: `${pathPrefix}${request.path}${search}`,
        headers,
        body,
      });
      const text = await response.body.text();
      const contentType = String(response.headers['content-type'] ?? '');
      let json: unknown;
      if (text !== '' && (contentType.includes('json') || /^\s*[[{]/.test(text))) {
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
      }
      metrics.upstreamRequests.inc({ provider, operation: request.operation, status: String(response.statusCode) });
      const result = { status: response.statusCode, headers: response.headers, contentType, text, json };
      if (RETRY_STATUSES.has(result.status)) throw new TransientStatus(result);
      return result;
    } catch (error) {
      if (error instanceof TransientStatus) throw error;
      const mapped = mapTransportError(provider, error);
      metrics.upstreamRequests.inc({ provider, operation: request.operation, status: mapped.code === 'PROVIDER_TIMEOUT' ? 'timeout' : 'network_error' });
      throw mapped;
    } finally {
      stopTimer();
    }
  }

  return {
    async request(request) {
      const idempotent = request.idempotent ?? ['GET', 'PUT', 'DELETE'].includes(request.method);
      try {
        // Non-idempotent calls still go through the breaker, never through retry.
        return await (idempotent ? idempotentPolicy : breaker).execute(() => once(request));
      } catch (error) {
        if (error instanceof TransientStatus) return error.response;
        if (error instanceof BrokenCircuitError) {
          throw new GatewayError('PROVIDER_UNAVAILABLE', `${provider} is failing; calls are paused for a few seconds`, {
            provider,
            retryable: true,
            retryAfterMs: limits.breakerHalfOpenAfterMs,
          });
        }
        throw error;
      }
    },
    close: () => pool.close(),
  };
}

function mapTransportError(provider: ProviderKey, error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new GatewayError('PROVIDER_TIMEOUT', `${provider} did not answer in time`, { provider, cause: error });
  }
  return new GatewayError('PROVIDER_UNAVAILABLE', `${provider} could not be reached`, { provider, cause: error });
}
