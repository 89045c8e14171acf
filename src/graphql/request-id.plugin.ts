import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from './context.js';

/** Echoes the request id in the response, so a caller can quote it when reporting a problem. */
export function requestIdPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          response.http.headers.set('x-request-id', contextValue.requestId);
        },
      };
    },
  };
}
