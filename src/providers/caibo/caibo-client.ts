import type { ZodType, ZodTypeDef } from 'zod';
import type { TokenCache } from '../../auth/token-cache.js';
import type { CaiboCredentials } from '../../config.js';
import { GatewayError } from '../../domain/errors.js';
import type { HttpClient, UpstreamRequest, UpstreamResponse } from '../../http/http-client.js';
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

export type CaiboRequest = Omit<UpstreamRequest, 'headers'>;

export interface CaiboClient {
  /** A 2xx answer, or the provider's error as a GatewayError. */
  call(request: CaiboRequest): Promise<UpstreamResponse>;
  /** Same, and parses the body (ids kept exact) with `schema`; an off-spec body is PROVIDER_UNAVAILABLE. */
  callJson<T>(request: CaiboRequest, schema: ZodType<T, ZodTypeDef, unknown>): Promise<T>;
}

/**
 * Caibo's two ways in (caibo-notes.md, Auth):
 * - `X-API-Key: caibo_test_sk_…` on every API call (docs.caibo.digital/ipg/authentication);
 * - `POST /auth/login {"email","password"}` → `{accessToken, expireDate}`, then
 *   `Authorization: Bearer {accessToken}`. The token is cached in the keyv token cache until shortly
 *   before `expireDate`; a 401 `invalid_token` answer drops it, logs in once more and retries once.
 */
export function createCaiboClient(options: CaiboClientOptions): CaiboClient {
  const { http, tokens, credentials } = options;
  const now = options.now ?? Date.now;
  const credentialKey =
    credentials.kind === 'login' ? { namespace: PROVIDER, parts: [options.baseUrl, credentials.email.toLowerCase()] } : null;

  async function login(email: string, password: string): Promise<{ token: string; refreshAt: number }> {
    const issuedAt = now();
    const response = await http.request({ operation: 'auth.login', method: 'POST', path: '/auth/login', body: { email, password } });
    if (response.status !== 200) {
      const error = toGatewayError(response, 'login');
      // A refused login is our configuration's problem whatever the status says (400 = a blank variable).
      throw new GatewayError(response.status >= 500 ? 'PROVIDER_UNAVAILABLE' : 'PROVIDER_AUTH_FAILED', error.message, {
        provider: PROVIDER,
        providerStatus: response.status,
        ...(error.providerCode === undefined ? {} : { providerCode: error.providerCode }),
      });
    }
    const parsed = loginSchema.safeParse(parseJsonLossless(response.text));
    const expiresAt = parsed.success ? Date.parse(parsed.data.expireDate) : Number.NaN;
    if (!parsed.success || Number.isNaN(expiresAt)) {
      throw new GatewayError('PROVIDER_UNAVAILABLE', `${PROVIDER}: login answered without a token and expireDate`, {
        provider: PROVIDER,
        providerStatus: response.status,
      });
    }
    return { token: parsed.data.accessToken, refreshAt: refreshAtOf(issuedAt, expiresAt) };
  }

  function send(request: CaiboRequest, authorization: Record<string, string>): Promise<UpstreamResponse> {
    return http.request({ ...request, headers: authorization });
  }

  async function call(request: CaiboRequest): Promise<UpstreamResponse> {
    let response: UpstreamResponse;
    if (credentials.kind === 'apiKey') {
      response = await send(request, { 'x-api-key': credentials.apiKey });
    } else {
      const key = credentialKey!;
      const fetchToken = () => login(credentials.email, credentials.password);
      let token = await tokens.get(key, fetchToken);
      response = await send(request, { authorization: `Bearer ${token}` });
      if (isInvalidToken(response)) {
        await tokens.invalidate(key, token);
        token = await tokens.get(key, fetchToken);
        response = await send(request, { authorization: `Bearer ${token}` });
      }
    }
    if (response.status < 200 || response.status >= 300) throw toGatewayError(response, request.operation);
    return response;
  }

  return {
    call,
    async callJson(request, schema) {
      const response = await call(request);
      const parsed = schema.safeParse(parseJsonLossless(response.text));
      if (!parsed.success) {
        throw new GatewayError('PROVIDER_UNAVAILABLE', `${PROVIDER}: ${request.operation} answered an unexpected body`, {
          provider: PROVIDER,
          providerStatus: response.status,
          cause: parsed.error,
        });
      }
      return parsed.data;
    },
  };
}
