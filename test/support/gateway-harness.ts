import { request } from 'undici';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { loadConfig } from '../../src/config.js';
import { startGateway, type GatewayOptions, type RunningGateway } from '../../src/gateway.js';
import { createLogger } from '../../src/observability/logger.js';

export interface GraphQLResponse<T> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  data: T | null | undefined;
  errors: Array<{ message: string; path?: Array<string | number>; extensions: Record<string, unknown> }> | undefined;
}

export interface TestGateway extends RunningGateway {
  graphql<T = Record<string, unknown>, V = Record<string, unknown>>(
    document: string | TypedDocumentNode<T, V>,
    variables?: V,
  ): Promise<GraphQLResponse<T>>;
}

/**
 * The gateway on port 0 with the sandbox on free ports, as `npm start` runs it, for end-to-end
 * tests over real HTTP.
 */
export async function startTestGateway(options: Partial<GatewayOptions> & { env?: NodeJS.ProcessEnv } = {}): Promise<TestGateway> {
  const config = { ...loadConfig({ SANDBOX: 'true', LOG_LEVEL: 'silent', ...options.env }), port: 0 };
  const gateway = await startGateway({ config, logger: options.logger ?? createLogger('silent'), ...options });
  return {
    ...gateway,
    async graphql(document, variables) {
      const response = await request(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: typeof document === 'string' ? document : print(document), variables }),
      });
      const body = (await response.body.json()) as { data?: unknown; errors?: GraphQLResponse<never>['errors'] };
      return {
        status: response.statusCode,
        headers: response.headers,
        data: body.data as never,
        errors: body.errors,
      };
    },
  };
}
