import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayClient } from '../../examples/client/src/client.js';
import { describeAccount, ExampleCustomersQuery } from '../../examples/client/src/customers.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/**
 * The example frontend client (examples/client: client-preset `graphql()` documents with fragment
 * masking) against the sandbox over HTTP. It type-checks with the rest of the repository in
 * `npm test`; the `@ts-expect-error` below fails the type-check if fragment masking stops working.
 */
let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway({ env: { SANDBOX_API_KEY: 'example-client-sandbox-key' } });
});
afterAll(async () => {
  await gateway?.close();
});

describe('examples/client against the sandbox', () => {
  it('runs its customers query and reads accounts through the masked fragment', async () => {
    const execute = createGatewayClient({ url: `${gateway.url}/graphql`, apiKey: 'example-client-sandbox-key' });
    const result = await execute(ExampleCustomersQuery, { first: 3, accounts: 2 });
    expect(result.errors).toEqual([]);
    const customers = result.data!.customers!;
    expect(customers.edges).toHaveLength(3);
    const first = customers.edges[0]!.node;
    expect(first.provider).toBe('MASTERCARD_AU');
    const account = first.accounts!.edges[0]!.node;
    // @ts-expect-error fragment masking: an account's fields are readable only through getFragmentData
    expect(account.name).toBeDefined();
    expect(describeAccount(account)).toMatch(/^.+ \(\w+\): -?\d+(\.\d+)? [A-Z]{3}$/);
  });

  it('returns GraphQL errors typed, without throwing', async () => {
    const execute = createGatewayClient({ url: `${gateway.url}/graphql`, apiKey: 'example-client-sandbox-key' });
    const result = await execute(ExampleCustomersQuery, { first: -1, accounts: 1 });
    expect(result.data?.customers ?? null).toBeNull();
    expect(result.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
