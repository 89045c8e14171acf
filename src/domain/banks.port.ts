import type { NativeRef } from './global-id.js';
import type { Account, Customer, Page, PageRequest } from './model.js';
import type { ProviderKey } from './provider.js';

/**
 * Banks as a scope: providers such as the Open Bank Project host several banks, and every customer,
 * account and transaction lives at one of them (its id is part of their global IDs' `scope`).
 */
export interface BankRouting {
  /** `BIC`, `ABA`, … as the provider names the scheme. */
  scheme: string;
  address: string;
}

export interface Bank {
  ref: NativeRef;
  provider: ProviderKey;
  /** The provider's bank id (OBP `BANK_ID`, e.g. `gh.29.uk`). */
  providerId: string;
  shortName: string | null;
  fullName: string | null;
  bankCode: string | null;
  logoUrl: string | null;
  website: string | null;
  /** Bank-level routings (BIC, national codes): public identifiers, not account numbers. */
  routings: readonly BankRouting[];
  /** The bank's named attributes as the provider lists them (OBP bank attributes), value null when unset. */
  attributes: Readonly<Record<string, string | null>>;
}

export interface BanksPort {
  /** The banks this gateway exposes (a configured subset, or all the provider lists). */
  list(): Promise<Bank[]>;
  /** `null` when the provider has no such bank. */
  get(ref: NativeRef): Promise<Bank | null>;
  /** Customers at one bank, in the provider's stable order. */
  customers(bank: NativeRef, page: PageRequest): Promise<Page<Customer>>;
  /** Accounts at one bank that the gateway's provider user may see. */
  accounts(bank: NativeRef, page: PageRequest): Promise<Page<Account>>;
}

/** A provider user allowed to act for a customer (OBP's user-customer link). */
export interface UserCustomerLink {
  /** The link's own id at the provider. */
  providerId: string;
  provider: ProviderKey;
  /** The provider's user id. */
  userId: string;
  customerRef: NativeRef;
  createdAt: Date | null;
  active: boolean;
}

export interface UserCustomerLinksPort {
  listForCustomer(customer: NativeRef): Promise<UserCustomerLink[]>;
  /** Links `userId` (the gateway's own provider user when null) to the customer. */
  link(customer: NativeRef, userId: string | null): Promise<UserCustomerLink>;
}
