import { accountsLeftOut, type AccountLeftOut } from '../domain/accounts-left-out.js';
import { GatewayError } from '../domain/errors.js';
import { encodeGlobalId, type NativeRef } from '../domain/global-id.js';
import type { Account, Page, PageRequest, Transaction, TransactionQuery } from '../domain/model.js';
import type { ProviderAdapter } from '../domain/ports.js';
import { defaultFrom, FALLBACK_TRANSACTION_HISTORY } from '../domain/transaction-query.js';
import type { FetchedTransaction } from '../store/stored-rows.js';
import type { RefreshUnit } from '../store/transaction-store.js';
import type { ProviderPart } from './sync-scope.js';

/** What one refresh read: its rows, and the accounts they lack (accounts-left-out.ts). */
export interface UnitRows {
  rows: FetchedTransaction[];
  leftOut: AccountLeftOut[];
}

/** One refresh: the rows it compares (`unit`) and how to read them from the provider. */
export interface UnitRead {
  unit: RefreshUnit;
  read(): Promise<UnitRows>;
}

/** Pages one list may take (customers, or one customer's/account's transactions): 20 × the provider's page. */
const MAX_PAGES = 20;
/** Customers per page when a provider-wide refresh lists them. */
const CUSTOMER_PAGE = 100;

/** Freshness key of a provider's whole part (`OBP|*`) or of its named customers/accounts. */
export function partKey(part: ProviderPart): string {
  const named = [...part.customers.map((ref) => `c:${encodeGlobalId(ref)}`), ...part.accounts.map((ref) => `a:${encodeGlobalId(ref)}`)].sort();
  return named.length === 0 ? `${part.adapter.key}|*` : `${part.adapter.key}|${named.join(',')}`;
}

async function allPages<T>(read: (page: PageRequest) => Promise<Page<T>>, pageSize: number, what: string, provider: string): Promise<T[]> {
  const items: T[] = [];
  let offset = 0;
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    const page = await read({ offset, limit: pageSize });
    items.push(...page.items);
    if (!page.hasMore) return items;
    offset += page.span ?? page.items.length;
  }
  throw new GatewayError('PROVIDER_UNAVAILABLE', `${provider}: ${what} has more than ${MAX_PAGES} pages; name customers or accounts in scope to sync it`, { provider, retryable: false });
}

/** The window a refresh asks for: the provider's default history up to now (transaction-query.ts). */
function windowOf(adapter: ProviderAdapter, now: number): TransactionQuery {
  const to = new Date(now);
  return { from: defaultFrom(adapter.transactionHistory ?? FALLBACK_TRANSACTION_HISTORY, to), to, statuses: [], sort: 'asc' };
}

function fetched(transaction: Transaction, owner: NativeRef | null, institutions: ReadonlyMap<string, string | null>): FetchedTransaction {
  // Some providers' transactions name no customer (OBP's name account holders): the unit's customer it is.
  const withOwner = transaction.customerRef === null && owner !== null ? { ...transaction, customerRef: owner } : transaction;
  return { transaction: withOwner, institutionId: transaction.accountRef ? (institutions.get(transaction.accountRef.id) ?? null) : null };
}

function customerRead(adapter: ProviderAdapter, customer: NativeRef, query: TransactionQuery): UnitRead {
  return {
    unit: { key: `${adapter.key}|customer|${encodeGlobalId(customer)}`, provider: adapter.key, customerId: customer.id, accountId: null, windowFrom: query.from.getTime() },
    async read() {
      const accounts: Account[] = adapter.accounts ? await adapter.accounts.listForCustomer(customer) : [];
      const institutions = new Map(accounts.map((account) => [account.providerId, account.institutionId]));
      let transactions: Transaction[];
      let leftOut: AccountLeftOut[] = [];
      if (adapter.customerTransactions) {
        const port = adapter.customerTransactions;
        transactions = await allPages((page) => port.listForCustomer(customer, query, page), port.maxPageSize, 'a customer transaction list', adapter.key);
        // The customer window lacks an AU account in its first aggregation: named, not read as empty.
        leftOut = await accountsLeftOut(adapter, customer, () => Promise.resolve(accounts));
      } else if (adapter.accountTransactions) {
        const port = adapter.accountTransactions;
        transactions = [];
        for (const account of accounts) {
          transactions.push(...(await allPages((page) => port.listForAccount(account.ref, query, page), 1000, 'an account transaction list', adapter.key)));
        }
      } else {
        throw new GatewayError('UNSUPPORTED_BY_PROVIDER', `${adapter.key} does not support transactions`, { provider: adapter.key });
      }
      return { rows: transactions.map((transaction) => fetched(transaction, customer, institutions)), leftOut };
    },
  };
}

function accountRead(adapter: ProviderAdapter, account: NativeRef, query: TransactionQuery): UnitRead {
  return {
    unit: { key: `${adapter.key}|account|${encodeGlobalId(account)}`, provider: adapter.key, customerId: null, accountId: account.id, windowFrom: query.from.getTime() },
    async read() {
      const port = adapter.accountTransactions;
      if (!port || !adapter.accounts) throw new GatewayError('UNSUPPORTED_BY_PROVIDER', `${adapter.key} does not support account transactions`, { provider: adapter.key });
      const found = await adapter.accounts.get(account);
      if (found === null) throw new GatewayError('NOT_FOUND', `${adapter.key}: an account of scope.accounts does not exist`, { provider: adapter.key });
      const transactions = await allPages((page) => port.listForAccount(account, query, page), 1000, 'an account transaction list', adapter.key);
      return { rows: transactions.map((transaction) => fetched(transaction, found.customerRef, new Map([[found.providerId, found.institutionId]]))), leftOut: [] };
    },
  };
}

/** The refresh of one customer alone (a customer whose last read lacked an account still aggregating). */
export function customerUnit(adapter: ProviderAdapter, customer: NativeRef, now: number): UnitRead {
  return customerRead(adapter, customer, windowOf(adapter, now));
}

/**
 * The refreshes one provider part needs: its named customers and accounts; or, none named, every
 * customer it lists (Mastercard, OBP), or its whole payment-request list (Caibo, which lists no
 * customers). Listing the customers is itself a call: a failure there fails the part, rows untouched.
 */
export async function unitsOf(part: ProviderPart, now: number): Promise<UnitRead[]> {
  const { adapter } = part;
  const query = windowOf(adapter, now);
  if (part.customers.length + part.accounts.length > 0) {
    return [...part.customers.map((customer) => customerRead(adapter, customer, query)), ...part.accounts.map((account) => accountRead(adapter, account, query))];
  }
  if (adapter.customerList) {
    const list = adapter.customerList;
    const customers = await allPages((page) => list.list({ search: null, username: null }, page), CUSTOMER_PAGE, 'the customer list', adapter.key);
    return customers.map((customer) => customerRead(adapter, customer.ref, query));
  }
  const requests = adapter.paymentRequests;
  if (requests?.listAll) {
    return [
      {
        unit: { key: `${adapter.key}|all`, provider: adapter.key, customerId: null, accountId: null, windowFrom: query.from.getTime() },
        read: async () => ({ rows: (await requests.listAll!()).map((request) => ({ transaction: request.transaction, institutionId: null })), leftOut: [] }),
      },
    ];
  }
  throw new GatewayError('UNSUPPORTED_BY_PROVIDER', `${adapter.key} cannot list its transactions in bulk: name its customers in scope.customers`, { provider: adapter.key });
}
