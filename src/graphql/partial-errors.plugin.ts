import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context.js';
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
        async willSendResponse({ contextValue, response }) {
          if (contextValue.partialErrors.length === 0 || response.body.kind !== 'single') return;
          for (const { error, path } of contextValue.partialErrors) {
            const level = error.code === 'INTERNAL' ? 'error' : 'warn';
            contextValue.logger[level]({ err: error.cause ?? error, code: error.code, provider: error.provider, path }, 'provider missing from a partial result');
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
