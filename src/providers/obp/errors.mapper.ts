import { GatewayError, type ErrorCode } from '../../domain/errors.js';
import type { UpstreamResponse } from '../../http/http-client.js';
import { errorCodeForStatus, retryAfterMsOf, scrubProviderMessage, undocumentedAnswerError } from '../../http/upstream-status.js';
import { errorSchema } from './wire.js';

/**
 * OBP error codes whose unified code is not simply the one of their HTTP status. Statuses come
 * from obp-error-messages.json (ErrorMessages.errorToCode; most codes default to 400).
 */
const CODE_MAP: Readonly<Record<string, ErrorCode>> = {
  // Not found, whatever the status OBP gives them.
  'OBP-30001': 'NOT_FOUND', // bank (404)
  'OBP-30002': 'NOT_FOUND', // customer by CUSTOMER_NUMBER (404)
  'OBP-30018': 'NOT_FOUND', // bank account (404)
  'OBP-30046': 'NOT_FOUND', // customer by CUSTOMER_ID (404)
  'OBP-30067': 'NOT_FOUND', // transaction (400 in OBP)
  // Our DirectLogin credentials or token: never the caller's fault.
  'OBP-20001': 'PROVIDER_AUTH_FAILED', // not logged in (401)
  'OBP-20002': 'PROVIDER_AUTH_FAILED', // DirectLogin parameters missing (400)
  'OBP-20003': 'PROVIDER_AUTH_FAILED', // token invalid or expired (401); refreshed and retried once first
  'OBP-20004': 'PROVIDER_AUTH_FAILED', // bad username/password (401)
  'OBP-20008': 'PROVIDER_AUTH_FAILED', // bad consumer key (401)
  'OBP-20013': 'PROVIDER_AUTH_FAILED', // user locked (401)
  // The gateway's OBP user lacks a role or access (seed 004: "User is missing one or more roles").
  'OBP-20006': 'FORBIDDEN', // missing role (403)
  'OBP-20017': 'FORBIDDEN', // no access to the view (403)
  'OBP-20019': 'FORBIDDEN', // no owner view (400 in OBP)
  'OBP-30005': 'FORBIDDEN', // the account has no such view for us (400 in OBP)
  'OBP-30065': 'FORBIDDEN', // cannot find account access (400 in OBP)
  // Conflicts with existing data.
  'OBP-30006': 'CONFLICT', // customer number already exists at the bank (400)
  'OBP-30007': 'CONFLICT', // user already linked to a customer at the bank (400)
  // Not the caller's input: OBP failed, or we called a path this OBP version does not serve.
  'OBP-10404': 'PROVIDER_UNAVAILABLE', // "404 Not Found … the requested URI": never read as "no such record"
  'OBP-50000': 'PROVIDER_UNAVAILABLE', // unknown error (400 by OBP's default)
};

// OBP answers 403 for a missing entitlement (OBP-20006 and kin): the caller may not, not our credentials.
const statusToCode = (status: number): ErrorCode => errorCodeForStatus(status, { 403: 'FORBIDDEN' });

export interface ObpErrorBody {
  /** `OBP-30046`, or undefined when the message carries no OBP code (a few literal messages). */
  obpCode: string | undefined;
  message: string | undefined;
}

/**
 * Reads OBP's error format `{code: <int>, message: "OBP-xxxxx: …"}` (obp-notes.md, Errors;
 * meta.errorBody); the OBP code is the message's prefix. Undefined for anything else (an HTML page
 * from a proxy, an empty body): such an answer says nothing about the request.
 */
export function readObpError(response: UpstreamResponse): ObpErrorBody | undefined {
  const parsed = errorSchema.safeParse(response.json);
  if (!parsed.success || typeof parsed.data.message !== 'string') return undefined;
  const message = parsed.data.message;
  const obpCode = /^(OBP-\d{5,6})\b/.exec(message)?.[1];
  return { obpCode, message };
}

/** Codes whose messages may append credentials (OBP-20003 appends the token itself). */
const CREDENTIAL_CODES = new Set(['OBP-20001', 'OBP-20002', 'OBP-20003', 'OBP-20004', 'OBP-20008', 'OBP-20013']);

/**
 * OBP messages append context after the constant text (meta.runtimeErrorMessageFormats): ids, role
 * names, and for OBP-20003 the token. Credential errors keep only their code; the others are scrubbed.
 */
export function safeObpMessage(obpCode: string | undefined, message: string | undefined): string | undefined {
  if (obpCode !== undefined && CREDENTIAL_CODES.has(obpCode)) return `${obpCode}: the gateway's DirectLogin credentials or token were refused`;
  return scrubProviderMessage(message);
}

export function toGatewayError(response: UpstreamResponse, what: string): GatewayError {
  const body = readObpError(response);
  if (body === undefined) return undocumentedAnswerError('OBP', response, what);
  const code = (body.obpCode !== undefined ? CODE_MAP[body.obpCode] : undefined) ?? statusToCode(response.status);
  const message = safeObpMessage(body.obpCode, body.message);
  return new GatewayError(code, `OBP: ${what} failed${message ? `: ${message}` : ''}`, {
    provider: 'OBP',
    providerStatus: response.status,
    ...(body.obpCode === undefined ? {} : { providerCode: body.obpCode }),
    ...(code === 'RATE_LIMITED' ? retryHint(response) : {}),
  });
}

function retryHint(response: UpstreamResponse): { retryAfterMs?: number } {
  const retryAfterMs = retryAfterMsOf(response);
  return retryAfterMs === undefined ? {} : { retryAfterMs };
}

/**
 * Our token was not accepted: OBP-20003 (invalid or expired, also what a token superseded by a newer
 * login gets), OBP-20001, or any other 401 on a data call. Worth one refresh and one retry.
 */
export function isRejectedToken(response: UpstreamResponse): boolean {
  return response.status === 401;
}
