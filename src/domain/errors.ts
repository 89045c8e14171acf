import type { ProviderKey } from './provider.js';

/** The public error codes (ARCHITECTURE.md, Errors). `extensions.code` is always one of these. */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'UNSUPPORTED_BY_PROVIDER',
  'PROVIDER_AUTH_FAILED',
  'PROVIDER_UNAVAILABLE',
  'PROVIDER_TIMEOUT',
  'RATE_LIMITED',
  // A document over a query limit or the upstream-cost budget, refused before it runs (src/security).
  'QUERY_TOO_COMPLEX',
  'CONSENT_REVOKED',
  'REPORT_NOT_READY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes a caller may retry without changing the request. */
const RETRYABLE_BY_DEFAULT: ReadonlySet<ErrorCode> = new Set([
  'PROVIDER_UNAVAILABLE',
  'PROVIDER_TIMEOUT',
  'RATE_LIMITED',
  'REPORT_NOT_READY',
]);

export interface GatewayErrorDetails {
  provider?: ProviderKey;
  /** HTTP status the provider answered, when the error came from an upstream call. */
  providerStatus?: number;
  /** The provider's own code: `10023`, `OBP-30046`, a ProblemDetails `type`. */
  providerCode?: string;
  /** Input field the error is about (`input.username`), for BAD_USER_INPUT. */
  field?: string;
  retryable?: boolean;
  /** When retrying makes sense, how long to wait first. */
  retryAfterMs?: number;
  /**
   * The provider is still preparing what was asked for, a documented state that ends by itself
   * (a Mastercard AU account in its first aggregation, 325/5006, seed 002 "API Status Codes"):
   * retryable and not a fault, so it is logged at info without a stack (src/errors/fault-log.ts).
   */
  stillPreparing?: boolean;
  cause?: unknown;
}

/**
 * The one error family of the gateway. Adapters throw it; the GraphQL layer turns it into
 * `extensions` in one place (src/graphql/format-error.ts). Messages never carry request payloads,
 * secrets or personal data: build them from codes and field names only.
 */
export class GatewayError extends Error {
  readonly code: ErrorCode;
  readonly provider: ProviderKey | undefined;
  readonly providerStatus: number | undefined;
  readonly providerCode: string | undefined;
  readonly field: string | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly stillPreparing: boolean;

  constructor(code: ErrorCode, message: string, details: GatewayErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'GatewayError';
    this.code = code;
    this.provider = details.provider;
    this.providerStatus = details.providerStatus;
    this.providerCode = details.providerCode;
    this.field = details.field;
    this.retryable = details.retryable ?? RETRYABLE_BY_DEFAULT.has(code);
    this.retryAfterMs = details.retryAfterMs;
    this.stillPreparing = details.stillPreparing ?? false;
  }
}

export function badInput(message: string, field?: string): GatewayError {
  return new GatewayError('BAD_USER_INPUT', message, field === undefined ? {} : { field });
}

export function unsupported(provider: ProviderKey, what: string): GatewayError {
  return new GatewayError('UNSUPPORTED_BY_PROVIDER', `${provider} does not support ${what}`, { provider });
}

/** An answer of "no such object" as null; every other failure still throws. */
export function nullWhenNotFound<T>(promise: Promise<T>): Promise<T | null> {
  return promise.catch((error: unknown) => {
    if (error instanceof GatewayError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
}

export function notFound(message: string, provider?: ProviderKey): GatewayError {
  return new GatewayError('NOT_FOUND', message, provider === undefined ? {} : { provider });
}

/**
 * Whose fault an error is, which decides how it is logged (src/errors/fault-log.ts): `caller` — the
 * request names something wrong, absent or not allowed, or asks too early (info/debug, no stack);
 * `provider` — an upstream failed or refused the gateway's own credentials (warn, with the cause);
 * `internal` — a bug or a dependency of the gateway (error, with the cause); `nobody` — a state the
 * provider documents and ends by itself (`stillPreparing`: an AU account in its first aggregation;
 * info, no stack).
 */
export type FaultOwner = 'caller' | 'provider' | 'internal' | 'nobody';

const PROVIDER_FAULTS: ReadonlySet<ErrorCode> = new Set(['PROVIDER_AUTH_FAILED', 'PROVIDER_UNAVAILABLE', 'PROVIDER_TIMEOUT']);

export function faultOwner(error: GatewayError): FaultOwner {
  if (error.code === 'INTERNAL') return 'internal';
  if (error.stillPreparing) return 'nobody';
  if (PROVIDER_FAULTS.has(error.code)) return 'provider';
  // A provider's own rate limit is its fault seen from the caller; the gateway's per-caller limit is not.
  if (error.code === 'RATE_LIMITED' && error.provider !== undefined) return 'provider';
  return 'caller';
}
