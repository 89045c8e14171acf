import type { ZodType } from 'zod/v4';
import { GatewayError } from '../../domain/errors.js';
import type { TokenCache } from '../../auth/token-cache.js';
import type { HttpClient, UpstreamRequest, UpstreamResponse } from '../../http/http-client.js';
import { isExpiredToken, toGatewayError } from './errors.mapper.js';
import type { MastercardRegion } from './region.js';
import { tokenSchema } from './wire.js';

export interface FinicityCredentials {
  partnerId: string;
  partnerSecret: string;
  appKey: string;
}

/** Mastercard: a token is valid 2 h; generate a new one once it is older than 90 min (us-notes.md, Auth). */
export const TOKEN_REFRESH_AFTER_MS = 90 * 60 * 1000;

export interface FinicityClientOptions {
  region: MastercardRegion;
  http: HttpClient;
  tokens: TokenCache;
  credentials: FinicityCredentials;
  now?: () => number;
  /** Extra headers on data calls (AU `Consent-Receipt-Id`), computed per call. */
  dataHeaders?: (request: FinicityRequest) => Record<string, string>;
  /** Region-level reading of a failure (AU: 10215 on a data call means the consent is gone). */
  mapError?: (error: GatewayError, request: FinicityRequest) => GatewayError;
}

/** The customer (and account) whose data a call reads: set on data calls, which CDR consent governs. */
export interface DataScope {
  customerId: string;
  accountId?: string;
}

export interface FinicityRequest extends Omit<UpstreamRequest, 'headers'> {
  /** Statuses that are an answer rather than an error (e.g. 404 → null). */
  accept?: readonly number[];
  /** Set on data calls (accounts, transactions, balances …); absent on customer and consent calls. */
  data?: DataScope;
  /** Operation headers (e.g. consent `Update-By`); the auth headers always win over these. */
  extraHeaders?: Record<string, string>;
}

export interface FinicityClient {
  /** Calls the API with the app key and token; on an expired token refreshes once and retries once. */
  call(request: FinicityRequest): Promise<UpstreamResponse>;
  /** Same, and parses a success body with `schema` (a provider answering off-spec is PROVIDER_UNAVAILABLE). */
  callJson<T>(request: FinicityRequest, schema: ZodType<T>): Promise<T>;
}

/**
 * The Finicity-platform client shared by Mastercard US and AU: authentication, token caching,
 * the 10023 refresh-and-retry, and error mapping. The region supplies header names and paths.
 */
export function createFinicityClient(options: FinicityClientOptions): FinicityClient {
  const { region, http, tokens, credentials } = options;
  const now = options.now ?? Date.now;
  const credentialKey = { namespace: region.provider, parts: [credentials.partnerId, credentials.appKey] };

  async function fetchToken(): Promise<{ token: string; refreshAt: number }> {
    const issuedAt = now();
    const response = await http.request({
      operation: 'auth.token',
      method: 'POST',
      path: '/aggregation/v2/partners/authentication',
      headers: { [region.appKeyHeader]: credentials.appKey },
      body: { partnerId: credentials.partnerId, partnerSecret: credentials.partnerSecret },
    });
    if (response.status !== 200) {
      const error = toGatewayError(region.provider, response, 'authentication');
      // Whatever the provider said, a failed partner authentication is our credentials' problem.
      throw new GatewayError('PROVIDER_AUTH_FAILED', error.message, {
        provider: region.provider,
        providerStatus: response.status,
        ...(error.providerCode === undefined ? {} : { providerCode: error.providerCode }),
        retryable: response.status >= 500,
      });
    }
    const parsed = tokenSchema.safeParse(response.json);
    if (!parsed.success) {
      throw new GatewayError('PROVIDER_UNAVAILABLE', `${region.provider}: authentication answered without a token`, {
        provider: region.provider,
        providerStatus: response.status,
      });
    }
    return { token: parsed.data.token, refreshAt: issuedAt + TOKEN_REFRESH_AFTER_MS };
  }

  async function send(request: FinicityRequest, token: string): Promise<UpstreamResponse> {
    const { accept: _accept, data: _data, extraHeaders, ...upstream } = request;
    return http.request({
      ...upstream,
      headers: {
        ...extraHeaders,
        [region.appKeyHeader]: credentials.appKey,
        [region.appTokenHeader]: token,
        ...options.dataHeaders?.(request),
      },
    });
  }

  async function call(request: FinicityRequest): Promise<UpstreamResponse> {
    let token = await tokens.get(credentialKey, fetchToken);
    let response = await send(request, token);
    if (isExpiredToken(response)) {
      await tokens.invalidate(credentialKey, token);
      token = await tokens.get(credentialKey, fetchToken);
      response = await send(request, token);
    }
    const ok = response.status >= 200 && response.status < 300;
    if (!ok && !(request.accept ?? []).includes(response.status)) {
      const error = toGatewayError(region.provider, response, request.operation);
      throw options.mapError ? options.mapError(error, request) : error;
    }
    return response;
  }

  return {
    call,
    async callJson(request, schema) {
      const response = await call(request);
      const parsed = schema.safeParse(response.json);
      if (!parsed.success) {
        throw new GatewayError('PROVIDER_UNAVAILABLE', `${region.provider}: ${request.operation} answered an unexpected body`, {
          provider: region.provider,
          providerStatus: response.status,
          cause: parsed.error,
        });
      }
      return parsed.data;
    },
  };
}
