import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Histogram, type Registry } from 'prom-client';

type OperationLabels = 'operation_name' | 'operation_type';

/** GraphQL-level figures (docs/operations.md explains each). */
export interface GraphQLMetrics {
  readonly operations: Counter<OperationLabels>;
  readonly duration: Histogram<OperationLabels>;
  readonly errors: Counter<OperationLabels | 'code'>;
  /** Estimated cost of an operation (`extensions.cost.estimated`, from the query limits), when present. */
  readonly cost: Histogram<OperationLabels>;
  /** Provider calls an operation actually made (`extensions.cost.upstreamCalls`), when present. */
  readonly upstreamCalls: Histogram<OperationLabels>;
}

/** Distinct operation names kept as label values; later new names count as `(other)`. */
export const MAX_OPERATION_NAMES = 200;
const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Cost units ≈ provider calls: the reference query is ~150, the default budget 1,000. */
const COST_BUCKETS = [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500];

export function createGraphQLMetrics(registry: Registry): GraphQLMetrics {
  const labelNames: OperationLabels[] = ['operation_name', 'operation_type'];
  return {
    operations: new Counter({
      name: 'gateway_graphql_operations_total',
      help: 'GraphQL operations answered, by operation name and type (query, mutation; unknown when the document did not parse or validate)',
      labelNames,
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'gateway_graphql_operation_duration_seconds',
      help: 'Time from receiving a GraphQL request to sending its answer, in seconds',
      labelNames,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'gateway_graphql_errors_total',
      help: 'Errors in GraphQL answers, by operation and extensions.code (a partial result with two errors counts two)',
      labelNames: [...labelNames, 'code'],
      registers: [registry],
    }),
    cost: new Histogram({
      name: 'gateway_graphql_operation_cost',
      help: 'Estimated upstream cost of a GraphQL operation in cost units (extensions.cost)',
      labelNames,
      buckets: COST_BUCKETS,
      registers: [registry],
    }),
    upstreamCalls: new Histogram({
      name: 'gateway_graphql_operation_upstream_calls',
      help: 'Provider calls one GraphQL operation actually made (extensions.cost.upstreamCalls)',
      labelNames,
      buckets: COST_BUCKETS,
      registers: [registry],
    }),
  };
}

/** `extensions.cost` as the query limits write it: `{ estimated, budget, upstreamCalls }`. */
function costFigure(cost: unknown, figure: 'estimated' | 'upstreamCalls'): number | undefined {
  if (typeof cost !== 'object' || cost === null || !(figure in cost)) return undefined;
  const value = (cost as Record<string, unknown>)[figure];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * Counts every GraphQL answer by operation name and type, times it, and counts its errors by
 * `extensions.code` (set by format-error.ts, so always one of the public codes). Operation names
 * come from callers: only plain names are kept, and at most {@link MAX_OPERATION_NAMES} of them,
 * so a caller cannot blow up the label set.
 */
export function graphqlMetricsPlugin(metrics: GraphQLMetrics): ApolloServerPlugin {
  const known = new Set<string>();
  const nameLabel = (name: string | null | undefined): string => {
    if (!name) return '(anonymous)';
    if (!NAME_PATTERN.test(name)) return '(other)';
    if (known.has(name)) return name;
    if (known.size >= MAX_OPERATION_NAMES) return '(other)';
    known.add(name);
    return name;
  };
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, operationName, response }) {
          const labels = { operation_name: nameLabel(operation ? operationName : undefined), operation_type: operation?.operation ?? 'unknown' };
          metrics.operations.inc(labels);
          metrics.duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const code = error.extensions?.code;
            metrics.errors.inc({ ...labels, code: typeof code === 'string' ? code : 'INTERNAL' });
          }
          const cost = response.body.singleResult.extensions?.cost;
          const estimated = costFigure(cost, 'estimated');
          if (estimated !== undefined) metrics.cost.observe(labels, estimated);
          const upstreamCalls = costFigure(cost, 'upstreamCalls');
          if (upstreamCalls !== undefined) metrics.upstreamCalls.observe(labels, upstreamCalls);
        },
      };
    },
  };
}
