import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fieldOf, isPlainObject, readJsonBody } from './json-body.js';
import { isoSeconds, problem, sendProblem, validationProblem, type FieldErrors } from './problem-details.js';

/**
 * Caibo's two ways in (caibo-notes.md, Auth):
 *   - API calls: header `X-API-Key` (docs.caibo.digital/ipg/authentication; the iframe guide spells it
 *     `X-API-KEY`, which is the same header since HTTP header names are case-insensitive).
 *   - Control panel: `POST /auth/login {"email","password"}` -> `{"accessToken":"<JWT>","expireDate":…}`,
 *     then `Authorization: Bearer {accessToken}`.
 * Contradiction: the issue brief and seed 003's examples say the API uses bearer tokens, the API docs say
 * `X-API-Key`. The simulator accepts either on every API route (an ASP.NET app with both schemes as
 * policy would), except `PUT /users/{userId}/apikey`, which is a control-panel call and takes only a
 * bearer token, as documented.
 */

export interface CaiboCredentials {
  apiKey: string;
  email: string;
  password: string;
}

export type AuthRequirement = 'none' | 'api' | 'bearer';

interface IssuedToken {
  expiresAtMs: number;
  userId: number;
}

export interface CaiboAuth {
  /** The merchant's API key in force (rotatable through `PUT /users/{userId}/apikey`). */
  apiKey(): string;
  /** Checks the request's credentials; answers 401 itself and returns false when they fail. */
  authorize(request: FastifyRequest, reply: FastifyReply, requirement: AuthRequirement): boolean;
  /** Successful logins so far (for stats). */
  readonly logins: () => number;
  resetLogins(): void;
  /**
   * Sandbox control: every access token issued by `POST /auth/login` expires now (401
   * invalid_token); returns how many were live. API keys do not expire.
   */
  expireTokens(): number;
  /** Only `POST /auth/login` and `PUT /users/{userId}/apikey`. */
  register(app: FastifyInstance): void;
}

export function createCaiboAuth(options: {
  credentials: CaiboCredentials;
  userId: number;
  accessTokenTtlSeconds: number;
  now: () => number;
}): CaiboAuth {
  let currentApiKey = options.credentials.apiKey;
  let logins = 0;
  const tokens = new Map<string, IssuedToken>();
  // Signs the sandbox's JWTs; per instance, so tokens never outlive the simulator that issued them.
  const jwtSecret = randomBytes(32);

  const issueToken = (): { accessToken: string; expireDate: string } => {
    const issuedAt = options.now();
    const expiresAtMs = issuedAt + options.accessTokenTtlSeconds * 1000;
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = base64url(
      JSON.stringify({
        sub: String(options.userId),
        email: options.credentials.email,
        iat: Math.floor(issuedAt / 1000),
        exp: Math.floor(expiresAtMs / 1000),
        jti: randomBytes(8).toString('hex'),
      }),
    );
    const signature = createHmac('sha256', jwtSecret).update(`${header}.${payload}`).digest('base64url');
    const accessToken = `${header}.${payload}.${signature}`;
    tokens.set(accessToken, { expiresAtMs, userId: options.userId });
    return { accessToken, expireDate: isoSeconds(new Date(expiresAtMs)) };
  };

  const unauthorized = (reply: FastifyReply, detail: string, challenge: string): false => {
    void sendProblem(reply.header('www-authenticate', challenge), problem(401, detail));
    return false;
  };

  const checkBearer = (request: FastifyRequest, reply: FastifyReply): boolean => {
    const header = request.headers.authorization;
    const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match?.[1] === undefined) return unauthorized(reply, 'Authentication is required.', 'Bearer');
    const token = tokens.get(match[1]);
    if (token === undefined) {
      return unauthorized(reply, 'The access token is invalid.', 'Bearer error="invalid_token"');
    }
    if (options.now() >= token.expiresAtMs) {
      tokens.delete(match[1]);
      // ASP.NET's JwtBearer handler puts the reason in the challenge; clients can tell expiry apart.
      return unauthorized(
        reply,
        'The access token has expired.',
        'Bearer error="invalid_token", error_description="The token expired"',
      );
    }
    return true;
  };

  return {
    apiKey: () => currentApiKey,
    logins: () => logins,
    resetLogins: () => {
      logins = 0;
    },
    expireTokens: () => {
      let live = 0;
      for (const token of tokens.values()) {
        if (token.expiresAtMs > options.now()) live++;
        token.expiresAtMs = 0;
      }
      return live;
    },
    authorize: (request, reply, requirement) => {
      if (requirement === 'none') return true;
      if (requirement === 'bearer') return checkBearer(request, reply);
      const apiKey = request.headers['x-api-key'];
      // A request that names an API key is judged by it alone; otherwise it needs a bearer token.
      if (apiKey !== undefined) {
        const value = Array.isArray(apiKey) ? apiKey[0] : apiKey;
        if (value !== undefined && safeEqual(value, currentApiKey)) return true;
        return unauthorized(reply, 'The API key is invalid.', 'ApiKey');
      }
      if (request.headers.authorization === undefined) {
        return unauthorized(reply, 'An X-API-Key header or a bearer access token is required.', 'Bearer');
      }
      return checkBearer(request, reply);
    },
    register: (app) => {
      app.post('/auth/login', async (request, reply) => {
        const body = readJsonBody(request);
        if (!body.ok) return sendProblem(reply, body.problem);
        const login = readLogin(body.value);
        if (!login.ok) return sendProblem(reply, validationProblem(login.errors));
        const emailMatches = login.email.toLowerCase() === options.credentials.email.toLowerCase();
        if (!emailMatches || !safeEqual(login.password, options.credentials.password)) {
          // Undocumented: the body of a failed login was not seen; a ProblemDetails 401 without any hint
          // of which half was wrong.
          return sendProblem(reply, problem(401, 'Invalid email or password.'));
        }
        logins += 1;
        return reply.code(200).send(issueToken());
      });

      app.put<{ Params: { userId: string } }>('/users/:userId/apikey', async (request, reply) => {
        if (!/^\d+$/.test(request.params.userId)) {
          return sendProblem(reply, validationProblem({ userId: [`The value '${request.params.userId}' is not valid.`] }));
        }
        const token = tokenOf(request, tokens);
        if (token === undefined || Number(request.params.userId) !== token.userId) {
          return sendProblem(reply, problem(403, 'You can only rotate your own API key.'));
        }
        currentApiKey = `caibo_test_sk_${randomBytes(24).toString('hex')}`;
        // "returns the new key as a JSON string" (caibo-notes.md, Auth).
        return reply.code(200).type('application/json; charset=utf-8').send(JSON.stringify(currentApiKey));
      });
    },
  };
}

function readLogin(value: unknown): { ok: true; email: string; password: string } | { ok: false; errors: FieldErrors } {
  if (!isPlainObject(value)) return { ok: false, errors: { $: ['The JSON value could not be converted to LoginRequest. Path: $'] } };
  const errors: FieldErrors = {};
  const email = fieldOf(value, 'email');
  const password = fieldOf(value, 'password');
  if (typeof email !== 'string' || email.trim() === '') errors.email = ['The email field is required.'];
  if (typeof password !== 'string' || password === '') errors.password = ['The password field is required.'];
  if (typeof email !== 'string' || typeof password !== 'string' || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, email, password };
}

function tokenOf(request: FastifyRequest, tokens: Map<string, IssuedToken>): IssuedToken | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1] === undefined ? undefined : tokens.get(match[1]);
}

function safeEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}
