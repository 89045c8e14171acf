import DataLoader from 'dataloader';
import { encodeGlobalId, type NativeRef } from '../domain/global-id.js';
import type { Page, PageRequest, Transaction, TransactionQuery } from '../domain/model.js';
import type { ProviderAdapter } from '../domain/ports.js';
import { requirePort } from '../domain/ports.js';
import type { ProviderRegistry } from '../domain/registry.js';
import { transactionQueryKey } from '../domain/transaction-query.js';
import { settleEach } from './batch.js';

export interface AccountTransactionsKey {
  account: NativeRef;
  query: TransactionQuery;
  page: PageRequest;
}

const keyOf = (key: AccountTransactionsKey): string =>
  `${encodeGlobalId(key.account)}|${transactionQueryKey(key.query)}|${key.page.offset}|${key.page.limit}`;

function slice(items: Transaction[], page: PageRequest, exact: boolean): Page<Transaction> {
  return {
    items: items.slice(page.offset, page.offset + page.limit),
    offset: page.offset,
    hasMore: items.length > page.offset + page.limit,
    totalCount: exact ? items.length : null,
  };
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
    (keys) =>
      settleEach(keys, (key) => {
        const wide = requirePort(registry.adapter(key.customer.provider), 'customerTransactions', 'transactions across a customer');
        return wide.listForCustomer(key.customer, key.query, { offset: 0, limit: wide.maxPageSize });
      }),
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
    const groups = new Map<string, AccountTransactionsKey[]>();
    const results = new Map<AccountTransactionsKey, Promise<Page<Transaction>>>();
    for (const key of keys) {
      try {
        const adapter = registry.adapter(key.account.provider);
        const customerId = key.account.scope[0];
        if (customerId !== undefined && fitsCustomerWindow(registry, key.account.provider, key.page)) {
          const groupKey = `${key.account.provider}|${customerId}|${transactionQueryKey(key.query)}`;
          groups.set(groupKey, [...(groups.get(groupKey) ?? []), key]);
        } else {
          results.set(key, perAccount(adapter, key));
        }
      } catch (error) {
        // One key's failure (a provider not enabled here) stays that key's.
        results.set(key, Promise.reject(error));
      }
    }
    for (const group of groups.values()) {
      const first = group[0]!;
      const adapter = registry.adapter(first.account.provider);
      const customer: NativeRef = { provider: first.account.provider, type: 'Customer', id: first.account.scope[0]!, scope: [] };
      const window = windows.load({ customer, query: first.query });
      for (const key of group) {
        results.set(
          key,
          window.then((page) => {
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

  return new DataLoader(batch, { cacheKeyFn: keyOf });
}

export interface CustomerTransactionsKey {
  customer: NativeRef;
  query: TransactionQuery;
  page: PageRequest;
}

export function createCustomerTransactionsLoader(registry: ProviderRegistry): DataLoader<CustomerTransactionsKey, Page<Transaction>, string> {
  return new DataLoader(
    (keys) =>
      settleEach(keys, (key) =>
        requirePort(registry.adapter(key.customer.provider), 'customerTransactions', 'transactions across a customer').listForCustomer(
          key.customer,
          key.query,
          key.page,
        ),
      ),
    { cacheKeyFn: (key) => `${encodeGlobalId(key.customer)}|${transactionQueryKey(key.query)}|${key.page.offset}|${key.page.limit}` },
  );
}
