import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context.js';
import { gatewayExtensions } from './format-error.js';

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
          const added = contextValue.partialErrors.map(({ error, path }) =>
            new GraphQLError(error.message, { path, extensions: gatewayExtensions(error) }).toJSON(),
          );
          const result = response.body.singleResult;
          result.errors = [...(result.errors ?? []), ...added];
        },
      };
    },
  };
}
