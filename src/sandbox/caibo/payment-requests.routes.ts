import type { FastifyInstance, FastifyReply } from 'fastify';
import type { CaiboStore, NewPaymentRequest } from './caibo-store.js';
import { toPaymentRequestJson, toPaymentStatusJson } from './caibo-json.js';
import { validateClient } from './client-validation.js';
import { fieldOf, hasField, isPlainObject, readJsonBody } from './json-body.js';
import { sendNotFound, sendProblem, validationProblem, type FieldErrors } from './problem-details.js';
import { parseInt64 } from './route-params.js';

/**
 * Payment requests (caibo-notes.md, Payment requests; docs.caibo.digital/ipg/iframe-checkout/
 * create-payment-request): `POST /payment-requests` (the iframe guide adds `?send=null`, accepted and
 * ignored), `GET /payment-requests/{id}` (full model) and `GET /payment-requests/status/{id}`.
 */
export function registerPaymentRequestRoutes(
  app: FastifyInstance,
  store: CaiboStore,
  now: () => number,
  origin: () => string,
): void {
  // Undocumented: the not-found body of payment requests; the seed's `{"error": …}` shape by analogy.
  const notFound = (reply: FastifyReply, id: string) =>
    sendNotFound(reply, 'PAYMENT_REQUEST_NOT_FOUND', `Payment request with ID ${id} not found`, { paymentRequestId: id }, new Date(now()));
  const customerNotFound = (reply: FastifyReply, id: string) =>
    sendNotFound(reply, 'CUSTOMER_NOT_FOUND', `Customer with ID ${id} not found`, { customerId: id }, new Date(now()));

  app.post('/payment-requests', async (request, reply) => {
    const body = readJsonBody(request);
    if (!body.ok) return sendProblem(reply, body.problem);
    const parsed = readNewPaymentRequest(body.value);
    if (!parsed.ok) return sendProblem(reply, validationProblem(parsed.errors));

    let clientId: number | null = null;
    if (parsed.clientId !== undefined) {
      if (store.customer(parsed.clientId) === undefined) return customerNotFound(reply, String(parsed.clientId));
      clientId = parsed.clientId;
    } else if (parsed.client !== undefined) {
      // Sandbox assumption: the `client` details attach the request to the merchant's customer with the
      // same email, or create that customer (the docs only say the details prefill the checkout).
      const { name, email } = parsed.client;
      if (name === undefined || email === undefined) throw new Error('validated client without name/email');
      const existing = store.customerByEmail(email);
      clientId = (existing ?? store.createCustomer({ ...parsed.client, name, email })).id;
    }
    const created = store.createPaymentRequest({ ...parsed.value, clientId });
    return reply.code(200).send(toPaymentRequestJson(created, store, origin()));
  });

  /**
   * SANDBOX ASSUMPTION — not in any Caibo source: `GET /payment-requests?clientId={id}` lists a
   * customer's payment requests (all of the merchant's without `clientId`), newest first, as a JSON array
   * of the full model, unpaginated. Caibo documents no list endpoint (caibo-notes.md, "Not found"), but
   * its control panel lists payment requests, so the FinHub API most plausibly has one; this is the
   * shape an ASP.NET controller would give it. Adapters must treat it as unverified against the real API.
   */
  app.get<{ Querystring: Record<string, string | undefined> }>('/payment-requests', async (request, reply) => {
    const raw = request.query.clientId;
    if (raw === undefined) return reply.code(200).send(store.paymentRequests().map((pr) => toPaymentRequestJson(pr, store, origin())));
    const clientId = parseInt64(raw, 'clientId');
    if (!clientId.ok) return sendProblem(reply, validationProblem(clientId.errors));
    if (store.customer(clientId.id) === undefined) return customerNotFound(reply, raw);
    const list = store.paymentRequests({ clientId: clientId.id });
    return reply.code(200).send(list.map((pr) => toPaymentRequestJson(pr, store, origin())));
  });

  app.get<{ Params: { id: string } }>('/payment-requests/:id', async (request, reply) => {
    const id = parseInt64(request.params.id, 'id');
    if (!id.ok) return sendProblem(reply, validationProblem(id.errors));
    const found = store.paymentRequest(id.id);
    if (found === undefined) return notFound(reply, request.params.id);
    return reply.code(200).send(toPaymentRequestJson(found, store, origin()));
  });

  app.get<{ Params: { id: string } }>('/payment-requests/status/:id', async (request, reply) => {
    const id = parseInt64(request.params.id, 'id');
    if (!id.ok) return sendProblem(reply, validationProblem(id.errors));
    const found = store.paymentRequest(id.id);
    if (found === undefined) return notFound(reply, request.params.id);
    return reply.code(200).send(toPaymentStatusJson(found, store, origin()));
  });
}

