import { GatewayError, nullWhenNotFound } from '../../domain/errors.js';
import type { Page, PageRequest, Transaction, TransactionQuery } from '../../domain/model.js';
import { pageThroughFilter, readInWindows } from '../../domain/paging.js';
import type { ProviderAdapter } from '../../domain/ports.js';
import { readInWindowsLazily, type AccountIndexedPage } from '../../domain/account-window.js';
import type { TokenCache } from '../../auth/token-cache.js';
import { createHttpClient } from '../../http/http-client.js';
import type { UpstreamLimits } from '../../http/limits.js';
import type { GatewayMetrics } from '../../observability/metrics.js';
import { customerIdOf, customerWindowLink } from './account-scope.js';
import { toAccount } from './accounts.mapper.js';
import { NoConsentError } from './consent-hooks.js';
import { toCreateBody, toUpdateBody } from './customer-input.js';
import { toCustomer } from './customers.mapper.js';
import {
  createFinicityClient,
  type DataScope,
  type FinicityClient,
  type FinicityClientOptions,
  type FinicityCredentials,
} from './finicity-client.js';
import { readOne, readRecords, type ReadContext } from '../record-reader.js';
import { segment, type MastercardRegion } from './region.js';
import { toTransaction } from './transactions.mapper.js';
import { transactionWindowPage } from './transaction-window.js';
import {
  accountListSchema,
  accountSchema,
  createdCustomerSchema,
  customerListSchema,
  customerSchema,
  recordBodySchema,
  transactionListSchema,
} from './wire.js';
import { customerRecord, transactionRecord } from './wire-fast-path.js';

export interface MastercardAdapterOptions {
  region: MastercardRegion;
  /** e.g. `https://api.finicity.com`, or a sandbox simulator's URL. */
  baseUrl: string;
  credentials: FinicityCredentials;
  tokens: TokenCache;
  metrics: GatewayMetrics;
  limits?: Partial<UpstreamLimits>;
  now?: () => number;
  /** Region hooks on the platform client (AU: the consent header and CONSENT_REVOKED). */
  clientHooks?: Pick<FinicityClientOptions, 'dataHeaders' | 'mapError'>;
}

/** Mastercard: `limit` max 1000 for customers and transactions (us-notes.md). */
const MAX_LIMIT = 1000;

export interface MastercardAdapter extends ProviderAdapter {
  /** The shared platform client, for region modules that add their own operations (AU consents …). */
  readonly client: FinicityClient;
}

