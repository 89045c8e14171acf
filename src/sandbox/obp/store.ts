import {
  accountKey,
  type ObpAccount,
  type ObpBank,
  type ObpCrmEvent,
  type ObpCustomer,
  type ObpSocialMediaHandle,
  type ObpTransaction,
  type ObpUser,
  type UserCustomerLink,
} from './model.js';
import type { ObpSeed } from './seed-data.js';

/** In-memory state of one simulator instance: the seed plus whatever callers created. */
export interface ObpStore {
  banks(): ObpBank[];
  bank(bankId: string): ObpBank | undefined;
  user(userId: string): ObpUser | undefined;
  userByUsername(username: string): ObpUser | undefined;
  customer(customerId: string): ObpCustomer | undefined;
  customers(): ObpCustomer[];
  customersAtBank(bankId: string): ObpCustomer[];
  customerByNumber(bankId: string, customerNumber: string): ObpCustomer | undefined;
  addCustomer(customer: ObpCustomer): void;
  account(bankId: string, accountId: string): ObpAccount | undefined;
  accountsAtBank(bankId: string): ObpAccount[];
  accountsOfCustomer(customerId: string): ObpAccount[];
  transactions(bankId: string, accountId: string): ObpTransaction[];
  /** Books a transaction on its account (the sandbox control `/_sandbox/banks/…/transactions`). */
  addTransaction(transaction: ObpTransaction): void;
  /** Accounts (keys) on which the user holds the `owner` view. */
  ownerViews(userId: string): ReadonlySet<string>;
  hasOwnerView(userId: string, bankId: string, accountId: string): boolean;
  linksOfUser(userId: string): UserCustomerLink[];
  linksOfCustomer(customerId: string): UserCustomerLink[];
  addLink(link: UserCustomerLink): void;
  /** Handles filed under a customer number (OBP keys them by number, not by customer id). */
  socialMediaHandles(customerNumber: string): ObpSocialMediaHandle[];
  addSocialMediaHandle(handle: ObpSocialMediaHandle): void;
  crmEvents(bankId: string): ObpCrmEvent[];
}

export function createObpStore(seed: ObpSeed): ObpStore {
  const banks = new Map(seed.banks.map((b) => [b.id, b]));
  const users = new Map(seed.users.map((u) => [u.userId, u]));
  const customers = new Map(seed.customers.map((c) => [c.customerId, c]));
  const accounts = new Map(seed.accounts.map((a) => [accountKey(a.bankId, a.accountId), a]));
  const links = [...seed.userCustomerLinks];
  const handles = [...seed.socialMediaHandles];
  const noViews: ReadonlySet<string> = new Set();

  return {
    banks: () => [...banks.values()],
    bank: (bankId) => banks.get(bankId),
    user: (userId) => users.get(userId),
    userByUsername: (username) => [...users.values()].find((u) => u.username === username),
    customer: (customerId) => customers.get(customerId),
    customers: () => [...customers.values()],
    customersAtBank: (bankId) => [...customers.values()].filter((c) => c.bankId === bankId),
    customerByNumber: (bankId, customerNumber) =>
      [...customers.values()].find((c) => c.bankId === bankId && c.customerNumber === customerNumber),
    addCustomer: (customer) => {
      customers.set(customer.customerId, customer);
    },
    account: (bankId, accountId) => accounts.get(accountKey(bankId, accountId)),
    accountsAtBank: (bankId) => [...accounts.values()].filter((a) => a.bankId === bankId),
    accountsOfCustomer: (customerId) => [...accounts.values()].filter((a) => a.customerId === customerId),
    transactions: (bankId, accountId) => seed.transactions.get(accountKey(bankId, accountId)) ?? [],
    addTransaction: (transaction) => {
      const key = accountKey(transaction.bankId, transaction.accountId);
      seed.transactions.set(key, [...(seed.transactions.get(key) ?? []), transaction]);
    },
    ownerViews: (userId) => seed.ownerViews.get(userId) ?? noViews,
    hasOwnerView: (userId, bankId, accountId) =>
      seed.ownerViews.get(userId)?.has(accountKey(bankId, accountId)) ?? false,
    linksOfUser: (userId) => links.filter((l) => l.userId === userId),
    linksOfCustomer: (customerId) => links.filter((l) => l.customerId === customerId),
    addLink: (link) => {
      links.push(link);
    },
    socialMediaHandles: (customerNumber) => handles.filter((h) => h.customerNumber === customerNumber),
    addSocialMediaHandle: (handle) => {
      handles.push(handle);
    },
    crmEvents: (bankId) => seed.crmEvents.filter((e) => e.bankId === bankId),
  };
}
