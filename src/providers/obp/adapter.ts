import type { TokenCache } from '../../auth/token-cache.js';
import type { ObpCredentials } from './credentials.js';
import type { Bank, BanksPort, UserCustomerLink, UserCustomerLinksPort } from '../../domain/banks.port.js';
import { GatewayError, unsupported, nullWhenNotFound } from '../../domain/errors.js';
import { ref, type NativeRef } from '../../domain/global-id.js';
import type { Account, Customer, Page, PageRequest, Transaction, TransactionQuery } from '../../domain/model.js';
import { pageThroughFilter } from '../../domain/paging.js';
import type { ProviderAdapter } from '../../domain/ports.js';
import { createHttpClient } from '../../http/http-client.js';
import type { UpstreamLimits } from '../../http/limits.js';
import type { GatewayMetrics } from '../../observability/metrics.js';
import { OWNER_VIEW, toAccount } from './accounts.mapper.js';
import { createBankScope } from './bank-scope.js';
import { toBank } from './banks.mapper.js';
import { toCreateBody } from './customer-input.js';
import { COUNT_WINDOW, mergeBankLists } from './customer-merge.js';
import { toCustomer } from './customers.mapper.js';
import { obpDate, toObpFilterDate } from './dates.js';
import { createDirectLoginClient } from './direct-login-client.js';
import { readOne, readRecords, readRecordsInPlace, type ReadContext } from '../record-reader.js';
import { toTransaction } from './transactions.mapper.js';
import {
  accountSchema,
  bankListSchema,
  bankSchema,
  basicAccountListSchema,
  basicAccountSchema,
  currentUserSchema,
  customerAccountLinkListSchema,
  customerAccountLinkSchema,
  customerListSchema,
  customerSchema,
  recordBodySchema,
  transactionListSchema,
  transactionSchema,
  userCustomerLinkListSchema,
  userCustomerLinkSchema,
  type WireUserCustomerLink,
} from './wire.js';

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

/** The bank list rarely changes; re-read it every 5 minutes for fan-outs over "all banks". */
const BANK_LIST_TTL_MS = 5 * 60 * 1000;
/** Concurrent account reads when one listing needs each account through the owner view. */
const ACCOUNT_READ_CONCURRENCY = 8;

const segment = (value: string): string => encodeURIComponent(value);
const read = (operation: string): ReadContext => ({ provider: 'OBP', operation });
const asIs = <T>(wire: T): T => wire;

/** v5.0.0 is the first version with the customers list (getCustomersAtOneBank) and the lean create body. */
function checkVersion(apiVersion: string): string {
  const match = /^v(\d+)\.(\d+)\.(\d+)$/.exec(apiVersion);
  if (!match || Number(match[1]) < 5) throw new Error(`OBP_API_VERSION: ${apiVersion} is not supported; use v5.0.0 or newer`);
  return apiVersion;
}

function idOf(target: NativeRef, index: number, what: string): string {
  const id = target.scope[index];
  if (!id) throw new GatewayError('BAD_USER_INPUT', `Malformed ${target.type} ID: it names no ${what}`, { field: 'id' });
  return id;
}

/** Runs `load` over `items` with at most `limit` in flight, keeping order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, load: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await load(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * A page from a window read with one extra item. The total is known only at the end of the list,
 * and only when the page is not past it (an empty page at offset n says nothing about the size).
 * `read` is how many records the provider sent (some may have been left out as unreadable): the
 * next page starts after all of them, and a page with a record left out has no exact total.
 */
function windowPage<T>(items: T[], page: PageRequest, read = items.length): Page<T> {
  const hasMore = read > page.limit;
  const knowsTotal = !hasMore && read === items.length && (items.length > 0 || page.offset === 0);
  const kept = items.slice(0, page.limit);
  const span = Math.min(read, page.limit);
  return {
    items: kept,
    offset: page.offset,
    hasMore,
    totalCount: knowsTotal ? page.offset + items.length : null,
    ...(span !== kept.length ? { span } : {}),
  };
}

/** A page whose unreadable records left holes: the holes go, and `span` keeps the provider's positions. */
function withoutHoles<T>(page: Page<T | undefined>): Page<T> {
  const items = page.items.filter((item): item is T => item !== undefined);
  if (items.length === page.items.length) return page as Page<T>;
  return { ...page, items, totalCount: null, span: page.span ?? page.items.length };
}

function toLink(wire: WireUserCustomerLink, bankId: string, context: ReadContext): UserCustomerLink {
  return {
    providerId: wire.user_customer_link_id,
    provider: 'OBP',
    userId: wire.user_id,
    customerRef: ref('OBP', 'Customer', wire.customer_id, bankId),
    createdAt: obpDate(wire.date_inserted, { context, field: 'date_inserted' }),
    active: wire.is_active ?? true,
  };
}

