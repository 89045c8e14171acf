import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError, sendPlainText } from './errors.js';
import type { RegionProfile } from './region.js';

export interface PartnerCredentials {
  partnerId: string;
  partnerSecret: string;
  appKey: string;
}

/** "After five failed attempts to authenticate, your account will be locked" (openbanking-us.yaml CreateToken). */
export const MAX_FAILED_ATTEMPTS = 5;

/** Issues and checks partner tokens; time comes from the simulator's clock so tests can expire them. */
export class TokenAuthority {
  private readonly tokens = new Map<string, number>(); // token -> issued at (epoch ms)
  private failedAttempts = 0;
  issued = 0;

  constructor(
    private readonly profile: RegionProfile,
    private readonly credentials: PartnerCredentials,
    private readonly tokenTtlMs: number,
    private readonly now: () => number,
  ) {}

  get locked(): boolean {
    return this.failedAttempts >= MAX_FAILED_ATTEMPTS;
  }

  unlock(): void {
    this.failedAttempts = 0;
  }

  /** Sandbox control: every token issued so far answers 10023 Expired from now on; returns how many were live. */
  expireAll(): number {
    let live = 0;
    for (const [token, issuedAt] of this.tokens) {
      if (this.now() - issuedAt < this.tokenTtlMs) live++;
      this.tokens.set(token, Number.NEGATIVE_INFINITY);
    }
    return live;
  }

  /** POST /aggregation/v2/partners/authentication */
  handleAuthentication(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const { appKeyHeader } = this.profile;
    const appKey = headerValue(request, appKeyHeader);
    // 10026 / 10027 on the token call (error-examples.json MissingFinicityAppKeyExample, InvalidFinicityAppKeyExample)
    if (appKey === undefined) return sendError(reply, 401, '10026', `Missing parameter (${appKeyHeader})`);
    if (appKey !== this.credentials.appKey) return sendError(reply, 401, '10027', `Invalid parameter (${appKeyHeader})`);
    const body = (request.body ?? {}) as Record<string, unknown>;
    for (const field of ['partnerId', 'partnerSecret'] as const) {
      if (typeof body[field] !== 'string' || (body[field] as string).trim() === '') {
        return sendError(reply, 400, '10005', `Missing parameter (${field})`);
      }
    }
    // 12401 "partner not found", HTTP 404 (openbanking-us.yaml CreateToken 404, PartnerNotFoundExample)
    if (body.partnerId !== this.credentials.partnerId) return sendError(reply, 404, 12401, 'partner not found');
    if (this.locked) {
      // The spec only says the account is locked; 10021 is the documented 401 for a refused partner.
      return sendError(reply, 401, '10021', 'You are not authorized.');
    }
    if (body.partnerSecret !== this.credentials.partnerSecret) {
      this.failedAttempts++;
      return sendError(reply, 401, '10001', 'Invalid credentials');
    }
    this.failedAttempts = 0;
    const token = randomBytes(15).toString('base64url').slice(0, 20);
    this.tokens.set(token, this.now());
    this.issued++;
    return reply.code(200).send({ token });
  }

  /**
   * Checks the app-key and token headers of a data call. Replies with the documented 401 and
   * returns false when they are bad (error-examples.json: 10026, 10024, 10022, 10023).
   */
  authenticate(request: FastifyRequest, reply: FastifyReply): boolean {
    const { appKeyHeader, tokenHeader } = this.profile;
    const appKey = headerValue(request, appKeyHeader);
    if (appKey === undefined) {
      sendError(reply, 401, '10026', `Missing parameter (${appKeyHeader})`);
      return false;
    }
    if (appKey !== this.credentials.appKey) {
      // Real Finicity answers a wrong app key on data calls with a bare text body (us-notes.md, Auth;
      // the spec lists the string "Invalid (Finicity-App-Key)" among the 401 examples).
      sendPlainText(reply, 401, `Invalid (${appKeyHeader})`);
      return false;
    }
    const token = headerValue(request, tokenHeader);
    if (token === undefined) {
      sendError(reply, 401, '10024', `Missing parameter (${tokenHeader})`);
      return false;
    }
    const issuedAt = this.tokens.get(token);
    if (issuedAt === undefined) {
      sendError(reply, 401, '10022', `Invalid (${tokenHeader})`);
      return false;
    }
    if (this.now() - issuedAt >= this.tokenTtlMs) {
      // 10023 Expired (App-Token), HTTP 401 (seed 002, API Status Codes; error-examples.json ExpiredTokenRequest)
      sendError(reply, 401, '10023', `Expired (${tokenHeader})`);
      return false;
    }
    return true;
  }
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const raw = request.headers[name.toLowerCase()];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
