import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId, ref } from '../../src/domain/global-id.js';
import { CaiboCreatePaymentRequestDocument, CaiboCustomerDocument, CaiboPaymentRequestStatusDocument } from '../../src/generated/operations.js';
import { CAIBO_SEED_CUSTOMER_IDS } from '../../src/sandbox/caibo/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/**
 * A payment request's life through GraphQL: created with its pay link, moving WAITING → PENDING as
 * the (controlled) clock passes a status step, then approved or declined by the sandbox trigger, and
 * seen the same way as a Transaction of its customer.
 */
const STEP_MS = 60_000;
let clock = Date.now();
const now = (): number => clock;
let gateway: TestGateway;
let simulatorUrl: string;
const meiId = encodeGlobalId(ref('CAIBO_IPG', 'Customer', String(CAIBO_SEED_CUSTOMER_IDS.meiTanaka)));
let run = 0;

beforeAll(async () => {
  gateway = await startTestGateway({ sandbox: { now, providers: { CAIBO_IPG: { paymentStatusStepMs: STEP_MS } } }, now });
  simulatorUrl = gateway.sandbox!.simulators.CAIBO_IPG!.url;
});
afterAll(async () => {
  await gateway?.close();
});

async function create(fields: Record<string, unknown>) {
  return gateway.graphql(CaiboCreatePaymentRequestDocument, {
    input: { provider: 'CAIBO_IPG', amount: '49.99', currency: 'JPY', ...fields } as never,
  });
}

async function statusOf(id: string) {
  const answer = await gateway.graphql(CaiboPaymentRequestStatusDocument, { id });
  expect(answer.errors).toBeUndefined();
  return answer.data!.paymentRequest!;
}

