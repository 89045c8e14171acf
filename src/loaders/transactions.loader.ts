import DataLoader from 'dataloader';
import { isAccountIndexed, type AccountIndexedPage } from '../domain/account-window.js';
import { encodeGlobalId, type NativeRef } from '../domain/global-id.js';
import type { Account, Page, PageRequest, Transaction, TransactionQuery } from '../domain/model.js';
import type { AccountsPort, AccountTransactionsPort, ProviderAdapter } from '../domain/ports.js';
import { PAGE_LIMITS, pageOf, sortByTime } from '../domain/paging.js';
import { requirePort } from '../domain/ports.js';
import type { ProviderRegistry } from '../domain/registry.js';
import { transactionQueryKey } from '../domain/transaction-query.js';
import { traceBatch } from '../observability/tracing.js';
import { settleEach } from './batch.js';

export interface AccountTransactionsKey {
  account: NativeRef;
  query: TransactionQuery;
  page: PageRequest;
  /**
   * The account record when the caller holds it (Account.transactions): lets the provider say
   * whether its customer window holds the account yet (`holdsAccount`). Not part of the cache key.
   */
  record?: Account;
}

const keyOf = (key: AccountTransactionsKey): string =>
  `${encodeGlobalId(key.account)}|${transactionQueryKey(key.query)}|${key.page.offset}|${key.page.limit}`;

/** A page of the account's part of a customer window; its total is exact only when the window was. */
function slice(items: Transaction[], page: PageRequest, exact: boolean): Page<Transaction> {
  const cut = pageOf(items, page);
  return exact ? cut : { ...cut, totalCount: null };
}

/**
 * An account's page cut from a lazily read window (account-window.ts), as `slice` of its filtered
 * items would be, reading only the records up to the page's end and one more. The exact total of a
 * complete window reads the account's remaining records only if a caller asks for `totalCount`.
 */
function accountPage(
  window: AccountIndexedPage<Transaction>,
  key: AccountTransactionsKey,
  perAccount: () => Promise<Page<Transaction>>,
): Page<Transaction> | Promise<Page<Transaction>> {
  const end = key.page.offset + key.page.limit;
  const head = window.accountRecords(key.account.id, end + 1);
  const items = head.slice(key.page.offset, end);
  if (!window.hasMore) {
    let total: number | undefined;
    return {
      items,
      offset: key.page.offset,
      hasMore: head.length > end,
      get totalCount() {
        return (total ??= head.length > end ? window.accountRecords(key.account.id, Infinity).length : head.length);
      },
    };
  }
  if (head.length > end) return { items, offset: key.page.offset, hasMore: true, totalCount: null };
  return perAccount();
}

/**
 * Account transaction pages, batched through the widest endpoint the provider has: when it offers
 * a customer-level endpoint (Mastercard v3), all of one customer's accounts in one request share a
 * single call of the provider's largest page, grouped here by account. An account whose page that
 * window cannot fill for sure falls back to its own per-account call.
 */
export interface CustomerWindowKey {
  customer: NativeRef;
  query: TransactionQuery;
}

/**
 * One customer's transactions for a query, the provider's largest page from offset 0: the window
 * the account pages of that customer are cut from. A loader of its own so `Customer.accounts` can
 * start it while the account list is still on its way (one round trip less) and the account pages
 * then reuse the same call.
 */
export function createCustomerWindowLoader(registry: ProviderRegistry): DataLoader<CustomerWindowKey, Page<Transaction>, string> {
  return new DataLoader(
    traceBatch('customerWindow', (keys) =>
      settleEach(keys, (key) => {
        const wide = requirePort(registry.adapter(key.customer.provider), 'customerTransactions', 'transactions across a customer');
        return wide.listForCustomer(key.customer, key.query, { offset: 0, limit: wide.maxPageSize });
      }),
    ),
    { cacheKeyFn: (key) => `${encodeGlobalId(key.customer)}|${transactionQueryKey(key.query)}` },
  );
}

/** Whether an account page can be cut from its customer's window (see createAccountTransactionsLoader). */
export function fitsCustomerWindow(registry: ProviderRegistry, provider: NativeRef['provider'], page: PageRequest): boolean {
  const adapter = registry.adapter(provider);
  const wide = adapter.customerTransactions;
  // Without accounts (Caibo) there are no account pages to cut from a window.
  return adapter.accounts !== undefined && wide !== undefined && page.offset + page.limit < wide.maxPageSize;
}

