import type { ApolloServerPlugin } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import cors from '@fastify/cors';
import Keyv from 'keyv';
import type { Logger } from '../observability/logger.js';
import { costPlugin } from './cost/cost.plugin.js';
import { createCostRateLimiter } from './cost/rate-limit.js';
import { createApiKeyStore } from './api-keys.js';
import { createAuthenticator } from './authenticate.js';
import type { Caller } from './caller.js';
import { createJwtVerifier } from './jwt.js';
import type { GraphQLSchema } from 'graphql';
import { graphqlRequestsOf } from './graphql-body.js';
import { createQueryLimitCheck } from './query-limits.js';
import { enforceTrustedDocument, loadTrustedDocuments } from './trusted-documents.js';
import type { SecurityConfig } from './security-config.js';

export type { Caller } from './caller.js';
export { registryForCaller } from './caller-registry.js';
export { guardFieldsByScope } from './field-rules.js';
export { createCallbackUrlPolicy, guardCallbackUrls, type CallbackUrlPolicy } from './callback-urls.js';
export type { SecurityConfig } from './security-config.js';

export interface Security {
  /** The caller behind these request headers; throws UNAUTHENTICATED (HTTP 401). */
  authenticate(headers: Record<string, string | string[] | undefined>): Promise<Caller>;
  /** Options to spread into `new ApolloServer({...})`. */
  apolloOptions: {
    introspection: boolean;
    hideSchemaDetailsFromClientErrors: boolean;
    parseOptions: { maxTokens: number };
    plugins: ApolloServerPlugin<any>[];
  };
  /** HTTP-level parts: CORS for the configured origins, SIGHUP key reload (removed when the server closes). */
  register<L extends FastifyBaseLogger>(
    app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, L>,
    schema: GraphQLSchema,
    graphqlPath: string,
  ): Promise<void>;
}

/**
 * Everything of issue 11 the server wires in one place (README, "Access and limits"): caller
 * authentication, introspection policy, query limits, upstream-cost budget and rate limit, CORS.
 * `store` is the keyv store shared with the token cache (CACHE_URL), for per-caller rate limits.
 */
export async function createSecurity(config: SecurityConfig, logger: Logger, store: Keyv = new Keyv()): Promise<Security> {
  const keys = await createApiKeyStore(config.apiKeysFile, config.sandboxApiKey);
  const trusted = config.trustedDocuments ? await loadTrustedDocuments(config.trustedDocuments) : undefined;
  const authenticate = createAuthenticator(keys, config.jwt ? createJwtVerifier(config.jwt) : undefined, logger);
  return {
    authenticate,
    apolloOptions: {
      introspection: config.introspection,
      // "Did you mean …" would reveal the schema that introspection hides.
      hideSchemaDetailsFromClientErrors: !config.introspection,
      parseOptions: { maxTokens: config.limits.maxTokens },
      plugins: [
        costPlugin({
          budget: config.limits.costBudget,
          limiter: createCostRateLimiter(store, config.limits.costPerMinute, (error) =>
            logger.warn({ err: error }, 'rate-limit store unreachable; the per-caller limit is not applied'),
          ),
        }),
      ],
    },
    async register(app, schema, graphqlPath) {
      // Query limits before Apollo parses and validates (src/security/query-limits.ts says why here).
      const checkQueryLimits = createQueryLimitCheck(schema, config.limits);
      app.addHook('preHandler', async (request, reply) => {
        if (request.routeOptions.url !== graphqlPath) return;
        for (const params of graphqlRequestsOf(request.method, request.body, request.query)) {
          if (trusted) {
            const refused = enforceTrustedDocument(trusted, params);
            if (refused) {
              request.log.info('GraphQL operation refused: not a trusted document');
              return reply.code(403).type('application/json; charset=utf-8').send({ errors: [refused.toJSON()] });
            }
          }
          if (typeof params.query !== 'string') continue;
          const refused = checkQueryLimits(params.query);
          if (!refused) continue;
          request.log.info({ reason: refused.message }, 'GraphQL document refused by the query limits');
          return reply.code(400).type('application/json; charset=utf-8').send({ errors: [refused.toJSON()] });
        }
        return undefined;
      });
      // No CORS_ORIGINS: no CORS headers at all, so browsers keep other origins out. Apollo's CSRF
      // prevention stays on either way (a simple cross-site form POST is refused before it runs).
      if (config.corsOrigins.length > 0) {
        await app.register(cors, {
          origin: config.corsOrigins,
          methods: ['GET', 'POST'],
          allowedHeaders: ['content-type', 'x-api-key', 'authorization', 'apollo-require-preflight', 'x-request-id'],
          exposedHeaders: ['x-request-id', 'retry-after'],
          maxAge: 600,
        });
      }
      const reload = (): void => {
        keys.reload().then(
          (count) => logger.info({ keys: count }, 'API keys reloaded (SIGHUP)'),
          (error: unknown) => logger.error({ err: error }, 'API keys not reloaded; the previous keys stay in force'),
        );
      };
      process.on('SIGHUP', reload);
      app.addHook('onClose', async () => {
        process.off('SIGHUP', reload);
      });
    },
  };
}
