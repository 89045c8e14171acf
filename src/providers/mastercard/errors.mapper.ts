import { GatewayError, type ErrorCode } from '../../domain/errors.js';
import type { ProviderKey } from '../../domain/provider.js';
import type { UpstreamResponse } from '../../http/http-client.js';
import { errorCodeForStatus, retryAfterMsOf } from '../../http/upstream-status.js';
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

/** Reads `{code, message}` from JSON, or the text/plain 401 (`Invalid (Finicity-App-Key)`). */
export function readErrorBody(response: UpstreamResponse): FinicityErrorBody {
  const parsed = errorSchema.safeParse(response.json);
  if (parsed.success && (parsed.data.code != null || parsed.data.message != null)) {
    return {
      code: parsed.data.code == null ? undefined : String(parsed.data.code),
      message: parsed.data.message ?? parsed.data.title ?? undefined,
    };
  }
  const text = response.text.trim();
  return { code: undefined, message: text === '' ? undefined : text.slice(0, 200) };
}

/** Provider text can echo identifiers; long digit runs (account numbers, SSNs) never pass through. */
export function safeProviderMessage(message: string | undefined): string | undefined {
  return message?.replace(/\d{6,}/g, (digits) => `…${digits.slice(-4)}`).slice(0, 300);
}

export function toGatewayError(provider: ProviderKey, response: UpstreamResponse, what: string): GatewayError {
  const body = readErrorBody(response);
  const mapped = body.code !== undefined ? CODE_MAP[body.code] : undefined;
  // 10100 is a generic "invalid parameter" that the lending endpoints also answer with 404 for a
  // missing consumer (key-endpoint-examples.json, GetConsumerForCustomer): there the status decides.
  const code = mapped === undefined || (mapped === 'BAD_USER_INPUT' && response.status === 404) ? statusToCode(response.status) : mapped;
  const providerMessage = safeProviderMessage(body.message);
  const aggregating = body.code === '325' || body.code === '5006';
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
  });
}

/**
 * A token the provider no longer takes: 10023 expired, or 10022 invalid (e.g. a token another
 * gateway instance cached in a shared CACHE_URL before the partner's tokens were reset). Both are
 * worth one refresh and one retry; a missing token or app key (10024, 10026) is not.
 */
export function isExpiredToken(response: UpstreamResponse): boolean {
  if (response.status !== 401) return false;
  const code = readErrorBody(response).code;
  return code === '10023' || code === '10022';
}
