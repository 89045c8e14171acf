import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(async () => {
  await gateway?.close();
});

async function scrape(): Promise<string> {
  const response = await request(`${gateway.url}/metrics`);
  return response.body.text();
}

/** The value of one sample line, by metric name and exact label set (in prom-client's label order). */
function sample(text: string, name: string, labels: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{${labels}} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('GraphQL metrics', () => {
  it('counts and times operations by name and type, and counts errors by extensions.code', async () => {
    const named = 'query ListCustomers { customers(provider: MASTERCARD_US, first: 1) { totalCount } }';
    await gateway.graphql(named);
    await gateway.graphql(named);
    await gateway.graphql('{ providers { provider } }');
    const missing = await gateway.graphql('query FindCustomer { customer(id: "not-a-global-id") { id } }');
    const missingCode = missing.errors?.[0]?.extensions.code;
    expect(typeof missingCode).toBe('string');
    const unparsable = await gateway.graphql('query Broken { customers(');
    expect(unparsable.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    await gateway.graphql(`query ${'A'.repeat(70)} { providers { provider } }`);

    const text = await scrape();
    const list = 'operation_name="ListCustomers",operation_type="query"';
    expect(sample(text, 'gateway_graphql_operations_total', list)).toBe(2);
    expect(sample(text, 'gateway_graphql_operation_duration_seconds_count', list)).toBe(2);
    expect(sample(text, 'gateway_graphql_operations_total', 'operation_name="(anonymous)",operation_type="query"')).toBe(1);
    expect(sample(text, 'gateway_graphql_errors_total', `operation_name="FindCustomer",operation_type="query",code="${String(missingCode)}"`)).toBe(1);
    // A document that does not parse has no operation: type unknown, and the name it claims is not trusted.
    expect(sample(text, 'gateway_graphql_errors_total', 'operation_name="(anonymous)",operation_type="unknown",code="BAD_USER_INPUT"')).toBe(1);
    // Names that are not short plain identifiers are folded, so callers cannot grow the label set.
    expect(sample(text, 'gateway_graphql_operations_total', 'operation_name="(other)",operation_type="query"')).toBe(1);
    expect(sample(text, 'gateway_graphql_errors_total', list)).toBeUndefined();
    // The query limits' extensions.cost reaches the cost histograms.
    expect(sample(text, 'gateway_graphql_operation_cost_count', list)).toBe(2);
    expect(sample(text, 'gateway_graphql_operation_upstream_calls_count', list)).toBe(2);
    expect(sample(text, 'gateway_graphql_operation_upstream_calls_sum', list)).toBeGreaterThan(0);
  });
});
