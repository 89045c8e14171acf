import type { NativeRef } from './global-id.js';
import type { Money } from './model.js';

/**
 * Account-level products billed or guarded separately from the account record (Mastercard AU:
 * Account Details, Account Balance, Account Owner — seed 002, Payment Enablement). Each is its own
 * port so `capabilitiesOf` lists them one by one.
 */

/** What a payer needs to send money to the account (AU: account number + BSB). */
export interface PaymentDetails {
  /** The provider's instruction type (`moneyTransfer`). */
  providerType: string;
  /** The FULL account number: sensitive, for initiating payments only; never logged. */
  accountNumber: string;
  /** Display form: the last four digits only. */
  accountNumberMasked: string;
  /** AU Bank State Branch number in `XXY-ZZZ` form. */
  bsb: string | null;
}

export interface AvailableBalance {
  available: Money;
  availableAt: Date | null;
  cleared: Money | null;
  clearedAt: Date | null;
  /** True when read from the institution just now rather than from the provider's cache. */
  live: boolean;
}

export interface AccountHolderAddress {
  /** One-line form as the institution gives it. */
  full: string | null;
  type: string | null;
  line1: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
}

export interface AccountHolder {
  name: string;
  /** e.g. PRIMARY, JOINT, BUSINESS. */
  relationship: string | null;
  /** person | business, when the provider classifies the name. */
  classification: string | null;
  firstName: string | null;
  lastName: string | null;
  addresses: AccountHolderAddress[];
  emails: string[];
  phones: string[];
}

export interface PaymentDetailsPort {
  /** `null` when the account type has no payment details at this provider. */
  get(account: NativeRef): Promise<PaymentDetails | null>;
}

export interface AvailableBalancePort {
  /** The provider's cached available balance; `null` for account types it does not cover. */
  get(account: NativeRef): Promise<AvailableBalance | null>;
}

export interface LiveBalancePort {
  /**
   * Asks the institution now (billable per call at Mastercard). `maxCacheAgeMinutes` 0 forces a
   * live read; more lets the provider answer from a cache that young.
   */
  get(account: NativeRef, maxCacheAgeMinutes: number): Promise<AvailableBalance | null>;
}

export interface AccountOwnerPort {
  get(account: NativeRef): Promise<AccountHolder[]>;
}
