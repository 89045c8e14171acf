import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentRequestScope } from '../../src/observability/request-scope.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

describe('request scope', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(async () => gateway?.close());

  it('is absent outside a request', () => {
    expect(currentRequestScope()).toBeUndefined();
  });

  it('reaches the adapters of a GraphQL request with its request id', async () => {
    const adapter = gateway.registry.adapter('MASTERCARD_US');
    const original = adapter.customerList!.list.bind(adapter.customerList);
    const seen: Array<string | undefined> = [];
    adapter.customerList!.list = async (query, page) => {
      seen.push(currentRequestScope()?.requestId);
      return original(query, page);
    };
    try {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'scope-test-1', ...gateway.authHeaders },
        body: JSON.stringify({ query: '{ customers(provider: MASTERCARD_US, first: 1) { totalCount } }' }),
      });
      expect(response.status).toBe(200);
    } finally {
      adapter.customerList!.list = original;
    }
    expect(seen).toEqual(['scope-test-1']);
  });
});
