import { GatewayError, type ErrorCode } from '../../domain/errors.js';
import type { UpstreamResponse } from '../../http/http-client.js';
import { errorCodeForStatus, retryAfterMsOf, scrubProviderMessage, undocumentedAnswerError } from '../../http/upstream-status.js';
import { parseJsonLossless } from './lossless-json.js';
import { caiboErrorSchema, problemDetailsSchema } from './wire.js';

/**
 * Caibo answers errors in two shapes (seed 003): RFC 7807 `ProblemDetails` for 400/401 (ASP.NET
 * style, `errors` keyed by camelCase field or JSON path such as `$.name`, `client.email`), and
 * `{"error":{"code":"CUSTOMER_NOT_FOUND",…}}` for a missing customer ("Error Handling"). A path the
 * API does not have answers a bare 404. `providerCode` is the ProblemDetails `type` or the `error.code`.
 */
const PROVIDER = 'CAIBO_IPG' as const;

export const statusToCode = (status: number): ErrorCode =>
  // 413/415: the gateway built a request Caibo refuses; nothing the caller can change.
  errorCodeForStatus(status, { 413: 'INTERNAL', 415: 'INTERNAL' });

/**
 * Caibo's request member names, where the gateway's input calls them differently. Unlisted names keep
 * their own (`name`, `email`, `address`, `phone`, `memberId`, `amount`, `notifyUrl`, …).
 */
const INPUT_NAME_OF: Record<string, string> = { unit: 'currency', clientId: 'customerId', client: 'customerId' };

/** `$.client.email` / `client.email` / `Name` → `input.customerId` / `input.name`; null for `$` or ``. */
export function inputFieldOf(providerKey: string): string | null {
  const path = providerKey.replace(/^\$\.?/, '');
  if (path === '') return null;
  const [head = '', ...rest] = path.split('.');
  const name = head.charAt(0).toLowerCase() + head.slice(1);
  const mapped = INPUT_NAME_OF[name];
  if (mapped !== undefined) return `input.${mapped}`;
  return `input.${[name, ...rest].join('.')}`;
}

export interface CaiboErrorBody {
  providerCode: string | undefined;
  message: string | undefined;
  /** The first field a validation problem names, as a gateway input path. */
  field: string | undefined;
}

/**
 * Reads Caibo's two documented error shapes. Undefined for anything else — including a bare 404,
 * which is what an unknown path answers (no route, not "no such record") — except a 401 carrying a
 * `WWW-Authenticate` challenge (RFC 6750 §3, ASP.NET's JwtBearer answers without a body).
 */
export function readErrorBody(response: UpstreamResponse): CaiboErrorBody | undefined {
  const json = parseJsonLossless(response.text);
  const caibo = caiboErrorSchema.safeParse(json);
  if (caibo.success) {
    return { providerCode: caibo.data.error.code, message: scrubProviderMessage(caibo.data.error.message), field: undefined };
  }
  const problem = problemDetailsSchema.safeParse(json);
  if (problem.success && (problem.data.type != null || problem.data.title != null)) {
    const [key, messages] = Object.entries(problem.data.errors ?? {})[0] ?? [];
    const field = key === undefined ? undefined : (inputFieldOf(key) ?? undefined);
    const fieldMessage = messages?.[0];
    return {
      providerCode: problem.data.type ?? undefined,
      message: scrubProviderMessage(fieldMessage ?? problem.data.detail ?? problem.data.title),
      field,
    };
  }
  if (response.status === 401 && response.headers['www-authenticate'] !== undefined) {
    return { providerCode: undefined, message: undefined, field: undefined };
  }
  return undefined;
}

export function toGatewayError(response: UpstreamResponse, what: string): GatewayError {
  const body = readErrorBody(response);
  if (body === undefined) return undocumentedAnswerError(PROVIDER, response, what);
  const code = statusToCode(response.status);
  const retryAfterMs = retryAfterMsOf(response);
  return new GatewayError(code, `${PROVIDER}: ${what} failed${body.message ? `: ${body.message}` : ''}`, {
    provider: PROVIDER,
    providerStatus: response.status,
    ...(body.providerCode === undefined ? {} : { providerCode: body.providerCode }),
    ...(code === 'BAD_USER_INPUT' && body.field !== undefined ? { field: body.field } : {}),
    ...(code === 'RATE_LIMITED' && retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}

/**
 * A bearer token the API no longer accepts: 401 with `WWW-Authenticate: Bearer error="invalid_token"`
 * (RFC 6750 §3.1; ASP.NET's JwtBearer handler adds `error_description="The token expired"`). Worth one
 * new login and one retry; any other 401 (bad API key, no credentials) is not.
 */
export function isInvalidToken(response: UpstreamResponse): boolean {
  if (response.status !== 401) return false;
  const header = response.headers['www-authenticate'];
  const challenges = Array.isArray(header) ? header.join(', ') : (header ?? '');
  return /error="invalid_token"/i.test(challenges);
}
