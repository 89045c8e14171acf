import type Keyv from 'keyv';
import { moneyOf } from '../../domain/money.js';
import type { TokenCache } from '../../auth/token-cache.js';
import { createEmailIndex } from './email-dedupe.js';
import type { CaiboCredentials } from './credentials.js';
import { GatewayError, nullWhenNotFound } from '../../domain/errors.js';
import type { NativeRef } from '../../domain/global-id.js';
import type { Money, Page, PageRequest, Transaction, TransactionQuery } from '../../domain/model.js';
import { matchesTransactionQuery, PAGE_LIMITS, pageOf, sortByTime } from '../../domain/paging.js';
import type { PaymentRequest } from '../../domain/payment-requests.port.js';
import type { ProviderAdapter } from '../../domain/ports.js';
import { createHttpClient } from '../../http/http-client.js';
import type { UpstreamLimits } from '../../http/limits.js';
import type { GatewayMetrics } from '../../observability/metrics.js';
import { createCaiboClient } from './caibo-client.js';
import { toCreateBody, toUpdateBody } from './customer-input.js';
import { toCustomer } from './customers.mapper.js';
import { checkPaymentRequestInput, toCreateBody as toPaymentRequestBody } from './payment-request-input.js';
import { createCaiboSavedPaymentMethods } from './payment-methods.js';
import { toPaymentRequest } from './payment-requests.mapper.js';
import { readOne, readRecords, type ReadContext } from '../record-reader.js';
import { clientSchema, paymentRequestListSchema, paymentRequestSchema, recordBodySchema, type WireClient } from './wire.js';
import { CAIBO_ID_PATTERN } from './ids.js';

export interface CaiboAdapterOptions {
  /** e.g. `https://apay.caibo.digital` (test and live share it), or the sandbox simulator's URL. */
  baseUrl: string;
  /** An API key (`X-API-Key`) or a control-panel login (email and password → bearer token). */
  credentials: CaiboCredentials;
  tokens: TokenCache;
  metrics: GatewayMetrics;
  limits?: Partial<UpstreamLimits>;
  /** Clock in epoch ms, for the login token's refresh time. */
  now?: () => number;
  /** The keyv store of the email index that refuses duplicate customers (email-dedupe.ts); none = no deduplication. */
  store?: Keyv;
}

const PROVIDER = 'CAIBO_IPG' as const;
const read = (operation: string): ReadContext => ({ provider: PROVIDER, operation });
const asIs = <T>(wire: T): T => wire;

/** Caibo ids are int64 (seed 003); anything else cannot name a Caibo object. */
const isCaiboId = (id: string): boolean => CAIBO_ID_PATTERN.test(id);

function customerNotFound(): GatewayError {
  return new GatewayError('NOT_FOUND', `${PROVIDER}: customer not found`, { provider: PROVIDER });
}

/**
 * Caibo IPG ("FinHub API"). What it has, by port:
 * - customers: create (`POST /customers`), read (`GET /customers/{id}`), partial update
 *   (`PUT /customers/{id}`). No list, search or delete exists (caibo-notes.md, Customers, "Not
 *   found"), so CUSTOMER_LIST and CUSTOMER_DELETE are absent and the gateway answers
 *   UNSUPPORTED_BY_PROVIDER rather than an empty list.
 * - payment requests: create, read, and a customer's requests as Transactions (CUSTOMER_TRANSACTIONS).
 * - no ACCOUNTS / TRANSACTIONS: Caibo is a payment gateway and holds no bank accounts for a customer.
 *   Inventing one account per customer (or per currency) would give callers balances and account ids
 *   the provider never issued, so `Customer.accounts` answers UNSUPPORTED_BY_PROVIDER and a Caibo
 *   Transaction's `account` is null.
 */
