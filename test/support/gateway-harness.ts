import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { loadConfig } from '../../src/config.js';
import { startGateway, type GatewayOptions, type RunningGateway } from '../../src/gateway.js';
import { createLogger } from '../../src/observability/logger.js';
import type { AnyProviderModule } from '../../src/providers/module.js';
import { DEFAULT_MODULES } from '../../src/providers/modules.js';

export interface GraphQLResponse<T> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  data: T | null | undefined;
  errors: Array<{ message: string; path?: Array<string | number>; extensions: Record<string, unknown> }> | undefined;
  extensions?: Record<string, unknown>;
}

/**
 * Who a test request is sent as. Default: the sandbox key (every scope). `anonymous: true` sends
 * no credentials; `headers` replaces the credentials (another API key, a bearer token).
 */
export interface CallerOptions {
  anonymous?: boolean;
  headers?: Record<string, string>;
}

export interface TestGateway extends RunningGateway {
  /** The sandbox API key this gateway accepts (every scope). */
  apiKey: string;
  /** `{ 'x-api-key': apiKey }`, for tests that send raw HTTP requests to /graphql. */
  authHeaders: Record<string, string>;
  graphql<T = Record<string, unknown>, V = Record<string, unknown>>(
    document: string | TypedDocumentNode<T, V>,
    variables?: V,
    as?: CallerOptions,
  ): Promise<GraphQLResponse<T>>;
}

export interface TestGatewayOptions extends Partial<GatewayOptions> {
  /** Environment variables besides SANDBOX=true and LOG_LEVEL=silent. */
  env?: NodeJS.ProcessEnv;
  /** The provider modules (default DEFAULT_MODULES); a test provider is one more entry. */
  modules?: readonly AnyProviderModule[];
}

/**
 * The gateway on port 0 with the sandbox on free ports, as `npm start` runs it, for end-to-end
 * tests over real HTTP. Requests go with the sandbox API key unless a test opts out.
 */
export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const { env, modules, ...rest } = options;
  const apiKey = env?.SANDBOX_API_KEY ?? `test_${randomBytes(18).toString('base64url')}`;
  // The transaction store (created on first use) goes to a directory of this gateway's own, removed on close.
  const storeDir = join(tmpdir(), `gateway-test-${randomBytes(6).toString('hex')}`);
  const config = {
    ...loadConfig({ SANDBOX: 'true', LOG_LEVEL: 'silent', SANDBOX_API_KEY: apiKey, TRANSACTION_STORE_DIR: storeDir, ...env }, modules ?? DEFAULT_MODULES),
    port: 0,
  };
  const started = await startGateway({ config, logger: options.logger ?? createLogger('silent'), ...rest });
  const gateway: RunningGateway = {
    ...started,
    async close(closeOptions) {
      const result = await started.close(closeOptions);
      await rm(storeDir, { recursive: true, force: true });
      return result;
    },
  };
  const authHeaders = { 'x-api-key': apiKey };
  return {
    ...gateway,
    apiKey,
    authHeaders,
    async graphql(document, variables, as = {}) {
      const credentials = as.anonymous ? {} : (as.headers ?? authHeaders);
      const response = await request(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...credentials },
        body: JSON.stringify({ query: typeof document === 'string' ? document : print(document), variables }),
      });
      const body = (await response.body.json()) as { data?: unknown; errors?: GraphQLResponse<never>['errors']; extensions?: Record<string, unknown> };
      return {
        status: response.statusCode,
        headers: response.headers,
        data: body.data as never,
        errors: body.errors,
        ...(body.extensions ? { extensions: body.extensions } : {}),
      };
    },
  };
}