export function createMastercardAdapter(options: MastercardAdapterOptions): MastercardAdapter {
  const { region } = options;
  const http = createHttpClient({
    provider: region.provider,
    baseUrl: options.baseUrl,
    metrics: options.metrics,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const client = createFinicityClient({
    region,
    http,
    tokens: options.tokens,
    credentials: options.credentials,
    ...(options.now ? { now: options.now } : {}),
    ...options.clientHooks,
  });

  const read = (operation: string): ReadContext => ({ provider: region.provider, operation });

  async function transactionWindow(
    operation: string,
    path: string,
    data: DataScope,
    query: TransactionQuery,
    window: PageRequest,
  ): Promise<AccountIndexedPage<Transaction>> {
    const customerId = data.customerId;
    const body = await client.callJson(
      {
        operation,
        method: 'GET',
        path,
        data,
        query: {
          // Mastercard: fromDate/toDate are required epoch seconds (us-notes.md, Transactions).
          fromDate: Math.floor(query.from.getTime() / 1000),
          toDate: Math.floor(query.to.getTime() / 1000),
          // `start` is the 1-based index of the first record, not a page number.
          start: window.offset + 1,
          limit: window.limit,
          sort: query.sort,
          includePending: query.statuses.length === 0 || query.statuses.includes('PENDING'),
        },
      },
      transactionListSchema,
    );
    const context = read(operation);
    return transactionWindowPage(body, window, context, (wire) => toTransaction(region, wire, customerId, context));
  }

  /** Pending is filtered by the provider; POSTED/SHADOW selections are filtered here. */
  function listTransactions(
    operation: string,
    path: string,
    data: DataScope,
    query: TransactionQuery,
    page: PageRequest,
  ): Promise<Page<Transaction>> {
    const statuses = query.statuses;
    // The provider can leave out PENDING only; every other status (OTHER too) is filtered here.
    const needsLocalFilter = statuses.length > 0 && !(['POSTED', 'SHADOW', 'OTHER'] as const).every((status) => statuses.includes(status));
    if (!needsLocalFilter) return readInWindowsLazily((window) => transactionWindow(operation, path, data, query, window), page, MAX_LIMIT);
    return pageThroughFilter(
      (window) => transactionWindow(operation, path, data, query, window),
      (transaction) => statuses.includes(transaction.status),
      page,
      MAX_LIMIT,
    );
  }

  return {
    key: region.provider,
    client,
    transactionHistory: region.transactionHistory,
    customerList: {
      // Pages beyond 1000 and `first: 0` (Mastercard's `limit` is 1…1000) are read in windows.
      list: (search, page) =>
        readInWindows(
          async (window) => {
            const body = await client.callJson(
              {
                operation: 'customers.list',
                method: 'GET',
                path: '/aggregation/v1/customers',
                query: {
                  search: search.search ?? undefined,
                  username: search.username ?? undefined,
                  start: window.offset + 1,
                  limit: window.limit,
                },
              },
              customerListSchema,
            );
            const context = read('customers.list');
            const items = readRecords(customerRecord, body.customers, context, (wire) => toCustomer(region, wire, context));
            return {
              items,
              offset: window.offset,
              hasMore: body.moreAvailable ?? false,
              totalCount: body.found ?? null,
              ...(items.length < body.customers.length ? { span: body.customers.length } : {}),
            };
          },
          page,
          MAX_LIMIT,
        ),
    },
    customerRead: {
      get: (target) =>
        nullWhenNotFound(
          client
            .callJson(
              { operation: 'customers.get', method: 'GET', path: `/aggregation/v1/customers/${segment(target.id)}` },
              recordBodySchema,
            )
            .then((body) => {
              const context = read('customers.get');
              return readOne(customerSchema, body, context, (wire) => toCustomer(region, wire, context));
            }),
        ),
    },
    customerWrite: {
      async create(input) {
        const body = toCreateBody(region, input);
        const kind = input.kind === 'ACTIVE' ? 'active' : 'testing';
        const created = await client.callJson(
          { operation: `customers.create.${kind}`, method: 'POST', path: `/aggregation/v2/customers/${kind}`, body },
          createdCustomerSchema,
        );
        // The create answer holds only id, username and createdDate: the rest is what we sent.
        return toCustomer(region, { ...body, ...created, type: kind }, read(`customers.create.${kind}`));
      },
      async update(target, input) {
        const body = toUpdateBody(region, input);
        await client.call({
          operation: 'customers.update',
          method: 'PUT',
          path: `/aggregation/v1/customers/${segment(target.id)}`,
          body,
        });
        const answer = await client.callJson(
          { operation: 'customers.get', method: 'GET', path: `/aggregation/v1/customers/${segment(target.id)}` },
          recordBodySchema,
        );
        const context = read('customers.get');
        return readOne(customerSchema, answer, context, (wire) => toCustomer(region, wire, context));
      },
    },
    customerDelete: {
      async delete(target) {
        await client.call({ operation: 'customers.delete', method: 'DELETE', path: `/aggregation/v1/customers/${segment(target.id)}` });
      },
    },
    accounts: {
      async listForCustomer(customer) {
        try {
          const body = await client.callJson(
            {
              operation: 'accounts.list',
              method: 'GET',
              path: `/aggregation/v1/customers/${segment(customer.id)}/accounts`,
              data: { customerId: customer.id },
            },
            accountListSchema,
          );
          const context = read('accounts.list');
          return readRecords(accountSchema, body.accounts, context, (wire) => toAccount(region, wire, customer.id, context));
        } catch (error) {
          // 38003 "customer has no accounts" is an answer, not a failure (us-notes.md, Errors).
          if (error instanceof GatewayError && error.code === 'NOT_FOUND' && error.providerCode === '38003') return [];
          if (error instanceof NoConsentError) return []; // AU: nothing shared yet (consent-hooks.ts)
          throw error;
        }
      },
      get: (target) => {
        const customerId = customerIdOf(target);
        return nullWhenNotFound(
          client
            .callJson(
              {
                operation: 'accounts.get',
                method: 'GET',
                path: `/aggregation/v2/customers/${segment(customerId)}/accounts/${segment(target.id)}`,
                data: { customerId, accountId: target.id },
              },
              recordBodySchema,
            )
            .then((body) => {
              const context = read('accounts.get');
              return readOne(accountSchema, body, context, (wire) => toAccount(region, wire, customerId, context));
            }),
        );
      },
    },
    accountTransactions: {
      listForAccount(account, query, page) {
        const customerId = customerIdOf(account);
        return listTransactions(
          'transactions.account',
          region.accountTransactionsPath(customerId, account.id),
          { customerId, accountId: account.id },
          query,
          page,
        );
      },
      get(target) {
        const customerId = customerIdOf(target);
        return nullWhenNotFound(
          client
            .callJson(
              {
                operation: 'transactions.get',
                method: 'GET',
                path: `/aggregation/v2/customers/${segment(customerId)}/transactions/${segment(target.id)}`,
                data: { customerId },
              },
              recordBodySchema,
            )
            .then((body) => {
              const context = read('transactions.get');
              return readOne(transactionRecord, body, context, (wire) => toTransaction(region, wire, customerId, context));
            }),
        );
      },
    },
    customerTransactions: {
      maxPageSize: MAX_LIMIT,
      ...customerWindowLink(region.provider),
      listForCustomer(customer, query, page) {
        // Mastercard: the v3 customer-level endpoint covers every account in one call (us-notes.md).
        const path = `/aggregation/v3/customers/${segment(customer.id)}/transactions`;
        return listTransactions('transactions.customer', path, { customerId: customer.id }, query, page);
      },
    },
    close: () => http.close(),
  };
}