export function createAccountTransactionsLoader(
  registry: ProviderRegistry,
  windows: DataLoader<CustomerWindowKey, Page<Transaction>, string>,
): DataLoader<AccountTransactionsKey, Page<Transaction>, string> {
  async function perAccount(adapter: ProviderAdapter, key: AccountTransactionsKey): Promise<Page<Transaction>> {
    return requirePort(adapter, 'accountTransactions', 'account transactions').listForAccount(key.account, key.query, key.page);
  }

  async function batch(keys: readonly AccountTransactionsKey[]): Promise<Array<Page<Transaction> | Error>> {
    const groups = new Map<string, { customer: NativeRef; keys: AccountTransactionsKey[] }>();
    const results = new Map<AccountTransactionsKey, Promise<Page<Transaction>>>();
    for (const key of keys) {
      try {
        const adapter = registry.adapter(key.account.provider);
        // The port names the account's customer (issue 10: no hidden `scope[0]` convention).
        const wide = adapter.customerTransactions;
        const inWindow = key.record === undefined || wide?.holdsAccount === undefined || wide.holdsAccount(key.record);
        const customer = inWindow && fitsCustomerWindow(registry, key.account.provider, key.page)
          ? wide!.customerOfAccount(key.account)
          : null;
        if (customer !== null) {
          const groupKey = `${encodeGlobalId(customer)}|${transactionQueryKey(key.query)}`;
          const group = groups.get(groupKey) ?? { customer, keys: [] };
          group.keys.push(key);
          groups.set(groupKey, group);
        } else {
          results.set(key, perAccount(adapter, key));
        }
      } catch (error) {
        // One key's failure (a provider not enabled here) stays that key's.
        results.set(key, Promise.reject(error));
      }
    }
    for (const { customer, keys: group } of groups.values()) {
      const first = group[0]!;
      const adapter = registry.adapter(first.account.provider);
      const window = windows.load({ customer, query: first.query });
      for (const key of group) {
        results.set(
          key,
          window.then((page) => {
            if (isAccountIndexed(page)) return accountPage(page, key, () => perAccount(adapter, key));
            const mine = page.items.filter((transaction) => transaction.accountRef?.id === key.account.id);
            if (!page.hasMore) return slice(mine, key.page, true);
            if (mine.length > key.page.offset + key.page.limit) return slice(mine, key.page, false);
            return perAccount(adapter, key);
          }),
        );
      }
    }
    return settleEach(keys, (key) => results.get(key)!);
  }

  return new DataLoader(traceBatch('accountTransactions', batch), { cacheKeyFn: keyOf });
}

export interface CustomerTransactionsKey {
  customer: NativeRef;
  query: TransactionQuery;
  page: PageRequest;
}

export function createCustomerTransactionsLoader(registry: ProviderRegistry): DataLoader<CustomerTransactionsKey, Page<Transaction>, string> {
  return new DataLoader(
    traceBatch('customerTransactions', (keys) =>
      settleEach(keys, (key) => {
        const adapter = registry.adapter(key.customer.provider);
        if (adapter.customerTransactions) return adapter.customerTransactions.listForCustomer(key.customer, key.query, key.page);
        if (adapter.accounts && adapter.accountTransactions && key.page.offset + key.page.limit <= PAGE_LIMITS.maxSize) {
          return mergeAccountPages(adapter.accounts, adapter.accountTransactions, key);
        }
        return requirePort(adapter, 'customerTransactions', 'transactions across a customer').listForCustomer(key.customer, key.query, key.page);
      }),
    ),
    { cacheKeyFn: (key) => `${encodeGlobalId(key.customer)}|${transactionQueryKey(key.query)}|${key.page.offset}|${key.page.limit}` },
  );
}

/**
 * A customer's transactions where the provider only lists them per account (OBP): the first
 * `offset + limit` of every account, merged by date. Exact, at one call per account; the page must
 * lie within the first PAGE_LIMITS.maxSize records, like any single provider page.
 */
async function mergeAccountPages(
  accounts: AccountsPort,
  transactions: AccountTransactionsPort,
  key: CustomerTransactionsKey,
): Promise<Page<Transaction>> {
  const needed = { offset: 0, limit: key.page.offset + key.page.limit };
  const pages = await Promise.all(
    (await accounts.listForCustomer(key.customer)).map((account) => transactions.listForAccount(account.ref, key.query, needed)),
  );
  // OBP's transaction JSON names no customer: read through this customer's accounts, they are its.
  const merged = sortByTime(
    pages.flatMap((page) => page.items.map((item) => (item.customerRef === null ? { ...item, customerRef: key.customer } : item))),
    key.query.sort,
  );
  const anyMore = pages.some((page) => page.hasMore);
  const totals = pages.map((page) => page.totalCount);
  return {
    items: merged.slice(key.page.offset, key.page.offset + key.page.limit),
    offset: key.page.offset,
    hasMore: anyMore || merged.length > key.page.offset + key.page.limit,
    totalCount: totals.every((total) => total !== null) ? totals.reduce<number>((sum, total) => sum + (total ?? 0), 0) : null,
  };
}
