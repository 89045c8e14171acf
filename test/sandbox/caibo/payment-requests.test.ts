import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CAIBO_SANDBOX_CREDENTIALS, startCaiboSimulator, type CaiboSimulator, type CallbackAttempt } from '../../../src/sandbox/caibo/index.js';
import { call, manualClock, startCallbackReceiver, type ReceivedCallback } from './caibo-test-kit.js';

let sim: CaiboSimulator | undefined;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

interface PaymentRequestJson {
  id: number;
  link: string;
  amount: number;
  unit: string;
  clientId: number | null;
  transactionId: number | null;
  transactionStatusId: number;
  paymentRequestStatusId: number;
  grossAmount: number | null;
  feeAmount: number | null;
  netAmount: number | null;
  lastLog: { transactionStatusId: number; code: string; message: string } | null;
}

/** What a merchant does on receipt: HMAC-SHA512 over the raw body, keyed with the API key. */
function verify(callback: ReceivedCallback, key: string): boolean {
  const header = callback.headers['x-signature'];
  if (typeof header !== 'string') return false;
  const expected = createHmac('sha512', key).update(callback.body).digest();
  const given = Buffer.from(header, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function createRequest(base: string, body: Record<string, unknown>): Promise<PaymentRequestJson> {
  const response = await call(base, 'POST', '/payment-requests?send=null', { body });
  expect(response.status).toBe(200);
  return response.json as PaymentRequestJson;
}

describe('Caibo simulator: a payment request life', () => {
  it('moves waiting -> pending -> approved on its own timer and POSTs signed callbacks', async () => {
    const receiver = await startCallbackReceiver();
    cleanups.push(receiver.close);
    sim = await startCaiboSimulator({ paymentStatusStepMs: 40 });
    const created = await createRequest(sim.url, {
      amount: 49.99,
      unit: 'EUR',
      referenceId: 'ORDER-12345',
      notifyUrl: receiver.url,
      successUrl: 'https://merchant.example.com/thank-you',
      client: { name: 'Jane Doe', email: 'jane.doe@example.com' },
    });
    expect(created).toMatchObject({ amount: 49.99, unit: 'EUR', transactionStatusId: 0, paymentRequestStatusId: 2, transactionId: null, lastLog: null });
    expect(created.link).toBe(`${sim.url}/_sandbox/pay?merchantId=1676242040039481&requestId=${created.id}`);
    // The client details attach it to the seeded customer with that email.
    expect(created.clientId).toBe(1677274843291201);

    const [toPending, toApproved] = await receiver.waitFor(2);
    if (toPending === undefined || toApproved === undefined) throw new Error('missing callbacks');
    for (const callback of [toPending, toApproved]) {
      expect(callback.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(verify(callback, CAIBO_SANDBOX_CREDENTIALS.apiKey)).toBe(true);
      expect(verify({ ...callback, body: `${callback.body}&x=1` }, CAIBO_SANDBOX_CREDENTIALS.apiKey)).toBe(false);
    }
    const pending = Object.fromEntries(new URLSearchParams(toPending.body));
    expect(pending).toMatchObject({ id: String(created.id), transactionStatusId: '3', paymentRequestStatusId: '2', unit: 'EUR', referenceId: 'ORDER-12345', merchantId: '1676242040039481' });
    const approved = Object.fromEntries(new URLSearchParams(toApproved.body));
    expect(approved).toMatchObject({
      id: String(created.id),
      transactionStatusId: '1',
      paymentRequestStatusId: '1',
      grossAmount: '49.99',
      fee: '2.5',
      netAmount: '47.49',
      clientId: '1677274843291201',
      clientEmail: 'jane.doe@example.com',
      code: '00',
    });
    expect(approved.transactionId).toBe(pending.transactionId);

    const status = await call(sim.url, 'GET', `/payment-requests/status/${created.id}`);
    expect(status.json).toMatchObject({ id: created.id, transactionStatusId: 1, paymentRequestStatusId: 1, unit: 'EUR', amount: 49.99, lastLog: { transactionStatusId: 1, code: '00' } });
    const attempts = (await call(sim.url, 'GET', '/_sandbox/callbacks')).json as CallbackAttempt[];
    expect(attempts.map((attempt) => [attempt.status, attempt.outcome, attempt.responseStatus])).toEqual([
      ['pending', 'delivered', 200],
      ['approved', 'delivered', 200],
    ]);
    // No further changes after a final status.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(receiver.received).toHaveLength(2);
  });

  it('computes the status lazily from now() and declines amounts from 2000 to 2999.99', async () => {
    const receiver = await startCallbackReceiver();
    cleanups.push(receiver.close);
    const clock = manualClock();
    sim = await startCaiboSimulator({ now: clock.now, paymentStatusStepMs: 60_000 });
    const created = await createRequest(sim.url, { amount: 2500, unit: 'USD', notifyUrl: receiver.url });
    const read = async () => (await call(sim!.url, 'GET', `/payment-requests/${created.id}`)).json as PaymentRequestJson;

    expect((await read()).transactionStatusId).toBe(0);
    clock.advance(59_999);
    expect((await read()).transactionStatusId).toBe(0);
    clock.advance(1);
    const pending = await read();
    expect(pending).toMatchObject({ transactionStatusId: 3, paymentRequestStatusId: 2, grossAmount: 2500, feeAmount: null });
    expect(pending.transactionId).not.toBeNull();
    clock.advance(60_000);
    expect(await read()).toMatchObject({ transactionStatusId: 2, paymentRequestStatusId: 2, netAmount: null, lastLog: { transactionStatusId: 2, code: '51' } });

    const callbacks = await receiver.waitFor(2);
    expect(callbacks.map((callback) => new URLSearchParams(callback.body).get('transactionStatusId'))).toEqual(['3', '2']);
    expect(callbacks.every((callback) => verify(callback, CAIBO_SANDBOX_CREDENTIALS.apiKey))).toBe(true);
  });

  it('jumps to a status on the sandbox trigger, including cancelled (paymentRequestStatusId 3)', async () => {
    const receiver = await startCallbackReceiver();
    cleanups.push(receiver.close);
    const clock = manualClock();
    sim = await startCaiboSimulator({ now: clock.now, paymentStatusStepMs: 60_000 });
    const created = await createRequest(sim.url, { amount: 10, unit: 'GBP', notifyUrl: receiver.url });

    const cancelled = await call(sim.url, 'POST', `/_sandbox/payment-requests/${created.id}/status`, { body: { status: 'cancelled' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json).toMatchObject({ paymentRequestStatusId: 3, transactionStatusId: 0 });
    // A cancelled request no longer moves on.
    clock.advance(10 * 60_000);
    expect((await call(sim.url, 'GET', `/payment-requests/status/${created.id}`)).json).toMatchObject({ paymentRequestStatusId: 3 });

    const approved = await call(sim.url, 'POST', `/_sandbox/payment-requests/${created.id}/status`, { body: { status: 'approved' } });
    expect(approved.json).toMatchObject({ paymentRequestStatusId: 1, transactionStatusId: 1 });
    const callbacks = await receiver.waitFor(2);
    expect(callbacks.map((callback) => new URLSearchParams(callback.body).get('paymentRequestStatusId'))).toEqual(['3', '1']);

    const bad = await call(sim.url, 'POST', `/_sandbox/payment-requests/${created.id}/status`, { body: { status: 'paid' } });
    expect(bad.status).toBe(400);
    const missing = await call(sim.url, 'POST', '/_sandbox/payment-requests/42/status', { body: { status: 'approved' } });
    expect(missing.status).toBe(404);
  });

  it('survives a failing or unreachable notifyUrl and records the attempts', async () => {
    const failing = await startCallbackReceiver(500);
    cleanups.push(failing.close);
    sim = await startCaiboSimulator({ paymentStatusStepMs: 60_000 });
    const toFailing = await createRequest(sim.url, { amount: 1, unit: 'USD', notifyUrl: failing.url });
    const toNowhere = await createRequest(sim.url, { amount: 1, unit: 'USD', notifyUrl: 'http://127.0.0.1:1/closed' });
    await call(sim.url, 'POST', `/_sandbox/payment-requests/${toFailing.id}/status`, { body: { status: 'pending' } });
    await call(sim.url, 'POST', `/_sandbox/payment-requests/${toNowhere.id}/status`, { body: { status: 'pending' } });
    await failing.waitFor(1);

    let attempts: CallbackAttempt[] = [];
    for (let i = 0; i < 200; i += 1) {
      attempts = (await call(sim.url, 'GET', '/_sandbox/callbacks')).json as CallbackAttempt[];
      if (attempts.length === 2 && attempts.every((attempt) => attempt.outcome !== 'in-flight')) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(attempts.map((attempt) => [attempt.paymentRequestId, attempt.outcome, attempt.responseStatus])).toEqual([
      [toFailing.id, 'failed', 500],
      [toNowhere.id, 'failed', null],
    ]);
    expect(attempts[1]?.error).toBeTruthy();
    expect((await call(sim.url, 'GET', `/payment-requests/status/${toNowhere.id}`)).status).toBe(200);
    expect((await call(sim.url, 'DELETE', '/_sandbox/callbacks')).status).toBe(204);
    expect((await call(sim.url, 'GET', '/_sandbox/callbacks')).json).toEqual([]);
  });
});

describe('Caibo simulator: payment request validation and lookups', () => {
  it('validates amount, unit, URLs and the nested client', async () => {
    sim = await startCaiboSimulator();
    const response = await call(sim.url, 'POST', '/payment-requests', {
      body: { amount: -5, notifyUrl: 'not a url', client: { name: 'x'.repeat(101), email: 'nope' } },
    });
    expect(response.status).toBe(400);
    expect((response.json as { errors: Record<string, string[]> }).errors).toEqual({
      amount: ['The field amount must be greater than 0.'],
      unit: ['The unit field is required.'],
      notifyUrl: ['The notifyUrl field is not a valid fully-qualified http, https, or ftp URL.'],
      'client.name': ['The field name must be a string with a maximum length of 100.'],
      'client.email': ['The email field is not a valid e-mail address.'],
    });
    const unknownClient = await call(sim.url, 'POST', '/payment-requests', { body: { amount: 5, unit: 'USD', clientId: 42 } });
    expect(unknownClient.status).toBe(404);
    expect(unknownClient.json).toMatchObject({ error: { code: 'CUSTOMER_NOT_FOUND' } });
    const wrongType = await call(sim.url, 'POST', '/payment-requests', { headers: { 'x-api-key': CAIBO_SANDBOX_CREDENTIALS.apiKey, 'content-type': 'text/plain' }, rawBody: '{}' });
    expect(wrongType.status).toBe(415);
  });

  it('answers unknown payment requests with the error shape', async () => {
    sim = await startCaiboSimulator();
    for (const path of ['/payment-requests/77', '/payment-requests/status/77']) {
      const response = await call(sim.url, 'GET', path);
      expect(response.status).toBe(404);
      expect(response.json).toMatchObject({ error: { code: 'PAYMENT_REQUEST_NOT_FOUND', details: { paymentRequestId: '77' } } });
    }
  });

  it('lists a customer’s payment requests newest first (sandbox assumption)', async () => {
    sim = await startCaiboSimulator({ anchorDate: new Date('2025-01-15T00:00:00Z') });
    const jane = await call(sim.url, 'GET', '/payment-requests?clientId=1677274843291201');
    expect(jane.status).toBe(200);
    const list = jane.json as Array<PaymentRequestJson & { createDate: string }>;
    expect(list.map((pr) => pr.id)).toEqual([1677276108242704, 1677276108242703, 1677276108242702, 1677276108242701]);
    expect(list.map((pr) => pr.transactionStatusId)).toEqual([3, 2, 1, 1]);
    expect(new Set(list.map((pr) => pr.unit))).toEqual(new Set(['USD']));
    expect((await call(sim.url, 'GET', '/payment-requests?clientId=1677274843291205')).json).toEqual([]);
    expect((await call(sim.url, 'GET', '/payment-requests?clientId=9')).status).toBe(404);
    expect((await call(sim.url, 'GET', '/payment-requests?clientId=abc')).status).toBe(400);
    expect((await call(sim.url, 'GET', '/payment-requests?clientId=1677274843291201', { headers: {} })).status).toBe(401);
  });
});

describe('Caibo simulator: seed data', () => {
  it('covers every status and several units, consistent with the amount rule, and is deterministic', async () => {
    const anchorDate = new Date('2025-01-15T00:00:00Z');
    sim = await startCaiboSimulator({ anchorDate });
    const all = (await call(sim.url, 'GET', '/payment-requests')).json as Array<PaymentRequestJson & { createDate: string }>;
    expect(all).toHaveLength(11);
    expect(new Set(all.map((pr) => `${pr.transactionStatusId}/${pr.paymentRequestStatusId}`))).toEqual(new Set(['0/2', '3/2', '1/1', '2/2', '0/3']));
    expect(new Set(all.map((pr) => pr.unit))).toEqual(new Set(['USD', 'EUR', 'GBP', 'USDT']));
    for (const pr of all) {
      if (pr.transactionStatusId === 2) expect(pr.amount >= 2000 && pr.amount < 3000).toBe(true);
      if (pr.transactionStatusId === 1) expect(pr.amount >= 2000 && pr.amount < 3000).toBe(false);
      expect(Date.parse(pr.createDate)).toBeLessThan(anchorDate.getTime());
    }

    const twin = await startCaiboSimulator({ anchorDate, port: 0 });
    cleanups.push(twin.close);
    const again = (await call(twin.url, 'GET', '/payment-requests')).json as PaymentRequestJson[];
    const strip = (list: PaymentRequestJson[]) => list.map(({ link: _link, ...rest }) => rest);
    expect(strip(again)).toEqual(strip(all));

    const other = await startCaiboSimulator({ anchorDate, seed: 99 });
    cleanups.push(other.close);
    const different = (await call(other.url, 'GET', '/payment-requests')).json as PaymentRequestJson[];
    expect(different.map((pr) => pr.id)).toEqual(all.map((pr) => pr.id));
    expect(different.map((pr) => pr.amount)).not.toEqual(all.map((pr) => pr.amount));
  });

  it('keeps seeded requests at their status however much time passes', async () => {
    const clock = manualClock();
    sim = await startCaiboSimulator({ now: clock.now, paymentStatusStepMs: 10 });
    clock.advance(86_400_000);
    const waiting = await call(sim.url, 'GET', '/payment-requests/status/1677276108242706');
    expect(waiting.json).toMatchObject({ transactionStatusId: 0, paymentRequestStatusId: 2 });
  });
});
