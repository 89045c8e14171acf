import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/**
 * Consistency within a request (issue 9, item 5): after a mutation, the request's DataLoaders and
 * memos hold what the mutation wrote, so later fields of the same document read the new state.
 */
let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(async () => {
  await gateway?.close();
});

describe('mutations refresh what the same request already read', () => {
  it('Caibo: a payment request read after updateCustomer shows the new name', async () => {
    const created = await gateway.graphql<{ createCustomer: { id: string } | null }>(
      'mutation ($e: String!) { createCustomer(input: { provider: CAIBO_IPG, name: "Original Name", email: $e }) { id } }',
      { e: `consistency-${process.pid}-${Date.now()}@example.com` },
    );
    const id = created.data!.createCustomer!.id;
    const answer = await gateway.graphql<{
      first: { customer: { name: string } | null } | null;
      renamed: { name: string } | null;
      second: { customer: { name: string; hasPaymentRequests: boolean | null } | null } | null;
    }>(
      `mutation ($id: ID!) {
        first: createPaymentRequest(input: { provider: CAIBO_IPG, amount: "10.00", currency: "USD", customerId: $id }) { customer { name } }
        renamed: updateCustomer(id: $id, input: { name: "Renamed" }) { name }
        second: createPaymentRequest(input: { provider: CAIBO_IPG, amount: "11.00", currency: "USD", customerId: $id }) { customer { name hasPaymentRequests } }
      }`,
      { id },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      first: { customer: { name: 'Original Name' } },
      renamed: { name: 'Renamed' },
      second: { customer: { name: 'Renamed', hasPaymentRequests: true } },
    });
  });

  it('Mastercard AU: a consumer read through its customer after updateConsumer shows the new fields', async () => {
    const customer = await gateway.graphql<{ createCustomer: { id: string } | null }>(
      'mutation ($u: String!) { createCustomer(input: { provider: MASTERCARD_AU, username: $u, firstName: "Ada", lastName: "Byron" }) { id } }',
      { u: `consistency-au-${process.pid}` },
    );
    const customerId = customer.data!.createCustomer!.id;
    const consumer = await gateway.graphql<{ createConsumer: { id: string } | null }>(
      'mutation ($c: ID!) { createConsumer(customerId: $c, input: { firstName: "Ada", lastName: "Byron", email: "ada@example.com" }) { id } }',
      { c: customerId },
    );
    expect(consumer.errors).toBeUndefined();
    const consumerId = consumer.data!.createConsumer!.id;
    const answer = await gateway.graphql<Record<string, { customer: { consumer: { firstName: string } | null } | null } | null>>(
      `mutation ($id: ID!) {
        before: updateConsumer(id: $id, input: { firstName: "Augusta" }) { customer { consumer { firstName } } }
        after: updateConsumer(id: $id, input: { firstName: "Ada" }) { customer { consumer { firstName } } }
      }`,
      { id: consumerId },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.before!.customer!.consumer!.firstName).toBe('Augusta');
    expect(answer.data!.after!.customer!.consumer!.firstName).toBe('Ada');
  });

  it('a failing mutation nulls only its own field; the mutations before it keep their answers', async () => {
    const answer = await gateway.graphql<{ ok: { username: string } | null; refused: { id: string } | null }>(
      `mutation ($u: String!) {
        ok: createCustomer(input: { provider: MASTERCARD_US, username: $u, firstName: "Kept", lastName: "Answer" }) { username }
        refused: createCustomer(input: { provider: MASTERCARD_US, username: "short" }) { id }
      }`,
      { u: `consistency-us-${process.pid}` },
    );
    expect(answer.data).toEqual({ ok: { username: `consistency-us-${process.pid}` }, refused: null });
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0]).toMatchObject({ path: ['refused'], extensions: { code: 'BAD_USER_INPUT', field: 'input.username' } });
  });
});
