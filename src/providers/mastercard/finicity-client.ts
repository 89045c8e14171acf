import type { ZodType } from 'zod/v4';
import type { TokenCache } from '../../auth/token-cache.js';
import { GatewayError } from '../../domain/errors.js';
import { createAuthenticatedClient, type AuthenticatedRequest } from '../../http/authenticated-client.js';
import type { HttpClient, UpstreamResponse } from '../../http/http-client.js';
import { isExpiredToken, isOutage, toGatewayError } from './errors.mapper.js';
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
  /**
   * Extra headers on data calls (AU `Consent-Receipt-Id`), computed per call before it is sent; may
   * read the shared store (the consent book) or make a call of its own.
   */
  dataHeaders?: (request: FinicityRequest) => Promise<Record<string, string>>;
  /** Region-level reading of a failure (AU: 10215 on a data call means the consent is gone). */
  mapError?: (error: GatewayError, request: FinicityRequest) => Promise<GatewayError>;
}

/** The customer (and account) whose data a call reads: set on data calls, which CDR consent governs. */
export interface DataScope {
  customerId: string;
  accountId?: string;
}

export interface FinicityRequest extends Omit<AuthenticatedRequest, 'headers'> {
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
 * The Finicity-platform client shared by Mastercard US and AU, configured onto the one
 * authenticated client (src/http): partner authentication
 * (`POST /aggregation/v2/partners/authentication`, seed 002 Authentication), the app key and token
 * headers the region names, a refresh-and-retry on 10023 (expired) or 10022 (invalid) tokens, and
 * the Finicity error mapping.
 */
export function createFinicityClient(options: FinicityClientOptions): FinicityClient {
  const { region, credentials } = options;
  const { provider } = region;
  const inner = createAuthenticatedClient<FinicityRequest>({
    provider,
    http: options.http,
    tokens: options.tokens,
    ...(options.now ? { now: options.now } : {}),
    token: {
      credential: { namespace: provider, parts: [credentials.partnerId, credentials.appKey] },
      login: () => ({
        operation: 'auth.token',
        method: 'POST',
        path: '/aggregation/v2/partners/authentication',
        headers: { [region.appKeyHeader]: credentials.appKey },
        body: { partnerId: credentials.partnerId, partnerSecret: credentials.partnerSecret },
      }),
      okStatuses: [200],
      readToken(response, issuedAt) {
        const parsed = tokenSchema.safeParse(response.json);
        return parsed.success ? { token: parsed.data.token, refreshAt: issuedAt + TOKEN_REFRESH_AFTER_MS } : undefined;
      },
    },
    headers: (request, token) => ({
      ...request.extraHeaders,
      [region.appKeyHeader]: credentials.appKey,
      ...(token === undefined ? {} : { [region.appTokenHeader]: token }),
    }),
    isTokenRejected: isExpiredToken,
    toError: (response, what) => toGatewayError(provider, response, what === 'login' ? 'authentication' : what),
    isOutage,
  });
  const { dataHeaders, mapError } = options;
  if (!dataHeaders && !mapError) return inner;

  /** The region's data headers join the operation's own (the auth headers still win over both). */
  async function prepare(request: FinicityRequest): Promise<FinicityRequest> {
    if (!dataHeaders || !request.data) return request;
    const extra = await dataHeaders(request);
    return Object.keys(extra).length === 0 ? request : { ...request, extraHeaders: { ...request.extraHeaders, ...extra } };
  }
  async function mapped(error: unknown, request: FinicityRequest): Promise<never> {
    if (!mapError || !(error instanceof GatewayError)) throw error;
    throw await mapError(error, request);
  }
  return {
    async call(request) {
      const prepared = await prepare(request);
      return inner.call(prepared).catch((error: unknown) => mapped(error, prepared));
    },
    async callJson(request, schema) {
      const prepared = await prepare(request);
      return inner.callJson(prepared, schema).catch((error: unknown) => mapped(error, prepared));
    },
  };
}
