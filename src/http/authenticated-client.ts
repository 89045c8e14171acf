import type { CredentialKey, IssuedToken, TokenCache } from '../auth/token-cache.js';
import { GatewayError } from '../domain/errors.js';
import type { ProviderKey } from '../domain/provider.js';
import type { HttpClient, UpstreamRequest, UpstreamResponse } from './http-client.js';
import { withinRequestDeadline } from './request-deadline.js';

/** One call through an authenticated client: an upstream request without credentials. */
export interface AuthenticatedRequest extends Omit<UpstreamRequest, 'detached' | 'isOutage'> {
  /** Statuses that are an answer rather than an error (e.g. 404 → null). */
  accept?: readonly number[];
}

/** How a provider issues tokens (a login call), for {@link AuthenticatedClientOptions.token}. */
export interface TokenSource {
  /** Identifies the credential in the token cache: its non-secret parts (partner id, username, base URL). */
  credential: CredentialKey;
  /** The login call. It is sent detached from any one GraphQL request (concurrent requests share it). */
  login(): UpstreamRequest;
  /** Statuses of a successful login (Mastercard 200, OBP 201). */
  okStatuses: readonly number[];
  /** The token and when to stop using it, from a successful login; undefined when the answer has no usable token. */
  readToken(response: UpstreamResponse, issuedAtMs: number): IssuedToken | undefined;
}

/** Anything with zod's `safeParse` (zod 3 and zod 4 schemas both fit). */
export interface BodySchema<T> {
  safeParse(input: unknown):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; code: string }> } };
}

export interface AuthenticatedClientOptions<R extends AuthenticatedRequest> {
  provider: ProviderKey;
  http: HttpClient;
  tokens: TokenCache;
  /** How to get a token; absent when every call carries static credentials (Caibo's API key). */
  token?: TokenSource;
  /** The headers that carry the credentials (and any per-call headers) on one call; they win over `request.headers`. */
  headers(request: R, token: string | undefined): Record<string, string>;
  /** The answer means "this token was refused": worth one invalidation, one refresh and one retry. */
  isTokenRejected(response: UpstreamResponse): boolean;
  /** A non-2xx answer as the provider's GatewayError; `what` is the operation (or `login`). */
  toError(response: UpstreamResponse, what: string, request: R | undefined): GatewayError;
  /** Reads a 2xx body for `callJson` (Caibo: lossless, ids beyond 2^53 exact). Default: `response.json`. */
  parse?(response: UpstreamResponse): unknown;
  /** Documented 5xx answers that are not outages, so the circuit breaker does not count them. */
  isOutage?(response: UpstreamResponse): boolean;
  now?: () => number;
}

export interface AuthenticatedClient<R extends AuthenticatedRequest> {
  /**
   * Sends `request` with the provider's credentials: get the cached token (or log in, one login
   * for all concurrent callers) → send → if the provider refused the token, drop it (only if it
   * is still the cached one), get a fresh one and send once more. A 2xx answer (or one in
   * `accept`) is returned; anything else throws the provider's GatewayError.
   */
  call(request: R): Promise<UpstreamResponse>;
  /** Same, and parses the body with `schema`; an off-spec body is PROVIDER_UNAVAILABLE, never quoted. */
  callJson<T>(request: R, schema: BodySchema<T>): Promise<T>;
}

/**
 * The token-then-call logic every provider shares (issue 10, item 2), composed over the HTTP
 * client's budget, retries and breaker. A provider configures how it logs in, which headers carry
 * the token, which answers mean "token rejected", and how it maps errors; the sequence is here once.
 */
export function createAuthenticatedClient<R extends AuthenticatedRequest>(options: AuthenticatedClientOptions<R>): AuthenticatedClient<R> {
  const { provider, http, tokens, token: source } = options;
  const now = options.now ?? Date.now;
  const isOutage = options.isOutage;

  async function login(): Promise<IssuedToken> {
    const issuedAt = now();
    const request = source!.login();
    const response = await http.request({ ...request, detached: true, ...(isOutage ? { isOutage } : {}) });
    if (!source!.okStatuses.includes(response.status)) throw loginFailure(response, options.toError(response, 'login', undefined));
    const issued = source!.readToken(response, issuedAt);
    if (issued === undefined) {
      throw new GatewayError('PROVIDER_UNAVAILABLE', `${provider}: login answered without a usable token`, { provider, providerStatus: response.status });
    }
    return issued;
  }

  function send(request: R, token: string | undefined): Promise<UpstreamResponse> {
    const { accept: _accept, headers, ...upstream } = request;
    return http.request({
      operation: upstream.operation,
      method: upstream.method,
      path: upstream.path,
      ...(upstream.query === undefined ? {} : { query: upstream.query }),
      ...(upstream.body === undefined ? {} : { body: upstream.body }),
      ...(upstream.idempotent === undefined ? {} : { idempotent: upstream.idempotent }),
      ...(upstream.binary === undefined ? {} : { binary: upstream.binary }),
      ...(upstream.maxBodyBytes === undefined ? {} : { maxBodyBytes: upstream.maxBodyBytes }),
      ...(isOutage ? { isOutage } : {}),
      headers: { ...headers, ...options.headers(request, token) },
    });
  }

  async function call(request: R): Promise<UpstreamResponse> {
    let response: UpstreamResponse;
    if (source === undefined) {
      response = await send(request, undefined);
    } else {
      // A login is shared by concurrent requests and runs on its own budget; each caller waits for it
      // only until its own request deadline.
      const freshToken = () => withinRequestDeadline(tokens.get(source.credential, login), provider, 'login');
      let token = await freshToken();
      response = await send(request, token);
      if (options.isTokenRejected(response)) {
        await withinRequestDeadline(tokens.invalidate(source.credential, token), provider, 'token refresh');
        token = await freshToken();
        response = await send(request, token);
      }
    }
    const ok = response.status >= 200 && response.status < 300;
    if (!ok && !(request.accept ?? []).includes(response.status)) throw options.toError(response, request.operation, request);
    return response;
  }

  return {
    call,
    async callJson(request, schema) {
      const response = await call(request);
      const parsed = schema.safeParse(options.parse ? options.parse(response) : response.json);
      if (!parsed.success) {
        throw new GatewayError('PROVIDER_UNAVAILABLE', `${provider}: ${request.operation} answered an unexpected body`, {
          provider,
          providerStatus: response.status,
          cause: offSpecSummary(parsed.error.issues),
        });
      }
      return parsed.data;
    },
  };

  /** A refused login is our configuration's problem, whatever status it came with — unless the provider is down. */
  function loginFailure(response: UpstreamResponse, error: GatewayError): GatewayError {
    if (error.code === 'PROVIDER_UNAVAILABLE' || error.code === 'RATE_LIMITED' || response.status >= 500) return error;
    return new GatewayError('PROVIDER_AUTH_FAILED', error.message, {
      provider,
      providerStatus: response.status,
      ...(error.providerCode === undefined ? {} : { providerCode: error.providerCode }),
    });
  }
}

/** Where a body was off-spec, for the log: paths and issue codes only — never the values (they may be personal data). */
function offSpecSummary(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; code: string }>): Error {
  const where = issues.slice(0, 5).map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.code}`);
  return new Error(`off-spec body at ${where.join('; ')}${issues.length > 5 ? ` (+${issues.length - 5} more)` : ''}`);
}
