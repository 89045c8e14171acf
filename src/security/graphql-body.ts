/** One GraphQL request as it arrives over HTTP (GraphQL over HTTP: POST JSON body or GET query string). */
export interface GraphQLRequestParams {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

/** The GraphQL requests in a fastify request to /graphql: the body (one or a batch) or the GET query string. */
export function graphqlRequestsOf(method: string, body: unknown, query: unknown): GraphQLRequestParams[] {
  const source = method === 'GET' ? query : body;
  if (Array.isArray(source)) return source.filter((item): item is GraphQLRequestParams => typeof item === 'object' && item !== null);
  return typeof source === 'object' && source !== null ? [source as GraphQLRequestParams] : [];
}
