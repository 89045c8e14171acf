import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { isProviderKey, type ProviderKey } from '../domain/provider.js';
import { isScope, type Caller } from './caller.js';
import type { SecurityConfig } from './security-config.js';

export type JwtVerifier = (token: string) => Promise<Caller>;

/** Space-separated string (`scope`, RFC 8693) or an array (`scp`, Azure AD). Unknown values are ignored. */
function claimValues(payload: JWTPayload, claim: string): string[] {
  const value = payload[claim];
  if (typeof value === 'string') return value.split(' ').filter((item) => item !== '');
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/**
 * Bearer JWTs from the identity provider, verified with `jose` against the JWKS at JWT_JWKS_URL
 * (keys cached and re-fetched on an unknown `kid`), with the configured issuer and audience.
 * Scopes come from JWT_SCOPE_CLAIM; providers from JWT_PROVIDERS_CLAIM (absent = all).
 * Throws on any invalid token; the caller turns that into UNAUTHENTICATED.
 */
export function createJwtVerifier(options: NonNullable<SecurityConfig['jwt']>): JwtVerifier {
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 5000 });
  return async (token) => {
    const { payload } = await jwtVerify(token, jwks, {
      ...(options.issuer ? { issuer: options.issuer } : {}),
      ...(options.audience ? { audience: options.audience } : {}),
    });
    const providers = claimValues(payload, options.providersClaim);
    return {
      id: `jwt:${payload.sub ?? 'unknown'}`,
      kind: 'jwt',
      scopes: new Set(claimValues(payload, options.scopeClaim).filter(isScope)),
      providers: payload[options.providersClaim] === undefined ? null : new Set(providers.filter(isProviderKey) as ProviderKey[]),
    };
  };
}
