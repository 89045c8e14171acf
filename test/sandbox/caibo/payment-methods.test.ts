import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAIBO_SEED_CUSTOMER_IDS, startCaiboSimulator, type CaiboSimulator } from '../../../src/sandbox/caibo/index.js';
import { call } from './caibo-test-kit.js';

let sim: CaiboSimulator;
beforeAll(async () => {
  sim = await startCaiboSimulator({ anchorDate: new Date('2025-01-15T00:00:00Z') });
});
afterAll(async () => {
  await sim.close();
});

type Method = { id: number; clientId: number; paymentMethodId: number; cardLastDigits: string; createDate: string; isDefault: boolean };

describe('Caibo simulator: GET /users/payment-methods/{id} (seed 003 "Get Payment Methods")', () => {
  it("lists the customer's saved cards: one per card of an approved payment, the first one default", async () => {
    const answer = await call(sim.url, 'GET', `/users/payment-methods/${CAIBO_SEED_CUSTOMER_IDS.janeDoe}`);
    expect(answer.status).toBe(200);
    const methods = answer.json as Method[];
    expect(methods.length).toBeGreaterThan(0);
    expect(methods.map((m) => m.isDefault)).toEqual(methods.map((_, index) => index === 0));
    for (const method of methods) {
      expect(Object.keys(method).sort()).toEqual(['cardLastDigits', 'clientId', 'createDate', 'id', 'isDefault', 'paymentMethodId']);
      expect(method.clientId).toBe(CAIBO_SEED_CUSTOMER_IDS.janeDoe);
      expect(Number.isSafeInteger(method.id)).toBe(true);
      expect(method.cardLastDigits).toMatch(/^\d{4}$/);
    }
    // A customer without payments has none saved.
    expect((await call(sim.url, 'GET', `/users/payment-methods/${CAIBO_SEED_CUSTOMER_IDS.meiTanaka}`)).json).toEqual([]);
  });

  it('answers 404 CUSTOMER_NOT_FOUND for an unknown customer, 400 for a malformed id, 401 without credentials', async () => {
    const unknown = await call(sim.url, 'GET', '/users/payment-methods/12345');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ error: { code: 'CUSTOMER_NOT_FOUND', details: { customerId: '12345' } } });
    expect((await call(sim.url, 'GET', '/users/payment-methods/abc')).status).toBe(400);
    expect((await call(sim.url, 'GET', `/users/payment-methods/${CAIBO_SEED_CUSTOMER_IDS.janeDoe}`, { headers: {} })).status).toBe(401);
    // Only the documented path: no listing under /customers, no /api prefix.
    expect((await call(sim.url, 'GET', `/customers/${CAIBO_SEED_CUSTOMER_IDS.janeDoe}/payment-methods`)).status).toBe(404);
    expect((await call(sim.url, 'GET', `/api/users/payment-methods/${CAIBO_SEED_CUSTOMER_IDS.janeDoe}`)).status).toBe(404);
  });
});
