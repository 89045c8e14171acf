import type { ZodType } from 'zod/v4';
import type { TokenCache } from '../../auth/token-cache.js';
import type { ObpCredentials } from './credentials.js';
import { GatewayError } from '../../domain/errors.js';
import { createAuthenticatedClient, type AuthenticatedRequest } from '../../http/authenticated-client.js';
import type { HttpClient, UpstreamResponse } from '../../http/http-client.js';
import { isRejectedToken, toGatewayError } from './errors.mapper.js';
import { tokenSchema } from './wire.js';

/**
 * OBP's default DirectLogin lifetime is 4 weeks (`token_expiration_weeks`, obp-notes.md, Auth), but
 * a server may configure less and we cannot see it. We stop using a token after one week: rare
 * logins matter because every login invalidates the user's previous token, and a shorter server
 * lifetime is caught by the OBP-20003 refresh anyway.
 */
export const TOKEN_REFRESH_AFTER_MS = 7 * 24 * 3600 * 1000;

export interface DirectLoginClientOptions {
  http: HttpClient;
  tokens: TokenCache;
  credentials: ObpCredentials;
  /** The OBP server's base URL: part of the token cache key, so two OBP servers never share a token. */
  baseUrl: string;
  now?: () => number;
}

/** An OBP call; `headers` carries OBP's query headers (`obp_limit` …), never credentials. */
export type ObpRequest = Omit<AuthenticatedRequest, 'accept'>;

export interface DirectLoginClient {
  /** Calls OBP with the DirectLogin token; a refused token is refreshed once and the call retried once; a non-2xx answer becomes a GatewayError. */
  call(request: ObpRequest): Promise<UpstreamResponse>;
  /** Same, and a 2xx body is parsed with `schema`. */
  callJson<T>(request: ObpRequest, schema: ZodType<T, unknown>): Promise<T>;
}

/**
 * A DirectLogin parameter value. OBP's own docs quote the values (`username="janeburel", …`) and
 * split the header on commas, so a value with a comma or a quote cannot be sent at all.
 */
function quoted(name: string, value: string): string {
  if (/[",]/.test(value)) {
    throw new GatewayError('PROVIDER_AUTH_FAILED', `OBP: the configured DirectLogin ${name} contains a comma or a quote, which DirectLogin cannot carry`, {
      provider: 'OBP',
    });
  }
  return `${name}="${value}"`;
}

/**
 * DirectLogin, configured onto the one authenticated client (src/http).
 * (obp-notes.md, Auth): `POST /my/logins/direct` with
 * `DirectLogin: username=…, password=…, consumer_key=…` → 201 `{token}`; data calls send
 * `DirectLogin: token=…`.
 *
 * OBP keeps only the newest token of a user+consumer, so every login invalidates the token every
 * other holder of these credentials uses. Tokens therefore go through the shared token cache:
 * - in one process, concurrent cold calls share one login (the cache's single-flight), and a burst
 *   of OBP-20003 answers for the same stale token causes one login, not one per request (the cache
 *   only drops the token that was refused, and later callers find the fresh one);
 * - with `CACHE_URL=redis://…`, gateway instances read the same token, so a login by one instance
 *   is picked up by the others instead of each logging in and invalidating its neighbours.
 * What the shared cache does not give: a lock across instances. Two instances whose cache entry
 * expires in the same instant can both log in; the older token then fails once with OBP-20003, its
 * holder drops it (only if the cache still holds it) and re-reads the cache, finding the newer
 * token unless its own store raced last, in which case one more refresh settles it. The long
 * refresh interval keeps such races rare; a Redis SET-NX lock would remove them.
 */
export function createDirectLoginClient(options: DirectLoginClientOptions): DirectLoginClient {
  const { credentials } = options;
  return createAuthenticatedClient<ObpRequest>({
    provider: 'OBP',
    http: options.http,
    tokens: options.tokens,
    ...(options.now ? { now: options.now } : {}),
    token: {
      credential: { namespace: 'OBP', parts: [options.baseUrl, credentials.consumerKey, credentials.username] },
      login: () => ({
        operation: 'auth.directLogin',
        method: 'POST',
        // No /obp/vX prefix and an empty body (obp-notes.md, Auth).
        path: '/my/logins/direct',
        headers: {
          DirectLogin: [
            quoted('username', credentials.username),
            quoted('password', credentials.password),
            quoted('consumer_key', credentials.consumerKey),
          ].join(', '),
        },
      }),
      okStatuses: [201, 200],
      readToken(response, issuedAt) {
        const parsed = tokenSchema.safeParse(response.json);
        return parsed.success ? { token: parsed.data.token, refreshAt: issuedAt + TOKEN_REFRESH_AFTER_MS } : undefined;
      },
    },
    headers: (_request, token): Record<string, string> => ({ DirectLogin: `token=${token}` }),
    isTokenRejected: isRejectedToken,
    toError: (response, what) => toGatewayError(response, what === 'login' ? 'DirectLogin' : what),
  });
}