type ParsedPaymentRequest =
  | {
      ok: true;
      value: Omit<NewPaymentRequest, 'clientId'>;
      clientId?: number;
      client?: ClientValue;
    }
  | { ok: false; errors: FieldErrors };

const URL_FIELDS = ['notifyUrl', 'successUrl', 'failureUrl'] as const;
const TEXT_FIELDS = ['referenceId', 'notes', 'originDomain'] as const;

/**
 * Body: `{amount (req), unit (req), referenceId?, notifyUrl?, successUrl?, failureUrl?, originDomain?,
 * client?: {name, email, address, phone, memberId}}` (iframe guide, Field Reference). Sandbox additions:
 * `notes` and `clientId` (both fields of the PaymentRequest model) are accepted too.
 */
function readNewPaymentRequest(body: unknown): ParsedPaymentRequest {
  if (!isPlainObject(body)) return { ok: false, errors: { $: ['The JSON value could not be converted to PaymentRequest. Path: $'] } };
  const errors: FieldErrors = {};
  const add = (key: string, message: string): void => {
    (errors[key] ??= []).push(message);
  };

  // ASP.NET's web JSON defaults also read numbers written as strings (`"49.99"`).
  const rawAmount = fieldOf(body, 'amount');
  const amount = typeof rawAmount === 'string' && rawAmount.trim() !== '' ? Number(rawAmount) : rawAmount;
  if (rawAmount === undefined || rawAmount === null) add('amount', 'The amount field is required.');
  else if (typeof amount !== 'number' || !Number.isFinite(amount)) add('$.amount', 'The JSON value could not be converted to System.Decimal. Path: $.amount');
  else if (amount <= 0) add('amount', 'The field amount must be greater than 0.');

  const rawUnit = fieldOf(body, 'unit');
  if (rawUnit === undefined || rawUnit === null || (typeof rawUnit === 'string' && rawUnit.trim() === '')) add('unit', 'The unit field is required.');
  else if (typeof rawUnit !== 'string') add('$.unit', 'The JSON value could not be converted to System.String. Path: $.unit');
  // ISO 4217 per the field reference, but the marketing page also lists BTC and USDT: 3-5 letters.
  else if (!/^[A-Za-z]{3,5}$/.test(rawUnit)) add('unit', 'The field unit must be an ISO 4217 currency code.');

  const text: Record<string, string | null> = {};
  for (const field of [...TEXT_FIELDS, ...URL_FIELDS]) {
    const value = fieldOf(body, field);
    if (value === undefined || value === null || value === '') {
      text[field] = null;
    } else if (typeof value !== 'string') {
      add(`$.${field}`, `The JSON value could not be converted to System.String. Path: $.${field}`);
    } else if ((URL_FIELDS as readonly string[]).includes(field) && !isHttpUrl(value)) {
      // .NET's [Url] message.
      add(field, `The ${field} field is not a valid fully-qualified http, https, or ftp URL.`);
    } else {
      text[field] = value;
    }
  }

  let clientId: number | undefined;
  const rawClientId = fieldOf(body, 'clientId');
  if (rawClientId !== undefined && rawClientId !== null) {
    if (typeof rawClientId === 'number' && Number.isSafeInteger(rawClientId)) clientId = rawClientId;
    else add('$.clientId', 'The JSON value could not be converted to System.Int64. Path: $.clientId');
  }
  let client: ClientValue | undefined;
  if (clientId === undefined && hasField(body, 'client') && fieldOf(body, 'client') !== null) {
    const validated = validateClient(fieldOf(body, 'client'), 'create', 'client.');
    if (validated.ok) client = validated.value;
    else Object.assign(errors, validated.errors);
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      amount: amount as number,
      unit: (rawUnit as string).toUpperCase(),
      referenceId: text.referenceId ?? null,
      notes: text.notes ?? null,
      originDomain: text.originDomain ?? null,
      notifyUrl: text.notifyUrl ?? null,
      successUrl: text.successUrl ?? null,
      failureUrl: text.failureUrl ?? null,
    },
    ...(clientId === undefined ? {} : { clientId }),
    ...(client === undefined ? {} : { client }),
  };
}

type ClientValue = Extract<ReturnType<typeof validateClient>, { ok: true }>['value'];

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ftp:';
  } catch {
    return false;
  }
}
