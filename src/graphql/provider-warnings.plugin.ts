import type { ApolloServerPlugin } from '@apollo/server';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { drainProviderWarnings, enterFieldPath } from '../observability/data-warnings.js';
import type { GatewayMetrics } from '../observability/metrics.js';
import { currentRequestScope } from '../observability/request-scope.js';
import type { GatewayContext } from './context.js';
import { wrapFieldResolvers } from './wrap-field-resolvers.js';

/**
 * Provider-data warnings (issue 9, item 2) to the caller and to Prometheus.
 *
 * - Path: {@link trackFieldPaths} (on the schema) makes each field's `info.path` the current field
 *   path before its resolver runs (data-warnings.ts), so a warning raised by the provider call a
 *   resolver starts carries that field's response path. A DataLoader batch serving several fields
 *   reports the path of the first field that asked; a cached answer raises no second warning.
 * - Response: the request's folded warnings go into `extensions.warnings`, each
 *   `{ path, provider, operation, field, kind, count }` (never a provider value), and into
 *   `gateway_provider_data_warnings_total{provider,operation,kind}` by their counts.
 */
export function providerWarningsPlugin(metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      // Captured here: the scope of this HTTP request (server.ts, onRequest).
      const scope = currentRequestScope();
      return {
        async willSendResponse({ response }) {
          const warnings = drainProviderWarnings(scope);
          if (warnings.length === 0) return;
          for (const warning of warnings) {
            metrics.providerDataWarnings.inc({ provider: warning.provider, operation: warning.operation, kind: warning.kind }, warning.count);
          }
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = {
            ...result.extensions,
            warnings: warnings.map(({ path, provider, operation, field, kind, count }) => ({
              path: path ?? null,
              provider,
              operation,
              field,
              kind,
              count,
            })),
          };
        },
      };
    },
  };
}

const tracked = new WeakSet<GraphQLSchema>();

/**
 * Wraps the resolver of every field that has one so that its `info.path` is the current field path
 * while it runs (the path of {@link providerWarningsPlugin}'s warnings). A field resolved by
 * graphql-js's default resolver reads a property and starts no provider call, so it is left alone:
 * entering a path costs an AsyncLocalStorage `enterWith`, ~2,000 times in the reference query
 * (issue 17). A lazily read property (an account page's `totalCount`) that warns reports the path of
 * the field that returned its object — the connection. On the schema rather than as the plugin's
 * `willResolveField`: that hook makes Apollo wrap every field with its own dispatcher (a listener
 * walk, an argument object and a completion callback per field), which was a visible share of a
 * 20-customer query's CPU (issue 17, docs/performance.md). Idempotent; the schema object is shared by
 * every server in the process.
 */
export function trackFieldPaths(schema: GraphQLSchema): GraphQLSchema {
  return wrapFieldResolvers(schema, tracked, (resolve) => {
    if (resolve === defaultFieldResolver) return undefined;
    return (source, args, context, info) => {
      enterFieldPath(info.path);
      return resolve(source, args, context, info);
    };
  });
}
