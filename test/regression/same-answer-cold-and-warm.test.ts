import { afterEach, describe, expect, it } from 'vitest';
import { ReferenceCustomersDocument } from '../../src/generated/operations.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/**
 * Issue 17: the peer rig (and any client cache) compares answers byte for byte. The reference query
 * answers the same bytes on a cold token cache as warm: the shared token login is no one request's
 * upstream call in `extensions.cost`.
 */
let gateway: TestGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

describe('one query, one answer', () => {
  it('answers the reference query identically cold (token login) and warm', async () => {
    gateway = await startTestGateway();
    const variables = { provider: 'MASTERCARD_US' as const, first: 5, transactionsFirst: 3 };
    const cold = await gateway.graphql(ReferenceCustomersDocument, variables);
    const warm = await gateway.graphql(ReferenceCustomersDocument, variables);
    expect(cold.errors).toBeUndefined();
    expect((cold.extensions?.cost as { upstreamCalls: number }).upstreamCalls).toBe(1 + 5 + 5);
    expect(JSON.stringify({ data: cold.data, extensions: cold.extensions })).toBe(JSON.stringify({ data: warm.data, extensions: warm.extensions }));
  });
});
