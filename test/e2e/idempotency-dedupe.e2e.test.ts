import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/**
 * Issue 16, row 12: a Caibo customer whose email already exists is a CONFLICT naming the existing
 * customer, and `createCustomer` / `createPaymentRequest` take an idempotency key so a retried
 * mutation never creates a second record.
 */
let gateway: TestGateway;
const run = `${process.pid}-${Date.now()}`;

async function posts(provider: 'CAIBO_IPG' | 'MASTERCARD_US', route: string): Promise<number> {
  const stats = (await (await fetch(`${gateway.sandbox!.simulators[provider]!.url}/_sandbox/stats`)).json()) as { byRoute: Record<string, number> };
  return stats.byRoute[route] ?? 0;
}

const CREATE = `mutation ($input: CreateCustomerInput!, $key: String) { createCustomer(input: $input, idempotencyKey: $key) { id name email } }`;
const PAY = `mutation ($input: CreatePaymentRequestInput!, $key: String) { createPaymentRequest(input: $input, idempotencyKey: $key) { id providerId } }`;
type Created = { createCustomer: { id: string; name: string; email: string | null } | null };

beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(async () => {
  await gateway?.close();
});

describe('Caibo deduplication by email', () => {
  it('refuses a second customer with the same email (any case) as CONFLICT naming the first, without a call', async () => {
    const email = `ada-${run}@example.com`;
    const first = await gateway.graphql<Created>(CREATE, { input: { provider: 'CAIBO_IPG', name: 'Ada One', email } });
    expect(first.errors).toBeUndefined();
    const id = first.data!.createCustomer!.id;
    const before = await posts('CAIBO_IPG', 'POST /customers');
    const second = await gateway.graphql<Created>(CREATE, { input: { provider: 'CAIBO_IPG', name: 'Ada Two', email: email.toUpperCase() } });
    expect(second.data!.createCustomer).toBeNull();
    expect(second.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', provider: 'CAIBO_IPG', field: 'input.email' });
    expect(second.errors![0]!.message).toContain(id);
    expect(second.errors![0]!.message).not.toContain(email);
    expect(await posts('CAIBO_IPG', 'POST /customers')).toBe(before);
    // Another email is fine; an update to the taken email is the same CONFLICT.
    const other = await gateway.graphql<Created>(CREATE, { input: { provider: 'CAIBO_IPG', name: 'Bo', email: `bo-${run}@example.com` } });
    expect(other.errors).toBeUndefined();
    const update = await gateway.graphql('mutation ($id: ID!, $email: String) { updateCustomer(id: $id, input: { email: $email }) { id } }', {
      id: other.data!.createCustomer!.id,
      email,
    });
    expect(update.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.email' });
  });
});

describe('idempotency keys', () => {
  it('createCustomer: a retry with the same key answers the same customer and creates nothing (Caibo and Mastercard US)', async () => {
    for (const [provider, input, route] of [
      ['CAIBO_IPG', { provider: 'CAIBO_IPG', name: 'Retry Me', email: `retry-${run}@example.com` }, 'POST /customers'],
      ['MASTERCARD_US', { provider: 'MASTERCARD_US', username: `retry-${run}`.slice(0, 40), firstName: 'Re', lastName: 'Try' }, 'POST /aggregation/v2/customers/testing'],
    ] as const) {
      const key = `key-${provider}-${run}`;
      const before = await posts(provider, route);
      const [first, again] = await Promise.all([gateway.graphql<Created>(CREATE, { input, key }), gateway.graphql<Created>(CREATE, { input, key })]);
      const third = await gateway.graphql<Created>(CREATE, { input, key });
      expect(first.errors).toBeUndefined();
      expect(again.errors).toBeUndefined();
      expect(third.errors).toBeUndefined();
      expect(again.data!.createCustomer!.id).toBe(first.data!.createCustomer!.id);
      expect(third.data!.createCustomer!.id).toBe(first.data!.createCustomer!.id);
      expect((await posts(provider, route)) - before).toBe(1);
      const changed = await gateway.graphql<Created>(CREATE, { input: { ...input, ...(provider === 'CAIBO_IPG' ? { name: 'Changed' } : { firstName: 'Changed' }) }, key });
      expect(changed.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    }
  });

  it('createPaymentRequest: the same key answers the same request once created', async () => {
    const input = { provider: 'CAIBO_IPG', amount: '12.00', currency: 'USD', referenceId: `IDEM-${run}` };
    const before = await posts('CAIBO_IPG', 'POST /payment-requests');
    const first = await gateway.graphql<{ createPaymentRequest: { id: string } }>(PAY, { input, key: `pay-${run}` });
    const again = await gateway.graphql<{ createPaymentRequest: { id: string } }>(PAY, { input, key: `pay-${run}` });
    expect(first.errors).toBeUndefined();
    expect(again.data!.createPaymentRequest.id).toBe(first.data!.createPaymentRequest.id);
    expect((await posts('CAIBO_IPG', 'POST /payment-requests')) - before).toBe(1);
    const without = await gateway.graphql<{ createPaymentRequest: { id: string } }>(PAY, { input });
    expect(without.data!.createPaymentRequest.id).not.toBe(first.data!.createPaymentRequest.id);
  });

  it('refuses a key that is empty, too long or not printable ASCII, before any call', async () => {
    for (const key of ['', 'x'.repeat(256), 'with space', 'ключ']) {
      const answer = await gateway.graphql(PAY, { input: { provider: 'CAIBO_IPG', amount: '1.00', currency: 'USD' }, key });
      expect(answer.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    }
  });
});
