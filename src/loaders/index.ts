import DataLoader from 'dataloader';
import { encodeGlobalId, type NativeRef } from '../domain/global-id.js';
import type { Account, Customer, Page, Transaction } from '../domain/model.js';
import { requirePort } from '../domain/ports.js';
import type { ProviderRegistry } from '../domain/registry.js';
import { traceBatch } from '../observability/tracing.js';
import { settleEach } from './batch.js';
import {
  createAccountTransactionsLoader,
  createCustomerTransactionsLoader,
  createCustomerWindowLoader,
  type AccountTransactionsKey,
  type CustomerTransactionsKey,
  type CustomerWindowKey,
} from './transactions.loader.js';

/**
 * Per-request DataLoaders, keyed by provider + native id. Created fresh for every GraphQL request
 * so one caller's cache never answers another's.
 */
export interface Loaders {
  customer: DataLoader<NativeRef, Customer | null, string>;
  account: DataLoader<NativeRef, Account | null, string>;
  transaction: DataLoader<NativeRef, Transaction | null, string>;
  accountsByCustomer: DataLoader<NativeRef, Account[], string>;
  accountTransactions: DataLoader<AccountTransactionsKey, Page<Transaction>, string>;
  customerTransactions: DataLoader<CustomerTransactionsKey, Page<Transaction>, string>;
  /** A customer's whole transaction window, shared by the pages of its accounts. */
  customerWindow: DataLoader<CustomerWindowKey, Page<Transaction>, string>;
  /** Seeds the by-id caches from a list answer, so a later lookup costs no call. */
  primeCustomers(customers: readonly Customer[]): void;
  /**
   * After a mutation wrote a customer: later reads in the same request see `customer` as the
   * provider answered it (create, update), or null once deleted — never the state before the write.
   */
  customerWritten(target: NativeRef, customer: Customer | null): void;
  /**
   * After a mutation that changes what a customer's reads answer without returning it (a payment
   * request created, a consent revoked, the customer deleted): drops the customer and everything
   * cached below it, so later fields of the request ask the provider again.
   */
  customerChanged(target: NativeRef): void;
}

export function createLoaders(registry: ProviderRegistry): Loaders {
  const cacheKeyFn = encodeGlobalId;
  const customer = new DataLoader<NativeRef, Customer | null, string>(
    traceBatch('customer', (refs) => settleEach(refs, (target) => requirePort(registry.adapter(target.provider), 'customerRead', 'reading a customer').get(target))),
    { cacheKeyFn },
  );
  const account = new DataLoader<NativeRef, Account | null, string>(
    traceBatch('account', (refs) => settleEach(refs, (target) => requirePort(registry.adapter(target.provider), 'accounts', 'accounts').get(target))),
    { cacheKeyFn },
  );
  const transaction = new DataLoader<NativeRef, Transaction | null, string>(
    traceBatch('transaction', (refs) =>
      settleEach(refs, (target) => requirePort(registry.adapter(target.provider), 'accountTransactions', 'transactions').get(target))),
    { cacheKeyFn },
  );
  const accountsByCustomer = new DataLoader<NativeRef, Account[], string>(
    traceBatch('accountsByCustomer', (refs) =>
      settleEach(refs, async (target) => {
        const accounts = await requirePort(registry.adapter(target.provider), 'accounts', 'accounts').listForCustomer(target);
        for (const found of accounts) account.prime(found.ref, found);
        return accounts;
      })),
    { cacheKeyFn },
  );
  const customerWindow = createCustomerWindowLoader(registry);
  const accountTransactions = createAccountTransactionsLoader(registry, customerWindow);
  const customerTransactions = createCustomerTransactionsLoader(registry);
  return {
    customer,
    account,
    transaction,
    accountsByCustomer,
    accountTransactions,
    customerWindow,
    customerTransactions,
    primeCustomers(customers) {
      for (const found of customers) customer.prime(found.ref, found);
    },
    customerWritten(target, written) {
      customer.clear(target).prime(target, written);
    },
    customerChanged(target) {
      customer.clear(target);
      accountsByCustomer.clear(target);
      // Account and transaction keys do not name their customer for every provider (OBP scopes them
      // by bank): dropping them all costs at most a few repeated calls after a rare write.
      for (const loader of [account, transaction, accountTransactions, customerWindow, customerTransactions]) loader.clearAll();
    },
  };
}
