import type { ErrorCode } from '../domain/errors.js';
import type { UpstreamResponse } from './http-client.js';

/**
 * The unified code an upstream HTTP status means when the provider's body says nothing more
 * specific. Providers differ on a few statuses (OBP's 403 is a missing role, Caibo's 415 is our
 * own bug); they pass those as overrides instead of writing the table again.
 */
export function errorCodeForStatus(status: number, overrides: Readonly<Partial<Record<number, ErrorCode>>> = {}): ErrorCode {
  const override = overrides[status];
  if (override !== undefined) return override;
  if (status === 400 || status === 422) return 'BAD_USER_INPUT';
  // 401: our key or token was refused; 403: our credentials lack a right. Neither is the caller's input.
  if (status === 401 || status === 403) return 'PROVIDER_AUTH_FAILED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'RATE_LIMITED';
  return 'PROVIDER_UNAVAILABLE';
}

/** A hint longer than this is an outage, not a hint: clamped so callers keep polling sanely. */
const MAX_RETRY_AFTER_MS = 10 * 60 * 1000;
const MIN_RETRY_AFTER_MS = 1000;

/** `Retry-After` (delta-seconds or an HTTP date, RFC 9110 §10.2.3) in ms, clamped to 1 s – 10 min. */
export function retryAfterMsOf(response: UpstreamResponse, now: number = Date.now()): number | undefined {
  const raw = response.headers['retry-after'];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!value) return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, MIN_RETRY_AFTER_MS), MAX_RETRY_AFTER_MS);
}
