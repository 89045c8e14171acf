import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { currentRequestScope } from '../../observability/request-scope.js';
import type { Caller } from '../caller.js';
import { estimateUpstreamCost } from './estimate.js';
import type { CostRateLimiter } from './rate-limit.js';

/** What the plugin reads from the GraphQL context. */
export interface CostContext {
  caller: Caller;
  registry: { enabled(): readonly unknown[] };
}

/** Variables longer than this (as JSON) are estimated afresh each time instead of remembered. */
const MEMO_VARIABLES_CHARS = 512;
/** Estimates remembered per operation (variable values × fan-out widths); the oldest half goes when full. */
const MEMO_ENTRIES_PER_OPERATION = 64;

const estimates = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, Map<string, number>>>();

/**
 * {@link estimateUpstreamCost}, remembered per parsed operation, variable values and fan-out width:
 * the estimate depends on nothing else, and Apollo hands every request with the same document text
 * the same DocumentNode from its document cache, so a repeated request does not walk its document
 * again (issue 17, per-request cost). Operations without variables key on the fan-out width alone.
 */
function memoisedEstimate(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  fanOutProviders: number,
): number {
  const variablesKey = operation.variableDefinitions?.length ? JSON.stringify(variables) : '';
  const key = `${fanOutProviders}|${variablesKey}`;
  let bySchema = estimates.get(schema);
  if (!bySchema) {
    bySchema = new WeakMap();
    estimates.set(schema, bySchema);
  }
  let known = bySchema.get(operation);
  const remembered = known?.get(key);
  if (remembered !== undefined) return remembered;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const estimated = estimateUpstreamCost({ schema, operation, fragments, variables, fanOutProviders });
  if (variablesKey.length > MEMO_VARIABLES_CHARS) return estimated;
  if (!known) {
    known = new Map();
    bySchema.set(operation, known);
  }
  if (known.size >= MEMO_ENTRIES_PER_OPERATION) {
    for (const old of [...known.keys()].slice(0, MEMO_ENTRIES_PER_OPERATION / 2)) known.delete(old);
  }
  known.set(key, estimated);
  return estimated;
}

/**
 * Upstream-cost budget (issue 11, item 4): after validation and before execution, the operation's
 * estimated provider calls (estimate.ts) are checked against the per-request budget
 * (QUERY_TOO_COMPLEX, HTTP 400, stating both) and spent from the caller's per-minute allowance
 * (RATE_LIMITED, HTTP 429 with Retry-After). Every answer reports
 * `extensions.cost: { estimated, budget, upstreamCalls }`, the last being the provider calls the
 * request really made (retries included).
 */
export function costPlugin(options: { budget: number; limiter: CostRateLimiter }): ApolloServerPlugin<CostContext> {
  const { budget, limiter } = options;
  return {
    async requestDidStart() {
      const scope = currentRequestScope();
      const callsBefore = scope?.upstreamCalls ?? 0;
      let estimated: number | undefined;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          estimated = memoisedEstimate(schema, document, operation, request.variables ?? {}, contextValue.registry.enabled().length);
          if (estimated > budget) {
            throw new GraphQLError(
              `Estimated upstream cost ${estimated} exceeds the budget of ${budget} provider calls per request; ask for smaller pages (first), fewer aliases or fewer billable fields`,
              { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } },
            );
          }
          const verdict = await limiter.consume(contextValue.caller.id, estimated);
          if (!verdict.allowed) {
            throw new GraphQLError(
              `Rate limit: this caller has spent ${verdict.used} of its cost units this minute and this request needs ${estimated}; retry after ${verdict.retryAfterSeconds} s`,
              {
                extensions: {
                  code: 'RATE_LIMITED',
                  // Waiting is the fix: the answer is retryable, with the wait the Retry-After header gives.
                  retryable: true,
                  retryAfterMs: verdict.retryAfterSeconds * 1000,
                  http: { status: 429, headers: new Map([['retry-after', String(verdict.retryAfterSeconds)]]) },
                },
              },
            );
          }
        },
        async willSendResponse({ response }) {
          if (estimated === undefined || response.body.kind !== 'single') return;
          const upstreamCalls = (currentRequestScope()?.upstreamCalls ?? 0) - callsBefore;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            cost: { estimated, budget, upstreamCalls },
          };
        },
      };
    },
  };
}