async function trigger(providerId: string, status: string): Promise<void> {
  const response = await fetch(`${simulatorUrl}/_sandbox/payment-requests/${providerId}/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status }),
  });
  expect(response.status).toBe(200);
}

describe('Caibo payment requests end to end', () => {
  it('creates a request for a customer, with its pay link, WAITING', async () => {
    const answer = await create({ customerId: meiId, referenceId: `ORDER-E2E-${(run += 1)}`, successUrl: 'https://shop.example.com/ok' });
    expect(answer.errors).toBeUndefined();
    const request = answer.data!.createPaymentRequest;
    expect(request).toMatchObject({
      status: 'WAITING',
      providerStatus: 'waiting/unpaid',
      amount: { amount: '49.99', currency: 'JPY' },
      customer: { id: meiId, name: 'Mei Tanaka' },
      transaction: { status: 'PENDING' },
    });
    expect(request!.link).toContain(`requestId=${request!.providerId}`);
    expect(request!.providerId).toMatch(/^\d+$/);
  });

  it('moves WAITING → PENDING → APPROVED (trigger), and the customer sees a POSTED transaction', async () => {
    const created = (await create({ customerId: meiId, amount: '120.50' })).data!.createPaymentRequest;
    expect((await statusOf(created!.id)).status).toBe('WAITING');

    clock += STEP_MS; // one automatic step
    const pending = await statusOf(created!.id);
    expect(pending).toMatchObject({ status: 'PENDING', providerStatus: 'pending/unpaid', transaction: { status: 'PENDING' } });
    expect(pending.transactionNumber).toMatch(/\S/);

    await trigger(created!.providerId, 'approved');
    const approved = await statusOf(created!.id);
    expect(approved).toMatchObject({ status: 'APPROVED', providerStatus: 'approved/paid', statusCode: '00', transaction: { status: 'POSTED' } });
    expect(approved.transaction.postedAt).not.toBeNull();
    expect(approved.statusChangedAt).not.toBeNull();

    const customer = await gateway.graphql(CaiboCustomerDocument, { id: meiId, filter: { from: new Date(clock - 86_400_000).toISOString() } });
    expect(customer.errors).toBeUndefined();
    const mine = customer.data!.customer!.transactions!.edges.find((edge) => edge.node.providerId === created!.providerId)!.node;
    expect(mine).toMatchObject({ status: 'POSTED', amount: { amount: '120.5', currency: 'JPY' }, account: null, paymentRequest: { id: created!.id, status: 'APPROVED' } });
    expect(customer.data!.customer!.hasPaymentRequests).toBe(true);
  });

  it('is DECLINED by the trigger (and by the sandbox for amounts 2000–2999 over time)', async () => {
    const byTrigger = (await create({ customerId: meiId })).data!.createPaymentRequest;
    await trigger(byTrigger!.providerId, 'declined');
    const declined = await statusOf(byTrigger!.id);
    expect(declined).toMatchObject({ status: 'DECLINED', providerStatus: 'declined/unpaid', transaction: { status: 'DECLINED' } });
    expect(declined.statusMessage).toMatch(/\S/);

    const byAmount = (await create({ amount: '2500' })).data!.createPaymentRequest;
    clock += 2 * STEP_MS;
    expect(await statusOf(byAmount!.id)).toMatchObject({ status: 'DECLINED', transaction: { status: 'DECLINED' } });
  });

  it('is CANCELLED by the trigger', async () => {
    const created = (await create({})).data!.createPaymentRequest;
    expect(created!.customer).toBeNull();
    await trigger(created!.providerId, 'cancelled');
    expect(await statusOf(created!.id)).toMatchObject({ status: 'CANCELLED', transaction: { status: 'CANCELLED' } });
  });

  it('refetches a payment request and its transaction with node(id:)', async () => {
    const created = (await create({ customerId: meiId })).data!.createPaymentRequest;
    const answer = await gateway.graphql<{ a: { __typename: string; id: string }; b: { __typename: string; id: string; status: string } }>(
      'query ($a: ID!, $b: ID!) { a: node(id: $a) { __typename id } b: node(id: $b) { __typename id ... on Transaction { status } } }',
      { a: created!.id, b: created!.transaction.id },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.a).toEqual({ __typename: 'PaymentRequest', id: created!.id });
    expect(answer.data!.b).toEqual({ __typename: 'Transaction', id: created!.transaction.id, status: 'PENDING' });
  });

  it('answers NOT_FOUND for an unknown payment request', async () => {
    const answer = await gateway.graphql(CaiboPaymentRequestStatusDocument, { id: encodeGlobalId(ref('CAIBO_IPG', 'PaymentRequest', '9999999999999999')) });
    expect(answer.data?.paymentRequest).toBeNull();
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', provider: 'CAIBO_IPG' });
  });

  it('answers UNSUPPORTED_BY_PROVIDER for a provider without payment requests', async () => {
    const answer = await create({ provider: 'MASTERCARD_US' });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'UNSUPPORTED_BY_PROVIDER', provider: 'MASTERCARD_US' });
  });

  describe('validation before any call', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['zero amount', { amount: '0' }, 'input.amount'],
      ['negative amount', { amount: '-5' }, 'input.amount'],
      ['amount beyond a double', { amount: '1234567890123.4567' }, 'input.amount'],
      ['currency', { currency: 'US Dollar' }, 'input.currency'],
      ['notifyUrl', { notifyUrl: 'not a url' }, 'input.notifyUrl'],
      ['failureUrl scheme', { failureUrl: 'javascript:alert(1)' }, 'input.failureUrl'],
      ['customerId of another type', { customerId: encodeGlobalId(ref('CAIBO_IPG', 'PaymentRequest', '1')) }, 'input.customerId'],
      ['customerId of another provider', { customerId: encodeGlobalId(ref('MASTERCARD_US', 'Customer', '1')) }, 'input.customerId'],
    ];
    it.each(cases)('%s', async (_label, fields, field) => {
      const before = (await (await fetch(`${simulatorUrl}/_sandbox/stats`)).json()) as { requests: number };
      const answer = await create(fields);
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      const after = (await (await fetch(`${simulatorUrl}/_sandbox/stats`)).json()) as { requests: number };
      expect(after.requests).toBe(before.requests);
    });

    it('a customer that does not exist is NOT_FOUND naming customerId', async () => {
      const answer = await create({ customerId: encodeGlobalId(ref('CAIBO_IPG', 'Customer', '9999999999999999')) });
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.customerId' });
    });
  });
});
