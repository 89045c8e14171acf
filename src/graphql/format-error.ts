import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, GatewayError, type ErrorCode } from '../domain/errors.js';
import type { Logger } from '../observability/logger.js';

/** Apollo's own codes for a request that could not run; all are the caller's input. */
const APOLLO_INPUT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

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

/**
 * The one place errors become `extensions` (STYLE.md, habit 5). Every error leaves with a code from
 * ERROR_CODES and `retryable`; anything unexpected is masked and logged with the request id.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof GatewayError) {
      // An INTERNAL GatewayError wraps a bug (e.g. a fan-out provider that threw a TypeError): keep its cause in the log.
      if (original.code === 'INTERNAL') logger.error({ err: original.cause ?? original, path: formatted.path }, 'internal error in a GraphQL request');
      return { ...formatted, message: original.message, extensions: gatewayExtensions(original) };
    }
    const apolloCode = formatted.extensions?.code;
    if (typeof apolloCode === 'string' && APOLLO_INPUT_CODES.has(apolloCode)) {
      return { ...formatted, extensions: { code: 'BAD_USER_INPUT', retryable: false } };
    }
    if (typeof apolloCode === 'string' && (ERROR_CODES as readonly string[]).includes(apolloCode)) {
      return { ...formatted, extensions: { code: apolloCode as ErrorCode, retryable: false } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL request');
    return {
      message: 'Internal error; it has been logged with this request id',
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: 'INTERNAL', retryable: false },
    };
  };
}
