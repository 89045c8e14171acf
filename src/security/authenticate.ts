import { GraphQLError } from 'graphql';
import type { Logger } from '../observability/logger.js';
import type { ApiKeyStore } from './api-keys.js';
import type { Caller } from './caller.js';
import type { JwtVerifier } from './jwt.js';

type Headers = Record<string, string | string[] | undefined>;

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: { status: 401, headers: new Map([['www-authenticate', 'Bearer, ApiKey header="X-API-Key"']]) },
    },
  });
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The caller behind a request: `X-API-Key` (looked up by hash) or `Authorization: Bearer <JWT>`.
 * No credentials, an unknown key or an invalid token is UNAUTHENTICATED (HTTP 401); the message
 * never repeats what was sent.
 */
export function createAuthenticator(keys: ApiKeyStore, verifyJwt: JwtVerifier | undefined, logger: Logger) {
  return async (headers: Headers): Promise<Caller> => {
    const apiKey = single(headers['x-api-key']);
    if (apiKey !== undefined) {
      const caller = keys.find(apiKey);
      if (!caller) throw unauthenticated('The X-API-Key is not a key this gateway knows');
      return caller;
    }
    const authorization = single(headers.authorization);
    if (authorization !== undefined) {
      const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(authorization.trim());
      if (!match?.[1]) throw unauthenticated('Authorization must be "Bearer <JWT>"');
      if (!verifyJwt) throw unauthenticated('Bearer tokens are not accepted: no JWT_JWKS_URL is configured');
      try {
        return await verifyJwt(match[1]);
      } catch (error) {
        // jose's error codes (ERR_JWT_EXPIRED, ERR_JWS_SIGNATURE_VERIFICATION_FAILED…) carry no token bytes.
        const code = (error as { code?: string }).code ?? 'invalid';
        logger.debug({ reason: code }, 'bearer token refused');
        throw unauthenticated(`The bearer token was refused (${code})`);
      }
    }
    throw unauthenticated('Credentials required: send X-API-Key or Authorization: Bearer <JWT>');
  };
}