/**
 * The Open Bank Project adapter. Everything at OBP lives at a bank, so every global ID it issues
 * carries the BANK_ID in its scope (Bank: the id itself; Customer and Account: [bankId];
 * Transaction: [bankId, accountId]) and every such id is checked against OBP-30111 and
 * OBP_BANK_IDS before any call.
 */
export function createObpAdapter(options: ObpAdapterOptions): ObpAdapter {
  const version = checkVersion(options.apiVersion);
  const scope = createBankScope(options.bankIds);
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
  const now = options.now ?? Date.now;
  // Versions are cumulative: v5.1.0 serves the v3.x/v4.x endpoints it does not override (meta.caveats).
  const path = (rest: string): string => `/obp/${version}${rest}`;
  const bankPath = (bankId: string): string => path(`/banks/${segment(bankId)}`);

  let bankList: { ids: Promise<string[]>; until: number } | null = null;
  /** The banks a fan-out covers: OBP_BANK_IDS as configured, or OBP's list (cached briefly). */
  function fanOutBankIds(): Promise<string[]> {
    if (scope.configured) return Promise.resolve([...scope.configured]);
    if (bankList && bankList.until > now()) return bankList.ids;
    const ids = listBanks().then((banks) => banks.map((bank) => bank.providerId));
    bankList = { ids, until: now() + BANK_LIST_TTL_MS };
    ids.catch(() => {
      bankList = null;
    });
    return ids;
  }

  async function listBanks(): Promise<Bank[]> {
    // Banks are public in OBP, but the token is harmless and keeps one code path.
    const body = await client.callJson({ operation: 'banks.list', method: 'GET', path: path('/banks') }, bankListSchema);
    const banks = readRecords(bankSchema, body.banks, read('banks.list'), toBank);
    if (!scope.configured) return banks;
    const byId = new Map(banks.map((bank) => [bank.providerId, bank]));
    return scope.configured.flatMap((id) => {
      const bank = byId.get(id);
      return bank ? [bank] : [];
    });
  }

  /**
   * v5.0.0 getCustomersAtOneBank: `limit`, `offset`, `sort_direction` as URL parameters
   * (meta.pagination.urlQueryStyle). A customer record that cannot be read leaves `undefined` in its
   * place, so bank offsets keep counting OBP's positions; pages drop the holes last (withoutHoles).
   */
  async function customersAt(bankId: string, window: PageRequest): Promise<Array<Customer | undefined>> {
    const body = await client.callJson(
      {
        operation: 'customers.list',
        method: 'GET',
        path: `${bankPath(bankId)}/customers`,
        query: {
          // OBP's minimum limit is 1 (OBP-10025); a zero-size window still learns whether more exist.
          limit: Math.max(1, window.limit),
          offset: window.offset,
          // Oldest first, so customers added meanwhile land at the end instead of shifting every offset.
          sort_direction: 'ASC',
        },
      },
      customerListSchema,
    );
    const context = read('customers.list');
    return readRecordsInPlace(customerSchema, body.customers.slice(0, window.limit), context, (wire) => toCustomer(wire, bankId, context), {
      idField: 'customer_id',
    });
  }

  async function mergedCustomers(window: PageRequest): Promise<Page<Customer>> {
    return withoutHoles(await mergeBankLists(await fanOutBankIds(), customersAt, window));
  }

  /** The owner view of one account (v4.0.0 getPrivateAccountByIdFull). */
  function accountThroughView(bankId: string, accountId: string, customerRef: NativeRef | null): Promise<Account> {
    return client
      .callJson(
        {
          operation: 'accounts.get',
          method: 'GET',
          path: `${bankPath(bankId)}/accounts/${segment(accountId)}/${OWNER_VIEW}/account`,
        },
        recordBodySchema,
      )
      .then((body) => {
        const context = read('accounts.get');
        return readOne(accountSchema, body, context, (wire) => toAccount(wire, bankId, customerRef, context));
      });
  }

  /**
   * OBP links accounts to users; customers reach accounts through customer-account links (v5.0.0,
   * not in the extract). The link of an account names its customer, when the gateway's user may
   * read links; otherwise the account simply has no customer.
   */
  async function customerOfAccount(bankId: string, accountId: string): Promise<NativeRef | null> {
    try {
      const body = await client.callJson(
        {
          operation: 'accounts.customerLinks',
          method: 'GET',
          path: `${bankPath(bankId)}/accounts/${segment(accountId)}/customer-account-links`,
        },
        customerAccountLinkListSchema,
      );
      const links = readRecords(customerAccountLinkSchema, body.links, read('accounts.customerLinks'), asIs, { idField: 'account_id' });
      const customerId = links[0]?.customer_id;
      return customerId ? ref('OBP', 'Customer', customerId, bankId) : null;
    } catch (error) {
      const optional =
        error instanceof GatewayError &&
        (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND' || error.providerCode === 'OBP-10404');
      if (optional) return null;
      throw error;
    }
  }

  async function readAccount(bankId: string, accountId: string): Promise<Account> {
    const [account, customerRef] = await Promise.all([
      accountThroughView(bankId, accountId, null),
      customerOfAccount(bankId, accountId),
    ]);
    return { ...account, customerRef };
  }

  /**
   * v3.0.0 getTransactionsForBankAccount through the owner view. Its filters are REQUEST HEADERS,
   * not URL parameters (obp-notes.md, Pagination: "verified in code"; the resource-doc text says
   * URL parameters, OBP's own tests send headers). OBP also accepts the names without `obp_`, but
   * these are the documented ones. Underscores in header names are legal HTTP; a proxy in front of
   * OBP must not drop them (nginx: underscores_in_headers on).
   */
  async function transactionWindow(bankId: string, accountId: string, query: TransactionQuery, window: PageRequest): Promise<Page<Transaction>> {
    const body = await client.callJson(
      {
        operation: 'transactions.list',
        method: 'GET',
        path: `${bankPath(bankId)}/accounts/${segment(accountId)}/${OWNER_VIEW}/transactions`,
        headers: {
          // One more than asked: OBP lists have no total or next-page field (meta.pagination).
          obp_limit: String(window.limit + 1),
          obp_offset: String(window.offset),
          obp_from_date: toObpFilterDate(query.from),
          obp_to_date: toObpFilterDate(query.to),
          obp_sort_direction: query.sort === 'asc' ? 'ASC' : 'DESC',
        },
      },
      transactionListSchema,
    );
    const context = read('transactions.list');
    const items = readRecords(transactionSchema, body.transactions, context, (wire) => toTransaction(wire, bankId, accountId, context));
    return windowPage(items, window, body.transactions.length);
  }

  let currentUserId: Promise<string> | null = null;
  function ownUserId(): Promise<string> {
    currentUserId ??= client
      .callJson({ operation: 'users.current', method: 'GET', path: path('/users/current') }, currentUserSchema)
      .then((user) => user.user_id);
    currentUserId.catch(() => {
      currentUserId = null;
    });
    return currentUserId;
  }

  const banks: BanksPort = {
    list: listBanks,
    get(target) {
      const bankId = scope.check(target.id, 'id');
      return nullWhenNotFound(
        client
          .callJson({ operation: 'banks.get', method: 'GET', path: bankPath(bankId) }, recordBodySchema)
          .then((body) => readOne(bankSchema, body, read('banks.get'), toBank)),
      );
    },
    async customers(target, page) {
      const bankId = scope.check(target.id, 'id');
      return withoutHoles(windowPage(await customersAt(bankId, { offset: page.offset, limit: page.limit + 1 }), page));
    },
    async accounts(target, page) {
      const bankId = scope.check(target.id, 'id');
      // BasicAccountJSON has ids and labels only: list them, then read the page's accounts through the view.
      const body = await client.callJson(
        { operation: 'accounts.listAtBank', method: 'GET', path: `${bankPath(bankId)}/accounts` },
        basicAccountListSchema,
      );
      const ids = readRecords(basicAccountSchema, body.accounts, read('accounts.listAtBank'), (account) => account.id);
      const pageIds = ids.slice(page.offset, page.offset + page.limit);
      return {
        items: await mapLimited(pageIds, ACCOUNT_READ_CONCURRENCY, (accountId) => readAccount(bankId, accountId)),
        offset: page.offset,
        hasMore: ids.length > page.offset + page.limit,
        totalCount: ids.length,
      };
    },
  };

  const userCustomerLinks: UserCustomerLinksPort = {
    async listForCustomer(customer) {
      const bankId = scope.bankOf(customer);
      // v4.0.0 getUserCustomerLinksByCustomerId (not in the extract; served under v5.1.0).
      const body = await client.callJson(
        {
          operation: 'userCustomerLinks.list',
          method: 'GET',
          path: `${bankPath(bankId)}/user_customer_links/customers/${segment(customer.id)}`,
        },
        userCustomerLinkListSchema,
      );
      const context = read('userCustomerLinks.list');
      return readRecords(userCustomerLinkSchema, body.user_customer_links, context, (wire) => toLink(wire, bankId, context), {
        idField: 'user_customer_link_id',
      });
    },
    async link(customer, userId) {
      const bankId = scope.bankOf(customer, 'customerId');
      const user = userId ?? (await ownUserId());
      // v2.0.0 createUserCustomerLinks (seed 004, "Link a User to a Customer"): {user_id, customer_id}.
      const wire = await client.callJson(
        {
          operation: 'userCustomerLinks.create',
          method: 'POST',
          path: `${bankPath(bankId)}/user_customer_links`,
          body: { user_id: user, customer_id: customer.id },
        },
        recordBodySchema,
      );
      const context = read('userCustomerLinks.create');
      return readOne(userCustomerLinkSchema, wire, context, (link) => toLink(link, bankId, context), { idField: 'user_customer_link_id' });
    },
  };

  return {
    key: 'OBP',
    banks,
    userCustomerLinks,
    customerList: {
      async list(search, page) {
        // OBP customers have no username: a username search matches none of them.
        if (search.username) return { items: [], offset: page.offset, hasMore: false, totalCount: 0 };
        const text = search.search?.trim().toLowerCase();
        // OBP's customer list has no name filter (v5.0.0 reads only limit, offset, sort_direction).
        if (text) {
          return pageThroughFilter(mergedCustomers, (customer) => (customer.name ?? '').toLowerCase().includes(text), page, COUNT_WINDOW);
        }
        return mergedCustomers(page);
      },
    },
    customerRead: {
      get(target) {
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
              const context = read('customers.get');
              const wire = readOne(customerSchema, body, context, asIs, { idField: 'customer_id' });
              return wire.bank_id && wire.bank_id !== bankId ? null : toCustomer(wire, bankId, context);
            }),
        );
      },
    },
    customerWrite: {
      async create(input) {
        const body = toCreateBody(input);
        const bankId = scope.check(input.details?.provider === 'OBP' ? input.details.bankId : undefined, 'input.obp.bankId');
        // v5.0.0 createCustomer → 201 CustomerJsonV310. A refused token is retried once: OBP
        // authenticates before anything else, so the first attempt created nothing.
        const wire = await client.callJson(
          { operation: 'customers.create', method: 'POST', path: `${bankPath(bankId)}/customers`, body },
          recordBodySchema,
        );
        const context = read('customers.create');
        return readOne(customerSchema, wire, context, (created) => toCustomer(created, bankId, context), { idField: 'customer_id' });
      },
      update() {
        // OBP changes customers field group by field group (PUT …/customers/CUSTOMER_ID/data, /number …),
        // none of which the gateway offers yet.
        return Promise.reject(unsupported('OBP', 'updating customers'));
      },
    },
    accounts: {
      async listForCustomer(customer) {
        const bankId = scope.bankOf(customer);
        const body = await client.callJson(
          {
            operation: 'customers.accountLinks',
            method: 'GET',
            path: `${bankPath(bankId)}/customers/${segment(customer.id)}/customer-account-links`,
          },
          customerAccountLinkListSchema,
        );
        const links = readRecords(customerAccountLinkSchema, body.links, read('customers.accountLinks'), asIs, { idField: 'account_id' });
        const accountIds = [...new Set(links.map((link) => link.account_id))];
        return mapLimited(accountIds, ACCOUNT_READ_CONCURRENCY, (accountId) => accountThroughView(bankId, accountId, customer));
      },
      get(target) {
        const bankId = scope.bankOf(target);
        return nullWhenNotFound(readAccount(bankId, target.id));
      },
    },
    accountTransactions: {
      async listForAccount(account, query, page) {
        const bankId = scope.bankOf(account);
        // Everything read through the view is booked (POSTED): a selection without POSTED is empty.
        if (query.statuses.length > 0 && !query.statuses.includes('POSTED')) {
          return { items: [], offset: page.offset, hasMore: false, totalCount: 0 };
        }
        return transactionWindow(bankId, account.id, query, page);
      },
      get(target) {
        const bankId = scope.bankOf(target);
        const accountId = idOf(target, 1, 'account');
        // v3.1.0 getTransactionByIdForBankAccount; an unknown id is OBP-30067 (mapped to NOT_FOUND).
        return nullWhenNotFound(
          client
            .callJson(
              {
                operation: 'transactions.get',
                method: 'GET',
                path: `${bankPath(bankId)}/accounts/${segment(accountId)}/${OWNER_VIEW}/transactions/${segment(target.id)}/transaction`,
              },
              recordBodySchema,
            )
            .then((body) => {
              const context = read('transactions.get');
              return readOne(transactionSchema, body, context, (wire) => toTransaction(wire, bankId, accountId, context));
            }),
        );
      },
    },
    close: () => http.close(),
  };
}
