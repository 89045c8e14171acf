import type { FastifyInstance } from 'fastify';
import type { CaiboStore } from './caibo-store.js';
import { sendNotFound, sendProblem, validationProblem } from './problem-details.js';
import type { PaymentRequestRecord } from './records.js';
import { parseInt64 } from './route-params.js';

/** The H2H card method's id on the test platform (caibo-notes.md: "test 35, live 36"). */
const TEST_CARD_METHOD_ID = 35;
const SAVED_METHOD_ID_OFFSET = 500_000;

/**
 * A customer's saved payment methods, SANDBOX ASSUMPTION on the shape. Seed 003 ("Get Payment
 * Methods", on the Create Customer page) shows only the call — `GET /api/users/payment-methods/12345`
 * with a bearer token, 12345 being the customer id its neighbouring examples use — and "Saved
 * Payment Methods: Enable customers to store payment methods for faster checkout"; the answer is not
 * shown. As with `/api/customers/12345` → `PUT /customers/{id}`, the `/api` prefix is the example's
 * own backend, so the path served is `/users/payment-methods/{id}`. The answer is a JSON array (the
 * example logs it as `methods`), one object per card the customer paid with successfully, in field
 * names the PaymentRequest model already uses: `{id, clientId, paymentMethodId, cardLastDigits,
 * createDate, isDefault}` (the first saved card is the default). The card BIN is not kept.
 */
function savedMethodsOf(customerId: number, requests: readonly PaymentRequestRecord[]): Array<Record<string, unknown>> {
  const cards = new Map<string, PaymentRequestRecord>();
  // Oldest first: a card is saved when it is first used successfully.
  for (const request of [...requests].reverse()) {
    if (request.status !== 'approved' || request.attempt === null) continue;
    const key = `${request.attempt.cardBin}:${request.attempt.cardLastDigits}`;
    if (!cards.has(key)) cards.set(key, request);
  }
  return [...cards.values()].map((request, index) => ({
    // int64 like every Caibo id (16 digits, as the sandbox's others): derived from the request that saved the card.
    id: request.id + SAVED_METHOD_ID_OFFSET,
    clientId: customerId,
    paymentMethodId: TEST_CARD_METHOD_ID,
    cardLastDigits: request.attempt!.cardLastDigits,
    createDate: request.lastLogAt ?? request.createDate,
    isDefault: index === 0,
  }));
}

export function registerPaymentMethodRoutes(app: FastifyInstance, store: CaiboStore, now: () => number): void {
  app.get<{ Params: { id: string } }>('/users/payment-methods/:id', async (request, reply) => {
    const id = parseInt64(request.params.id, 'id');
    if (!id.ok) return sendProblem(reply, validationProblem(id.errors));
    // Seed 003, Common Error Scenarios: "Customer Not Found: HTTP 404 when customer ID doesn't exist".
    if (store.customer(id.id) === undefined) {
      return sendNotFound(reply, 'CUSTOMER_NOT_FOUND', `Customer with ID ${request.params.id} not found`, { customerId: request.params.id }, new Date(now()));
    }
    return reply.code(200).send(savedMethodsOf(id.id, store.paymentRequests({ clientId: id.id })));
  });
}
