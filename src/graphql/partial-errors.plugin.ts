import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context.js';
import { logFault } from '../errors/fault-log.js';
import { encodeGlobalId, type NativeRef } from '../domain/global-id.js';
import { gatewayExtensions } from './format-error.js';

/** `customerId` / `accountId` (global IDs) of a fault that is one customer's or one account's. */
function subjectExtensions(customer: NativeRef | null | undefined, account: NativeRef | null | undefined): Record<string, string> {
  return {
    ...(customer ? { customerId: encodeGlobalId(customer) } : {}),
    ...(account ? { accountId: encodeGlobalId(account) } : {}),
  };
}

/**
 * Resolvers that return partial results (a fan-out where one provider failed) record the failure
 * in the context; this plugin adds each one to the response's `errors`, so a client that only
 * reads `errors` still learns that data is missing.
 */
export function partialErrorsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operationName }) {
          if (contextValue.partialErrors.length === 0 || response.body.kind !== 'single') return;
          // The context's logger carries the request id; the operation name is added here, as on every error line.
          const log = operationName ? contextValue.logger.child({ operationName }) : contextValue.logger;
          // A fault that is one customer's or account's names it (global IDs), as its `extensions` do.
          for (const { error, path, customer, account } of contextValue.partialErrors) {
            logFault(log, error, { path, ...subjectExtensions(customer, account) }, 'provider missing from a partial result');
          }
          const added = contextValue.partialErrors.map(({ error, path, customer, account }) =>
            new GraphQLError(error.message, { path, extensions: { ...gatewayExtensions(error), ...subjectExtensions(customer, account) } }).toJSON(),
          );
          const result = response.body.singleResult;
          result.errors = [...(result.errors ?? []), ...added];
        },
      };
    },
  };
}
