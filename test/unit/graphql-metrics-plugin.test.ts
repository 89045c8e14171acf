import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createGraphQLMetrics, graphqlMetricsPlugin, MAX_OPERATION_NAMES } from '../../src/observability/graphql-metrics.js';

/** One answer through the plugin, as Apollo would hand it over (only the fields the plugin reads). */
async function answer(plugin: ReturnType<typeof graphqlMetricsPlugin>, name: string | null, extensions?: Record<string, unknown>, codes: string[] = []) {
  const listener = await plugin.requestDidStart!({} as never);
  await listener!.willSendResponse!({
    operation: { operation: 'query' },
    operationName: name,
    response: { body: { kind: 'single', singleResult: { errors: codes.map((code) => ({ message: 'x', extensions: { code } })), ...(extensions ? { extensions } : {}) } } },
  } as never);
}

describe('GraphQL metrics plugin', () => {
  it('records the cost figures the query limits put in extensions.cost', async () => {
    const registry = new Registry();
    const plugin = graphqlMetricsPlugin(createGraphQLMetrics(registry));
    await answer(plugin, 'Reference', { cost: { estimated: 150, budget: 1000, upstreamCalls: 41 } }, ['PROVIDER_TIMEOUT', 'PROVIDER_TIMEOUT']);
    await answer(plugin, 'Reference');
    const text = await registry.metrics();
    expect(text).toContain('gateway_graphql_operation_cost_sum{operation_name="Reference",operation_type="query"} 150');
    expect(text).toContain('gateway_graphql_operation_cost_count{operation_name="Reference",operation_type="query"} 1');
    expect(text).toContain('gateway_graphql_operation_upstream_calls_sum{operation_name="Reference",operation_type="query"} 41');
    expect(text).toContain('gateway_graphql_errors_total{operation_name="Reference",operation_type="query",code="PROVIDER_TIMEOUT"} 2');
    expect(text).toContain('gateway_graphql_operations_total{operation_name="Reference",operation_type="query"} 2');
  });

  it(`keeps at most ${MAX_OPERATION_NAMES} operation names as label values`, async () => {
    const registry = new Registry();
    const plugin = graphqlMetricsPlugin(createGraphQLMetrics(registry));
    for (let index = 0; index <= MAX_OPERATION_NAMES; index += 1) await answer(plugin, `Op${index}`);
    await answer(plugin, 'Op0');
    const text = await registry.metrics();
    expect(text).toContain(`gateway_graphql_operations_total{operation_name="Op${MAX_OPERATION_NAMES - 1}",operation_type="query"} 1`);
    expect(text).not.toContain(`operation_name="Op${MAX_OPERATION_NAMES}"`);
    expect(text).toContain('gateway_graphql_operations_total{operation_name="(other)",operation_type="query"} 1');
    expect(text).toContain('gateway_graphql_operations_total{operation_name="Op0",operation_type="query"} 2');
  });
});
