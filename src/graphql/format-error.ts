import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, GatewayError } from '../domain/errors.js';
import { logFault } from '../errors/fault-log.js';
import { isRequestErrorCode, requestErrorCodeForStatus } from '../errors/request-errors.js';
import type { Logger } from '../observability/logger.js';
import { currentRequestScope } from '../observability/request-scope.js';

/** Apollo's codes for a document that cannot run as sent; all are the caller's input. */
const APOLLO_INPUT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE']);

/** Apollo's message for a persisted-query hash that is not the query's SHA-256 (it sets no code). */
const HASH_MISMATCH_MESSAGE = 'provided sha does not match query';

/** Extensions never passed on: Apollo's internals and anything that could carry a stack. */
const DROPPED_EXTENSIONS = new Set(['http', 'stacktrace', 'exception', 'originalError']);

export function gatewayExtensions(error: GatewayError): Record<string, unknown> {
  return {
    code: error.code,
    retryable: error.retryable,
    ...(error.provider === undefined ? {} : { provider: error.provider }),
    ...(error.providerStatus === undefined ? {} : { providerStatus: error.providerStatus }),
    ...(error.providerCode === undefined ? {} : { providerCode: error.providerCode }),
    ...(error.field === undefined ? {} : { field: error.field }),
    ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
  };
}

/** The original error's extensions a caller may see (our own codes' details: `field`, `maxLength`, `cost` …). */
function passedExtensions(formatted: GraphQLFormattedError): Record<string, unknown> {
  return Object.fromEntries(Object.entries(formatted.extensions ?? {}).filter(([key]) => !DROPPED_EXTENSIONS.has(key)));
}

function httpStatusOf(error: unknown): number | undefined {
  const http = error instanceof GraphQLError ? (error.extensions?.http as { status?: unknown } | undefined) : undefined;
  return typeof http?.status === 'number' ? http.status : undefined;
}

/** The public code of an error that is not a GatewayError, or undefined when it is unexpected (INTERNAL). */
function codeOf(formatted: GraphQLFormattedError, error: unknown): string | undefined {
  if (error instanceof GraphQLError && error.message === HASH_MISMATCH_MESSAGE) return 'PERSISTED_QUERY_HASH_MISMATCH';
  const apolloCode = formatted.extensions?.code;
  if (typeof apolloCode !== 'string') return undefined;
  if (APOLLO_INPUT_CODES.has(apolloCode)) return 'BAD_USER_INPUT';
  // Apollo's BAD_REQUEST covers the HTTP request itself; its status says which fault (405 for a GET mutation).
  if (apolloCode === 'BAD_REQUEST') return requestErrorCodeForStatus(httpStatusOf(error) ?? 400);
  if (isRequestErrorCode(apolloCode) || (ERROR_CODES as readonly string[]).includes(apolloCode)) return apolloCode;
  return undefined;
}

/**
 * The one place errors become `extensions` (STYLE.md, habit 5). Every error leaves with a code —
 * a domain code (`src/domain/errors.ts`) or a request code (`src/errors/request-errors.ts`) — and
 * `retryable`. Logging follows one rule (src/errors/fault-log.ts): a caller's fault is logged at info
 * (the request was refused) or debug (one field failed), without a stack; a provider's fault at warn
 * with its cause; anything unexpected is INTERNAL, logged at error with its cause, and its answer
 * carries the request id that the log line carries too. Every line carries
 * the request id and the operation name (request scope).
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const scope = currentRequestScope();
    const log = scope ? logger.child({ reqId: scope.requestId, ...(scope.operationName ? { operationName: scope.operationName } : {}) }) : logger;
    const requestId = scope?.requestId;
    const original = unwrapResolverError(error);
    const internal = (cause: unknown, message: string): GraphQLFormattedError => {
      log.error({ err: cause, path: formatted.path }, message);
      return {
        message: `Internal error; it has been logged with request id ${requestId ?? 'unknown'}`,
        ...(formatted.path ? { path: formatted.path } : {}),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: { code: 'INTERNAL', retryable: false, ...(requestId ? { requestId } : {}) },
      };
    };

    if (original instanceof GatewayError) {
      // An INTERNAL GatewayError wraps a bug (e.g. a fan-out provider that threw a TypeError): keep its cause in the log.
      // Its message is the gateway's own (a dependency down, a bug caught where it happened), so it is kept.
      if (original.code === 'INTERNAL') {
        log.error({ err: original.cause ?? original, path: formatted.path }, 'internal error in a GraphQL request');
        return { ...formatted, message: original.message, extensions: { ...gatewayExtensions(original), ...(requestId ? { requestId } : {}) } };
      }
      logFault(log, original, { path: formatted.path }, 'GraphQL field error', 'debug');
      return { ...formatted, message: original.message, extensions: gatewayExtensions(original) };
    }
    const code = codeOf(formatted, error);
    if (code === undefined || code === 'INTERNAL') return internal(original, 'unexpected error in a GraphQL request');
    // No path: the whole request was refused (parse, validation, persisted query, input limits).
    log[formatted.path ? 'debug' : 'info']({ code, path: formatted.path }, 'GraphQL request error: the caller must change it');
    return { ...formatted, message: withoutVariableValue(formatted.message, error), extensions: { retryable: false, ...passedExtensions(formatted), code } };
  };
}

/**
 * graphql-js prints a variable's whole value into its coercion error (`Variable "$in" got invalid
 * value { firstName: "x", ssn: "…" }; Field "ssn" is not defined …`). The value is the caller's own,
 * but it can hold an SSN or a full account number, which never appear in an error message: keep the
 * variable and the reason (graphql-js keeps the reason as the error's `originalError`).
 */
function withoutVariableValue(message: string, error: unknown): string {
  const variable = /^Variable "(\$[A-Za-z_][A-Za-z0-9_]*)" got invalid value /.exec(message)?.[1];
  if (variable === undefined) return message;
  const reason = error instanceof GraphQLError ? error.originalError?.message : undefined;
  return `Variable "${variable}" got an invalid value${reason ? `: ${reason}` : ''}`;
}
