import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ObpError, userNotLoggedIn } from './errors.js';
import type { ObpUser } from './model.js';
import type { ObpStore } from './store.js';

/** OBP's `token_expiration_weeks` default: 4 weeks (obp-notes.md, Auth). */
export const DEFAULT_TOKEN_TTL_SECONDS = 4 * 7 * 24 * 3600;

const LOGIN_PARAMETERS = ['username', 'password', 'consumer_key'] as const;

/**
 * The parameters of a DirectLogin header value, read the way OBP reads them: an optional leading
 * `DirectLogin` word (the deprecated `Authorization: DirectLogin …` form), then `key=value` pairs
 * separated by commas, each trimmed, values with or without double quotes
 * (meta.auth.directLogin: `DirectLogin: username=U, password=P, consumer_key=K`). Like OBP, a
 * comma inside a value is a separator; we split on the first `=` only, so base64 padding survives.
 */
export function parseDirectLoginParameters(value: string): Map<string, string> {
  const parameters = new Map<string, string>();
  const body = value.trim().replace(/^DirectLogin\b/, '');
  for (const part of body.split(',')) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const eq = trimmed.indexOf('=');
    const key = (eq < 0 ? trimmed : trimmed.slice(0, eq)).trim();
    const raw = eq < 0 ? '' : trimmed.slice(eq + 1).trim();
    parameters.set(key, raw.replace(/^"(.*)"$/, '$1'));
  }
  return parameters;
}

/**
 * Where the DirectLogin parameters of a request are: the `DirectLogin` header (preferred) or
 * `Authorization: DirectLogin …` (deprecated, still accepted; obp-notes.md, Auth). `undefined`
 * when the request carries neither.
 */
function directLoginValue(headers: IncomingHttpHeaders): { value: string } | { authorizationScheme: string } | undefined {
  const direct = headers['directlogin'];
  if (typeof direct === 'string') return { value: direct };
  const authorization = headers.authorization;
  if (typeof authorization === 'string') {
    if (/^DirectLogin\b/.test(authorization.trim())) return { value: authorization };
    return { authorizationScheme: authorization.trim().split(/\s+/)[0] ?? '' };
  }
  return undefined;
}

interface IssuedToken {
  userId: string;
  consumerKey: string;
  expiresAtMs: number;
}

export interface DirectLoginService {
  /** `POST /my/logins/direct`: returns the new token or throws the OBP error. */
  login(headers: IncomingHttpHeaders): string;
  /** The user behind a request's DirectLogin token, or the OBP error (20001/20002/20003). */
  authenticate(headers: IncomingHttpHeaders): ObpUser;
  /** Sandbox control: every token issued so far is expired (OBP-20003 from now on); returns how many were live. */
  expireAll(): number;
}

export interface DirectLoginOptions {
  store: ObpStore;
  consumerKey: string;
  tokenTtlSeconds: number;
  now: () => number;
}

export function createDirectLoginService(options: DirectLoginOptions): DirectLoginService {
  const tokens = new Map<string, IssuedToken>();
  /** userId|consumerKey -> the one token still valid for that pair. */
  const latest = new Map<string, string>();

  const issue = (user: ObpUser, consumerKey: string): string => {
    // Shaped like OBP's (JWT-like) tokens; opaque to clients either way.
    const segment = (bytes: number): string => randomBytes(bytes).toString('base64url');
    const token = `eyJhbGciOiJIUzI1NiJ9.${segment(48)}.${segment(32)}`;
    const pair = `${user.userId}|${consumerKey}`;
    // OBP keeps only the last token issued for a user+consumer (meta.auth.directLogin.notes).
    const previous = latest.get(pair);
    if (previous !== undefined) tokens.delete(previous);
    latest.set(pair, token);
    tokens.set(token, {
      userId: user.userId,
      consumerKey,
      expiresAtMs: options.now() + options.tokenTtlSeconds * 1000,
    });
    return token;
  };

  return {
    login(headers) {
      const found = directLoginValue(headers);
      if (found === undefined) throw new ObpError('MissingDirectLoginHeader');
      if ('authorizationScheme' in found) throw new ObpError('InvalidDirectLoginHeader');
      const parameters = parseDirectLoginParameters(found.value);
      const missing = LOGIN_PARAMETERS.filter((name) => !parameters.get(name));
      if (missing.length > 0) throw new ObpError('DirectLoginMissingParameters', ` ${missing.join(', ')}`);
      const consumerKey = parameters.get('consumer_key') ?? '';
      if (consumerKey !== options.consumerKey) throw new ObpError('InvalidConsumerKey');
      const user = options.store.userByUsername(parameters.get('username') ?? '');
      if (!user || user.password !== parameters.get('password')) throw new ObpError('InvalidLoginCredentials');
      return issue(user, consumerKey);
    },

    expireAll() {
      let live = 0;
      for (const issued of tokens.values()) {
        if (issued.expiresAtMs > options.now()) live++;
        issued.expiresAtMs = 0;
      }
      return live;
    },

    authenticate(headers) {
      const found = directLoginValue(headers);
      // No DirectLogin credentials at all (or another scheme OBP would try and fail): not logged in.
      if (found === undefined || 'authorizationScheme' in found) throw userNotLoggedIn();
      const token = parseDirectLoginParameters(found.value).get('token');
      if (!token) throw new ObpError('DirectLoginMissingParameters', ' token');
      const issued = tokens.get(token);
      // OBP appends the token to OBP-20003; we never echo credentials (common.md), so the message
      // stops at the constant text.
      if (!issued || issued.expiresAtMs <= options.now()) throw new ObpError('DirectLoginInvalidToken');
      const user = options.store.user(issued.userId);
      if (!user) throw new ObpError('DirectLoginInvalidToken');
      return user;
    },
  };
}
