import type { ZodType } from 'zod/v4';
import type { TokenCache } from '../../auth/token-cache.js';
import type { CaiboCredentials } from './credentials.js';
import { createAuthenticatedClient, type AuthenticatedRequest } from '../../http/authenticated-client.js';
import type { HttpClient, UpstreamResponse } from '../../http/http-client.js';
import { isInvalidToken, toGatewayError } from './errors.mapper.js';
import { parseJsonLossless } from './lossless-json.js';
import { loginSchema } from './wire.js';

const PROVIDER = 'CAIBO_IPG' as const;

/**
 * How long before `expireDate` a login token stops being used: a minute, or a tenth of a short
 * lifetime, so a request never leaves with a token that expires on the way.
 */
export const TOKEN_REFRESH_MARGIN_MS = 60_000;

export function refreshAtOf(issuedAt: number, expiresAt: number): number {
  const lifetime = expiresAt - issuedAt;
  return expiresAt - Math.min(TOKEN_REFRESH_MARGIN_MS, Math.max(0, lifetime) / 10);
}

export interface CaiboClientOptions {
  http: HttpClient;
  tokens: TokenCache;
  credentials: CaiboCredentials;
  /** Identifies the credential in the token cache together with the email (one login per base URL). */
  baseUrl: string;
  now?: () => number;
}

export type CaiboRequest = Omit<AuthenticatedRequest, 'headers' | 'accept'>;

export interface CaiboClient {
  /** A 2xx answer, or the provider's error as a GatewayError. */
  call(request: CaiboRequest): Promise<UpstreamResponse>;
  /** Same, and parses the body (ids kept exact) with `schema`; an off-spec body is PROVIDER_UNAVAILABLE. */
  callJson<T>(request: CaiboRequest, schema: ZodType<T, unknown>): Promise<T>;
}

/**
 * Caibo's two ways in (caibo-notes.md, Auth), configured onto the one authenticated client (src/http):
 * - `X-API-Key: caibo_test_sk_…` on every API call (docs.caibo.digital/ipg/authentication): no token;
 * - `POST /auth/login {"email","password"}` → `{accessToken, expireDate}`, then
 *   `Authorization: Bearer {accessToken}`. The token is cached in the keyv token cache until shortly
 *   before `expireDate`; a 401 `invalid_token` answer drops it, logs in once more and retries once.
 */
export function createCaiboClient(options: CaiboClientOptions): CaiboClient {
  const { credentials } = options;
  return createAuthenticatedClient<CaiboRequest>({
    provider: PROVIDER,
    http: options.http,
    tokens: options.tokens,
    ...(options.now ? { now: options.now } : {}),
    ...(credentials.kind === 'login'
      ? {
          token: {
            credential: { namespace: PROVIDER, parts: [options.baseUrl, credentials.email.toLowerCase()] },
            login: () => ({
              operation: 'auth.login',
              method: 'POST',
              path: '/auth/login',
              body: { email: credentials.email, password: credentials.password },
            }),
            okStatuses: [200],
            readToken(response, issuedAt) {
              const parsed = loginSchema.safeParse(parseJsonLossless(response.text));
              const expiresAt = parsed.success ? Date.parse(parsed.data.expireDate) : Number.NaN;
              if (!parsed.success || Number.isNaN(expiresAt)) return undefined;
              return { token: parsed.data.accessToken, refreshAt: refreshAtOf(issuedAt, expiresAt) };
            },
          },
        }
      : {}),
    headers: (_request, token): Record<string, string> =>
      credentials.kind === 'apiKey' ? { 'x-api-key': credentials.apiKey } : { authorization: `Bearer ${token}` },
    isTokenRejected: (response) => credentials.kind === 'login' && isInvalidToken(response),
    toError: (response, what) => toGatewayError(response, what),
    parse: (response) => parseJsonLossless(response.text),
  });
}