export function createCaiboAdapter(options: CaiboAdapterOptions): ProviderAdapter {
  const http = createHttpClient({
    provider: PROVIDER,
    baseUrl: options.baseUrl,
    metrics: options.metrics,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const client = createCaiboClient({
    http,
    tokens: options.tokens,
    credentials: options.credentials,
    baseUrl: options.baseUrl,
    ...(options.now ? { now: options.now } : {}),
  });

  const emails = options.store ? createEmailIndex(options.store, options.baseUrl) : null;
  const emailOf = async (id: string) => (await getClient(id))?.email ?? null;

  const getClient = (id: string): Promise<WireClient | null> =>
    isCaiboId(id)
      ? nullWhenNotFound(
          client
            .callJson({ operation: 'customers.get', method: 'GET', path: `/customers/${id}` }, recordBodySchema)
            .then((body) => readOne(clientSchema, body, read('customers.get'), asIs)),
        )
      : Promise.resolve(null);

  /**
   * SANDBOX ASSUMPTION: `GET /payment-requests?clientId={id}` is not in any Caibo source (caibo-notes.md,
   * "Not found": no list endpoint); our simulator serves it as the most plausible shape, an
   * unpaginated JSON array, newest first. Against the real API this may answer 404.
   */
  async function paymentRequestsOf(customer: NativeRef): Promise<PaymentRequest[]> {
    if (!isCaiboId(customer.id)) throw customerNotFound();
    const list = await client.callJson(
      { operation: 'payment-requests.list', method: 'GET', path: '/payment-requests', query: { clientId: customer.id } },
      paymentRequestListSchema,
    );
    const context = read('payment-requests.list');
    return readRecords(paymentRequestSchema, list, context, (wire) => toPaymentRequest(wire, context));
  }

  /** SANDBOX ASSUMPTION, as paymentRequestsOf: `GET /payment-requests` without `clientId` lists all of the merchant's. */
  async function allPaymentRequests(): Promise<PaymentRequest[]> {
    const list = await client.callJson({ operation: 'payment-requests.list', method: 'GET', path: '/payment-requests' }, paymentRequestListSchema);
    const context = read('payment-requests.list');
    return readRecords(paymentRequestSchema, list, context, (wire) => toPaymentRequest(wire, context));
  }

  async function listForCustomer(customer: NativeRef, query: TransactionQuery, page: PageRequest): Promise<Page<Transaction>> {
    // The (assumed) list is whole: the window, order and page are applied here.
    const requests = await paymentRequestsOf(customer);
    const matching = requests.map((request) => request.transaction).filter((transaction) => matchesTransactionQuery(transaction, query));
    return pageOf(sortByTime(matching, query.sort), page);
  }

  /** Caibo's `totalDeposits` has no unit: it takes the one unit of the customer's deposits, if there is one. */
  async function totalDeposits(customerRef: NativeRef, total: string): Promise<Money | null> {
    const requests = await paymentRequestsOf(customerRef);
    const approved = requests.filter((request) => request.status === 'APPROVED');
    const units = new Set((approved.length > 0 ? approved : requests).map((request) => request.amount.currency));
    const [currency] = units;
    return units.size === 1 && currency !== undefined ? moneyOf(total, currency) : null;
  }

  return {
    key: PROVIDER,
    // Payment requests are read whole and filtered here; Caibo documents no date filter or retention
    // (caibo-notes.md), so a query without `from` reaches all of them.
    transactionHistory: { defaultDays: null, maxMonths: null },
    customerRead: {
      get: async (target) => {
        const wire = await getClient(target.id);
        return wire === null ? null : toCustomer(wire, read('customers.get'));
      },
    },
    customerWrite: {
      async create(input) {
        const body = toCreateBody(input);
        await emails?.assertFree(input.email, emailOf);
        // The OpenAPI block documents `200 OK` with the `Client` (seed 003).
        const created = await client.callJson({ operation: 'customers.create', method: 'POST', path: '/customers', body }, recordBodySchema);
        const context = read('customers.create');
        const customer = readOne(clientSchema, created, context, (wire) => toCustomer(wire, context));
        await emails?.remember(customer.email, customer.providerId);
        return customer;
      },
      async update(target, input) {
        const body = toUpdateBody(input);
        if (!isCaiboId(target.id)) throw customerNotFound();
        await emails?.assertFree(input.email, emailOf, target.id);
        const updated = await client.callJson(
          { operation: 'customers.update', method: 'PUT', path: `/customers/${target.id}`, body },
          recordBodySchema,
        );
        const context = read('customers.update');
        const customer = readOne(clientSchema, updated, context, (wire) => toCustomer(wire, context));
        await emails?.remember(input.email, customer.providerId);
        return customer;
      },
    },
    customerTransactions: {
      // The (assumed) list is unpaginated: the whole list comes in one call whatever the page.
      maxPageSize: PAGE_LIMITS.maxSize,
      listForCustomer,
      // Caibo has no accounts, so no account belongs to a customer window.
      customerOfAccount: () => null,
    },
    paymentRequests: {
      async create(raw) {
        const input = checkPaymentRequestInput(raw);
        let payer: WireClient | null = null;
        if (input.customer !== null) {
          payer = await getClient(input.customer.id);
          if (payer === null) {
            throw new GatewayError('NOT_FOUND', `${PROVIDER}: the customer of customerId does not exist`, {
              provider: PROVIDER,
              field: 'input.customerId',
            });
          }
        }
        const created = await client.callJson(
          {
            operation: 'payment-requests.create',
            method: 'POST',
            path: '/payment-requests',
            body: toPaymentRequestBody(input, payer),
          },
          recordBodySchema,
        );
        const context = read('payment-requests.create');
        return readOne(paymentRequestSchema, created, context, (wire) => toPaymentRequest(wire, context));
      },
      get: async (target) => {
        if (!isCaiboId(target.id)) return null;
        const body = await nullWhenNotFound(
          client.callJson({ operation: 'payment-requests.get', method: 'GET', path: `/payment-requests/${target.id}` }, recordBodySchema),
        );
        const context = read('payment-requests.get');
        return body === null ? null : readOne(paymentRequestSchema, body, context, (wire) => toPaymentRequest(wire, context));
      },
      listAll: allPaymentRequests,
      totalDeposits: (customer) => {
        const total = customer.details?.provider === 'CAIBO_IPG' ? customer.details.totalDeposits : null;
        return total === null ? Promise.resolve(null) : totalDeposits(customer.ref, total);
      },
    },
    savedPaymentMethods: createCaiboSavedPaymentMethods(client),
    close: () => http.close(),
  };
}
