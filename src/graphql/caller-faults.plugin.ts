import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type ValidationRule } from 'graphql';
import { currentRequestScope } from '../observability/request-scope.js';

/** A GraphQL name (spec §2.1.9), at most 100 characters: safe to put on a log line. */
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/**
 * Refuses an operation type the schema has no root for (`subscription …` here) at validation, so it
 * is a 400 BAD_USER_INPUT like any other invalid document instead of an execution error that
 * graphql-js reports as "Schema is not configured to execute subscription operation".
 * (graphql-js 17 ships this rule as `KnownOperationTypesRule`; graphql 16 does not.)
 */
export const knownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return;
    context.reportError(
      new GraphQLError(`This gateway has no ${node.operation} operations; send a query or a mutation`, { nodes: node }),
    );
  },
});

/**
 * Two things about refused GraphQL requests the formatter cannot do alone:
 * - records the operation name in the request scope, so every error log line of the request names it;
 * - answers an unknown persisted-query hash with HTTP 404 instead of Apollo's 200: a GraphQL
 *   response without `data` is a 4xx (GraphQL over HTTP), and 404 rather than 400 because
 *   Apollo Client's persisted-query link switches persisted queries off after a 400 while it
 *   retries with the full query on any status that carries PERSISTED_QUERY_NOT_FOUND.
 */
export function callerFaultsPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart({ request }) {
      const scope = currentRequestScope();
      if (scope && request.operationName && OPERATION_NAME.test(request.operationName)) scope.operationName = request.operationName;
      return {
        async didResolveOperation({ operationName }) {
          if (scope && operationName) scope.operationName = operationName;
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const codes = (response.body.singleResult.errors ?? []).map((error) => error.extensions?.code);
          if (response.body.singleResult.data === undefined && codes.includes('PERSISTED_QUERY_NOT_FOUND')) response.http.status = 404;
        },
      };
    },
  };
}
