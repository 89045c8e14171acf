import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId, ref } from '../../src/domain/global-id.js';
import { CAIBO_SEED_CUSTOMER_IDS } from '../../src/sandbox/caibo/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { startRewritingProxy, type RewritingProxy } from '../support/rewriting-proxy.js';

/** Issue 16 row 12: Caibo saved payment methods over GraphQL (seed 003 "Get Payment Methods"). */
type Json = any; // GraphQL answers asserted by shape

const SAVED = `query ($id: ID!) { customer(id: $id) { provider savedPaymentMethods { provider providerId methodId cardLastDigits isDefault savedAt } } }`;
const jane = encodeGlobalId(ref('CAIBO_IPG', 'Customer', String(CAIBO_SEED_CUSTOMER_IDS.janeDoe)));

let base: TestGateway;
let spoiled: TestGateway;
let proxy: RewritingProxy;

beforeAll(async () => {
  base = await startTestGateway();
  const endpoints = base.sandbox!.endpoints;
  // A Caibo that answers one saved method without its id: that record must fail alone.
  proxy = await startRewritingProxy(endpoints.CAIBO_IPG!.baseUrl, (path, body) => {
    if (path.startsWith('/users/payment-methods/') && Array.isArray(body) && body[0]) delete (body[0] as Record<string, unknown>).id;
    return body;
  });
  spoiled = await startTestGateway({ endpoints: { ...endpoints, CAIBO_IPG: { ...endpoints.CAIBO_IPG!, baseUrl: proxy.url } } });
});
afterAll(async () => {
  await spoiled?.close();
  await proxy?.close();
  await base?.close();
});

describe('Caibo saved payment methods over GraphQL', () => {
  it("answers a customer's saved cards with last digits only, and lists the capability", async () => {
    const answer = await base.graphql<Json>(SAVED, { id: jane });
    expect(answer.errors).toBeUndefined();
    const methods = answer.data.customer.savedPaymentMethods;
    expect(methods.length).toBeGreaterThan(0);
    expect(methods[0]).toMatchObject({ provider: 'CAIBO_IPG', methodId: '35', isDefault: true });
    for (const method of methods) {
      expect(method.cardLastDigits).toMatch(/^\d{4}$/);
      expect(Number.isNaN(Date.parse(method.savedAt))).toBe(false);
    }
    const providers = await base.graphql<Json>('{ providers { provider capabilities } }');
    const caibo = providers.data.providers.find((p: Json) => p.provider === 'CAIBO_IPG');
    expect(caibo.capabilities).toContain('SAVED_PAYMENT_METHODS');
  });

  it('answers an empty list for a new customer and null for providers without saved methods', async () => {
    const created = await base.graphql<Json>(
      'mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      { input: { provider: 'CAIBO_IPG', name: 'No Cards Yet', email: `no.cards.${Date.now()}@example.com` } },
    );
    expect(created.errors).toBeUndefined();
    const fresh = await base.graphql<Json>(SAVED, { id: created.data.createCustomer.id });
    expect(fresh.data.customer.savedPaymentMethods).toEqual([]);
    const other = await base.graphql<Json>('{ customers(provider: MASTERCARD_US, first: 1) { edges { node { savedPaymentMethods { providerId } } } } }');
    expect(other.data.customers.edges[0].node.savedPaymentMethods).toBeNull();
  });

  it('drops a saved method the provider answers without an id, with a warning, and keeps the others', async () => {
    const whole = (await base.graphql<Json>(SAVED, { id: jane })).data.customer.savedPaymentMethods;
    const answer = await spoiled.graphql<Json>(SAVED, { id: jane });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.customer.savedPaymentMethods).toEqual(whole.slice(1));
    expect(answer.extensions?.warnings).toEqual([
      expect.objectContaining({ provider: 'CAIBO_IPG', operation: 'payment-methods.list', field: 'id', kind: 'missing_id' }),
    ]);
  });
});
