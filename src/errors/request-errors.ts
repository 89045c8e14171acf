/**
 * Codes for requests refused before GraphQL could run them — the caller's fault at the HTTP or
 * GraphQL-request level (README, "Errors": the error surface). They complement the domain codes in
 * `src/domain/errors.ts`, which describe what happened while a field was resolved.
 *
 * | code | HTTP | when |
 * |---|---|---|
 * | `BAD_REQUEST` | 400 | the body is not a GraphQL request: not JSON, empty, truncated, binary, a `__proto__` key, no `query`, `variables` not a map, a batch |
 * | `PERSISTED_QUERY_NOT_FOUND` | 404 | an Apollo persisted-query hash this gateway has not seen (send the query with it once) |
 * | `PERSISTED_QUERY_HASH_MISMATCH` | 400 | the persisted-query hash is not the SHA-256 of the query sent with it |
 * | `UNAUTHENTICATED` / `FORBIDDEN` | 401 / 403 | no or insufficient caller credentials |
 * | `NOT_FOUND` | 404 | no route at this path |
 * | `METHOD_NOT_ALLOWED` | 405 | the path exists, not with this method (`Allow` lists the ones it has) |
 * | `NOT_ACCEPTABLE` | 406 | the `Accept` header excludes every type the route answers with |
 * | `REQUEST_TIMEOUT` | 408 | the request's headers or body did not arrive in time |
 * | `PAYLOAD_TOO_LARGE` | 413 | a body over the route's limit (1 MiB on `/graphql`) |
 * | `UNSUPPORTED_MEDIA_TYPE` | 415 | a body that is not `application/json` (forms, text, none) |
 * | `REQUEST_HEADER_FIELDS_TOO_LARGE` | 431 | headers over Node's limit (16 KiB) |
 * | `RATE_LIMITED` | 429 | too many requests from this caller |
 */
export const REQUEST_ERROR_CODES = [
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_HASH_MISMATCH',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'NOT_ACCEPTABLE',
  'REQUEST_TIMEOUT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'REQUEST_HEADER_FIELDS_TOO_LARGE',
  'RATE_LIMITED',
] as const;
export type RequestErrorCode = (typeof REQUEST_ERROR_CODES)[number];

const CODE_OF_STATUS: Readonly<Record<number, RequestErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  431: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
};

/** The code of a 4xx refusal; any other 4xx is BAD_REQUEST. Only for statuses below 500. */
export function requestErrorCodeForStatus(status: number): RequestErrorCode {
  return CODE_OF_STATUS[status] ?? 'BAD_REQUEST';
}

/** True for a code that says the caller must change the request (logged at info/debug, never error). */
export function isRequestErrorCode(code: unknown): code is RequestErrorCode {
  return typeof code === 'string' && (REQUEST_ERROR_CODES as readonly string[]).includes(code);
}

export interface ErrorBody {
  errors: Array<{ message: string; extensions: { code: string; retryable: false; requestId?: string } }>;
}

/**
 * The one error shape every route answers with, GraphQL's (`{ errors: [{ message, extensions:
 * { code } }] }`), so a client reads `/graphql` refusals and the other routes' alike. Messages are
 * built from codes and limits only, never from the request's bytes.
 */
export function errorBody(message: string, code: string, requestId?: string): ErrorBody {
  return { errors: [{ message, extensions: { code, retryable: false, ...(requestId === undefined ? {} : { requestId }) } }] };
}
