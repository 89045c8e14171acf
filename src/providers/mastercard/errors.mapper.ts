import { GatewayError, type ErrorCode } from '../../domain/errors.js';
import type { ProviderKey } from '../../domain/provider.js';
import type { UpstreamResponse } from '../../http/http-client.js';
import { errorCodeForStatus, retryAfterMsOf, scrubProviderMessage, undocumentedAnswerError } from '../../http/upstream-status.js';
import { errorSchema } from './wire.js';

/**
 * Finicity-platform error codes onto unified codes. Sources: us-notes.md (Errors), the US spec's
 * error examples, and the AU "API Status Codes" section (seed 002).
 */
const CODE_MAP: Record<string, ErrorCode> = {
  '10001': 'PROVIDER_AUTH_FAILED', // invalid partner credentials
  '10005': 'BAD_USER_INPUT', // missing parameter
  '10010': 'BAD_USER_INPUT', // field validation
  '10021': 'PROVIDER_AUTH_FAILED',
  '10022': 'PROVIDER_AUTH_FAILED', // invalid token
  '10023': 'PROVIDER_AUTH_FAILED', // expired token (refreshed and retried once before it gets here)
  '10024': 'PROVIDER_AUTH_FAILED', // missing token
  '10026': 'PROVIDER_AUTH_FAILED', // missing app key
  '10027': 'PROVIDER_AUTH_FAILED', // invalid app key
  '14001': 'NOT_FOUND', // customer or resource not found
  '14003': 'PROVIDER_AUTH_FAILED', // partner not found: our configuration, not the caller's input
  '14006': 'NOT_FOUND', // institution not found
  '14023': 'NOT_FOUND', // invalid customer id
  '38003': 'NOT_FOUND', // customer has no accounts / account not found
  '38007': 'NOT_FOUND',
  '110002': 'CONFLICT', // username taken
  '110039': 'BAD_USER_INPUT', // username policy (AU answers it with HTTP 500)
  '11000': 'CONFLICT', // consumer already exists
  '1201': 'BAD_USER_INPUT', // a reseller partner's consumer without endUser (seed 001, "Reseller Partners")
  '41003': 'BAD_USER_INPUT', // start < 1
  '41004': 'BAD_USER_INPUT', // limit < 1
  // 42000 "Testing customer limit exceeded." (HTTP 400): retrying cannot help, deleting can.
  '42000': 'CONFLICT',
  '20400': 'RATE_LIMITED', // report limit
  // AU: account still being aggregated (HTTP 500): the data appears once aggregation ends.
  '325': 'PROVIDER_UNAVAILABLE',
  '5006': 'PROVIDER_UNAVAILABLE',
  '18001': 'REPORT_NOT_READY',
  '10100': 'BAD_USER_INPUT', // invalid parameter, e.g. an inactive ABN (AU)
  // Consent receipt not found (openbanking-us.yaml DataSharingConsentNotFoundError). On a data call
  // that carried `Consent-Receipt-Id` the AU adapter turns it into CONSENT_REVOKED (consent-book.ts).
  '10215': 'NOT_FOUND',
};

/** Until the first aggregation finishes; the AU docs give no figure, so 30 s is a polite first retry. */
const AGGREGATING_RETRY_AFTER_MS = 30_000;

export const statusToCode = (status: number): ErrorCode => errorCodeForStatus(status);

export interface FinicityErrorBody {
  code: string | undefined;
  message: string | undefined;
}

/**
 * The documented 401 text bodies (openbanking-us.yaml UnauthorizedErrorResponse, text/plain
 * `Invalid (Finicity-App-Key)`; AU's reference app reads 401 bodies as text too): a fixed phrase
 * naming a header, nothing from the request.
 */
const PLAIN_401 = /^(Invalid|Missing|Expired)\s*(parameter\s*)?\((Finicity-)?App-(Key|Token)\)$/i;

/**
 * Reads the Finicity error format: JSON `{code, message}` (us-notes.md, Errors; `code` a number or a
 * string), or a documented text/plain 401. Undefined for anything else (an edge proxy's HTML page,
 * an empty body, JSON without a `code`): such an answer says nothing about the request.
 */
export function readErrorBody(response: UpstreamResponse): FinicityErrorBody | undefined {
  const parsed = errorSchema.safeParse(response.json);
  if (parsed.success && parsed.data.code != null) {
    return { code: String(parsed.data.code), message: parsed.data.message ?? parsed.data.title ?? undefined };
  }
  const text = response.text.trim();
  if (response.status === 401 && response.json === undefined && PLAIN_401.test(text)) return { code: undefined, message: text };
  return undefined;
}

export function toGatewayError(provider: ProviderKey, response: UpstreamResponse, what: string): GatewayError {
  const body = readErrorBody(response);
  if (body === undefined) return undocumentedAnswerError(provider, response, what);
  const mapped = body.code !== undefined ? CODE_MAP[body.code] : undefined;
  // 10100 is a generic "invalid parameter" that the lending endpoints also answer with 404 for a
  // missing consumer (key-endpoint-examples.json, GetConsumerForCustomer): there the status decides.
  const code = mapped === undefined || (mapped === 'BAD_USER_INPUT' && response.status === 404) ? statusToCode(response.status) : mapped;
  const providerMessage = scrubProviderMessage(body.message);
  const aggregating = isAggregating(body);
  const retryAfterMs = aggregating
    ? (retryAfterMsOf(response) ?? AGGREGATING_RETRY_AFTER_MS)
    : code === 'RATE_LIMITED'
      ? retryAfterMsOf(response)
      : undefined;
  return new GatewayError(code, `${provider}: ${what} failed${providerMessage ? `: ${providerMessage}` : ''}`, {
    provider,
    providerStatus: response.status,
    ...(body.code === undefined ? {} : { providerCode: body.code }),
    ...(retryAfterMs === undefined ? {} : { retryable: true, retryAfterMs }),
    // Seed 002: an account in its first aggregation is an expected state, not an outage (logged at info).
    ...(aggregating ? { stillPreparing: true } : {}),
  });
}

const isAggregating = (body: FinicityErrorBody): boolean => body.code === '325' || body.code === '5006';

/** Documented 5xx answers that are not outages (AU 325/5006 aggregating, 110039 username policy): the breaker does not count them. */
export function isOutage(response: UpstreamResponse): boolean {
  const body = readErrorBody(response);
  return body === undefined || !(isAggregating(body) || body.code === '110039');
}

/**
 * A token the provider no longer takes: 10023 expired, or 10022 invalid (e.g. a token another
 * gateway instance cached in a shared CACHE_URL before the partner's tokens were reset). Both are
 * worth one refresh and one retry; a missing token or app key (10024, 10026) is not.
 */
export function isExpiredToken(response: UpstreamResponse): boolean {
  if (response.status !== 401) return false;
  const code = readErrorBody(response)?.code;
  return code === '10023' || code === '10022';
}
