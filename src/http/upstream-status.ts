import { GatewayError, type ErrorCode } from '../domain/errors.js';
import type { ProviderKey } from '../domain/provider.js';
import type { UpstreamResponse } from './http-client.js';

/**
 * 413/414/431: the body, URL or headers we built from the caller's input were too large for the
 * provider — not an outage, and a retry of the same request cannot succeed (issue 18).
 */
const TOO_LARGE_STATUSES: ReadonlySet<number> = new Set([413, 414, 431]);

/**
 * The unified code an upstream HTTP status means when the provider's body says nothing more
 * specific. Providers differ on a few statuses (OBP's 403 is a missing role, Caibo's 415 is our
 * own bug); they pass those as overrides instead of writing the table again.
 */
export function errorCodeForStatus(status: number, overrides: Readonly<Partial<Record<number, ErrorCode>>> = {}): ErrorCode {
  const override = overrides[status];
  if (override !== undefined) return override;
  if (status === 400 || status === 422) return 'BAD_USER_INPUT';
  if (TOO_LARGE_STATUSES.has(status)) return 'BAD_USER_INPUT';
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

/**
 * Digits (any script's decimal digits) in groups joined by spaces or dashes (ASCII, Unicode dashes,
 * no-break spaces). Digits and separators are disjoint classes, so matching is linear in the message.
 */
const DIGIT_GROUPS = /\p{Nd}+(?:[\s\u2010-\u2015\u2212-]+\p{Nd}+)*/gu;

/** Six digits or more (however grouped) become `…` and the last four digits; shorter numbers stay. */
function maskDigits(group: string): string {
  const digits = group.match(/\p{Nd}/gu) ?? [];
  return digits.length >= 6 ? `…${digits.slice(-4).join('')}` : group;
}

/**
 * A provider's documented error `message`, made fit to quote to a caller and a log line: one line,
 * at most 200 characters, with everything that may be a secret, personal data or an internal
 * detail replaced by `…` — quoted values (providers echo the request), `key=value` credentials,
 * bearer tokens and other long token-like strings, e-mail addresses, URLs and host names, and
 * numbers of six digits or more, also when written in groups joined by spaces or dashes (account
 * and card numbers, SSNs: `123-45-6789`, `1234 5678 9012 3456`, `1234 5678`; the last four digits
 * stay). Dates written with dashes (`2024-01-05`) have eight digits and are masked too: they are
 * rarely what a provider message is about, and a number that is personal data must never pass
 * because it looks like a date. Undefined for nothing.
 */
export function scrubProviderMessage(message: string | null | undefined): string | undefined {
  if (message === null || message === undefined) return undefined;
  const scrubbed = message
    .replace(/<[^>]*>/g, ' ')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/'[^']*'|"[^"]*"/g, "'…'")
    .replace(/\b(Bearer|Basic|Digest|DirectLogin)\s+\S+/gi, '$1 …')
    .replace(/\b(password|passwd|pwd|secret|token|api[_-]?key|app[_-]?key|authorization|consumer[_-]?key|username)\b(\s*[=:]\s*)\S+/gi, '$1$2…')
    .replace(/\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b/g, '…')
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '…')
    .replace(/\b[a-z0-9-]+(\.[a-z0-9-]+){2,}(:\d+)?\b/gi, '…')
    .replace(/(?=[A-Za-z0-9_./+=-]*\d)(?=[A-Za-z0-9_./+=-]*[A-Za-z])[A-Za-z0-9_./+=-]{24,}/g, '…')
    .replace(DIGIT_GROUPS, maskDigits)
    .replace(/\s+/g, ' ')
    .trim();
  if (scrubbed === '') return undefined;
  return scrubbed.length > 200 ? `${scrubbed.slice(0, 199)}…` : scrubbed;
}

/** `text/html`, `application/json` …: the media type only, or `no body`; never a parameter from the header. */
export function bodyKindOf(response: UpstreamResponse): string {
  if (response.text.trim() === '') return 'no body';
  const media = /^\s*([a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+)/i.exec(response.contentType)?.[1]?.toLowerCase();
  return media ?? 'an untyped body';
}

/**
 * An answer whose body is not the provider's documented error shape (issue 9: an edge proxy's HTML
 * 404 during an outage is not "no such customer"): the provider is unavailable, retryable — except
 * a 429, which every edge means the same way. The message is the gateway's own; the body is never
 * quoted, because an HTML page or stack trace can carry host names, paths and secrets.
 */
export function undocumentedAnswerError(provider: ProviderKey, response: UpstreamResponse, what: string): GatewayError {
  if (TOO_LARGE_STATUSES.has(response.status)) {
    // Like 429, every edge means 413/414/431 the same way (often with no body at all: Node's own 431).
    return new GatewayError('BAD_USER_INPUT', `${provider}: ${what} failed: the provider refused the request as too large (HTTP ${response.status})`, {
      provider,
      providerStatus: response.status,
    });
  }
  const retryAfterMs = retryAfterMsOf(response);
  const code: ErrorCode = response.status === 429 ? 'RATE_LIMITED' : 'PROVIDER_UNAVAILABLE';
  return new GatewayError(
    code,
    `${provider}: ${what} failed: the provider answered HTTP ${response.status} with ${bodyKindOf(response)}, not its documented error format`,
    { provider, providerStatus: response.status, retryable: true, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
  );
}
