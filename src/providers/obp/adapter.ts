import type { TokenCache } from '../../auth/token-cache.js';
import type { BanksPort, UserCustomerLinksPort } from '../../domain/banks.port.js';
import { nullWhenNotFound, unsupported } from '../../domain/errors.js';
import type { NativeRef } from '../../domain/global-id.js';
import type { Customer, Page, PageRequest } from '../../domain/model.js';
import { emptyPage, pageThroughFilter, withoutHoles } from '../../domain/paging.js';
import type { ProviderAdapter } from '../../domain/ports.js';
import { createHttpClient } from '../../http/http-client.js';
import type { UpstreamLimits } from '../../http/limits.js';
import type { GatewayMetrics } from '../../observability/metrics.js';
import { readOne } from '../record-reader.js';
import { createObpAccounts } from './accounts.js';
import { createBankScope } from './bank-scope.js';
import { createObpBanks } from './banks.js';
import { asIs, read, segment, type ObpContext } from './context.js';
import type { ObpCredentials } from './credentials.js';
import { createObpCustomerExtras } from './customer-extras.js';
import { toCreateBody, toCreateBodyV200 } from './customer-input.js';
import { COUNT_WINDOW, mergeBankLists } from './customer-merge.js';
import { toCustomer } from './customers.mapper.js';
import { createDirectLoginClient } from './direct-login-client.js';
import { createObpTransactions } from './transactions.js';
import { createObpUserLinks } from './user-links.js';
import { customerSchema, recordBodySchema } from './wire.js';

export interface ObpAdapterOptions {
  /** e.g. `https://apisandbox.openbankproject.com`, or the sandbox simulator's URL. */
  baseUrl: string;
  /** DirectLogin user and consumer key (OBP_USERNAME, OBP_PASSWORD, OBP_CONSUMER_KEY). */
  credentials: ObpCredentials;
  /** OBP_BANK_IDS: the banks to expose, in fan-out order; null exposes every bank OBP lists. */
  bankIds: string[] | null;
  /** OBP_API_VERSION, e.g. `v5.1.0`; v5.0.0 or newer (the customer list and create shapes used here). */
  apiVersion: string;
  tokens: TokenCache;
  metrics: GatewayMetrics;
  limits?: Partial<UpstreamLimits>;
  now?: () => number;
}

export interface ObpAdapter extends ProviderAdapter {
  readonly banks: BanksPort;
  readonly userCustomerLinks: UserCustomerLinksPort;
}

/** v5.0.0 is the first version with the customers list (getCustomersAtOneBank) and the lean create body. */
function checkVersion(apiVersion: string): string {
  const match = /^v(\d+)\.(\d+)\.(\d+)$/.exec(apiVersion);
  if (!match || Number(match[1]) < 5) throw new Error(`OBP_API_VERSION: ${apiVersion} is not supported; use v5.0.0 or newer`);
  return apiVersion;
}

/**
 * The Open Bank Project adapter. Everything at OBP lives at a bank, so every global ID it issues
 * carries the BANK_ID in its scope (Bank: the id itself; Customer and Account: [bankId];
 * Transaction: [bankId, accountId]) and every such id is checked against OBP-30111 and
 * OBP_BANK_IDS before any call. Its ports live beside it: banks.ts, accounts.ts, transactions.ts,
 * user-links.ts; customers are here.
 */
export function createObpAdapter(options: ObpAdapterOptions): ObpAdapter {
  const version = checkVersion(options.apiVersion);
  const http = createHttpClient({
    provider: 'OBP',
    baseUrl: options.baseUrl,
    metrics: options.metrics,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const client = createDirectLoginClient({
    http,
    tokens: options.tokens,
    credentials: options.credentials,
    baseUrl: options.baseUrl,
    ...(options.now ? { now: options.now } : {}),
  });
  const path = (rest: string): string => `/obp/${version}${rest}`;
  const context: ObpContext = {
    client,
    scope: createBankScope(options.bankIds),
    path,
    bankPath: (bankId) => path(`/banks/${segment(bankId)}`),
    now: options.now ?? Date.now,
  };
  const { scope, bankPath } = context;
  const accounts = createObpAccounts(context);
  const banks = createObpBanks(context, accounts);

  function getCustomer(target: NativeRef): Promise<Customer | null> {
    const bankId = scope.bankOf(target);
    // v3.1.0 getCustomerByCustomerId. OBP finds the customer by id alone, so a customer of
    // another bank is "not found" here, as the ID's bank says where it must live.
    return nullWhenNotFound(
      client
        .callJson(
          { operation: 'customers.get', method: 'GET', path: `${bankPath(bankId)}/customers/${segment(target.id)}` },
          recordBodySchema,
        )
        .then((body) => {
          const reading = read('customers.get');
          const wire = readOne(customerSchema, body, reading, asIs, { idField: 'customer_id' });
          return wire.bank_id && wire.bank_id !== bankId ? null : toCustomer(wire, bankId, reading);
        }),
    );
  }

  const extras = createObpCustomerExtras(context, getCustomer);

  async function mergedCustomers(window: PageRequest): Promise<Page<Customer>> {
    return withoutHoles(await mergeBankLists(await banks.fanOutBankIds(), banks.customersAt, window));
  }

  return {
    key: 'OBP',
    // OBP's own default `from_date` is the epoch (obp-notes.md, Pagination; meta.pagination) and it
    // documents no retention limit: a query without `from` reaches everything the bank holds.
    transactionHistory: { defaultDays: null, maxMonths: null },
    banks: banks.port,
    userCustomerLinks: createObpUserLinks(context),
    ...extras,
    customerList: {
      async list(search, page) {
        // OBP customers have no username: a username search matches none of them.
        if (search.username) return emptyPage(page);
        const text = search.search?.trim().toLowerCase();
        // OBP's customer list has no name filter (v5.0.0 reads only limit, offset, sort_direction).
        if (text) {
          return pageThroughFilter(mergedCustomers, (customer) => (customer.name ?? '').toLowerCase().includes(text), page, COUNT_WINDOW);
        }
        return mergedCustomers(page);
      },
    },
    customerRead: { get: getCustomer },
    customerWrite: {
      async create(input) {
        const details = input.details?.provider === 'OBP' ? input.details : null;
        const userId = details?.userId?.trim() || null;
        const body = userId === null ? toCreateBody(input) : toCreateBodyV200(input, userId, new Date(context.now()));
        const bankId = scope.check(details?.bankId, 'input.obp.bankId');
        // v5.0.0 createCustomer → 201 CustomerJsonV310; with a user to link, v2.0.0 createCustomer
        // (seed 004: `user_id`; later versions override the path with bodies that have none) →
        // CustomerJsonV140. A refused token is retried once: OBP authenticates before anything
        // else, so the first attempt created nothing.
        const target = userId === null ? `${bankPath(bankId)}/customers` : `/obp/v2.0.0/banks/${segment(bankId)}/customers`;
        const wire = await client.callJson({ operation: 'customers.create', method: 'POST', path: target, body }, recordBodySchema);
        const reading = read('customers.create');
        return readOne(customerSchema, wire, reading, (created) => toCustomer(created, bankId, reading), { idField: 'customer_id' });
      },
      update() {
        // OBP changes customers field group by field group (PUT …/customers/CUSTOMER_ID/data, /number …),
        // none of which the gateway offers yet.
        return Promise.reject(unsupported('OBP', 'updating customers'));
      },
    },
    accounts: accounts.port,
    accountTransactions: createObpTransactions(context),
    close: () => http.close(),
  };
}
