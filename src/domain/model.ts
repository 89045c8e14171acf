import type { NativeRef } from './global-id.js';
import type { Money } from './money.js';
import type { ProviderKey } from './provider.js';
import type { AccountDetails, CustomerDetails, TransactionDetails } from './provider-details.js';

export type { Money } from './money.js';
export type * from './provider-details.js';

/**
 * The unified model as adapters produce it. Normalisation rules (ARCHITECTURE.md):
 * - money is an exact decimal string with an ISO 4217 currency, never a float;
 * - negative amounts are money out of the account;
 * - timestamps are `Date` objects (UTC); provider enums map onto unified ones with the original
 *   kept in a `provider…` field.
 */
export type CustomerKind = 'TESTING' | 'ACTIVE';
export type CustomerCategory = 'INDIVIDUAL' | 'BUSINESS';

export interface Customer {
  ref: NativeRef;
  provider: ProviderKey;
  providerId: string;
  username: string | null;
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  kind: CustomerKind | null;
  category: CustomerCategory | null;
  createdAt: Date | null;
  /** The provider's typed extension (ABN, OBP's kyc_status …); null when the provider has none. */
  details: CustomerDetails | null;
}

export const ACCOUNT_TYPES = [
  'CHECKING',
  'SAVINGS',
  'TRANSACTION_AND_SAVINGS',
  'TERM_DEPOSIT',
  'MONEY_MARKET',
  'CREDIT_CARD',
  'LINE_OF_CREDIT',
  'LOAN',
  'MORTGAGE',
  'INVESTMENT',
  'RETIREMENT',
  'PAYMENT_WALLET',
  'OTHER',
] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export interface Account {
  ref: NativeRef;
  provider: ProviderKey;
  providerId: string;
  customerRef: NativeRef | null;
  name: string | null;
  /** Never the full number: the provider's display digits (e.g. last four). */
  numberMasked: string | null;
  type: AccountType;
  providerType: string | null;
  status: string | null;
  balance: Money | null;
  balanceAt: Date | null;
  currency: string | null;
  institutionId: string | null;
  institutionLoginId: string | null;
  /** The provider's typed extension; null when the provider has none. */
  details: AccountDetails | null;
}

/**
 * POSTED, PENDING and SHADOW are Mastercard's; DECLINED and CANCELLED are the final states of a payment
 * that never moved money (Caibo payment requests: transactionStatusId 2 declined, paymentRequestStatusId
 * 3 cancelled, caibo-notes.md, Payment requests). OTHER is the tolerant reader's fallback: a status the
 * provider's documents do not list, kept raw in `providerStatus` (issue 9, item 2).
 */
export const TRANSACTION_STATUSES = ['POSTED', 'PENDING', 'SHADOW', 'DECLINED', 'CANCELLED', 'OTHER'] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

export interface Transaction {
  ref: NativeRef;
  provider: ProviderKey;
  providerId: string;
  accountRef: NativeRef | null;
  customerRef: NativeRef | null;
  amount: Money;
  status: TransactionStatus;
  providerStatus: string | null;
  description: string | null;
  memo: string | null;
  category: string | null;
  payee: string | null;
  postedAt: Date | null;
  transactedAt: Date | null;
  /** The provider's typed extension; null when the provider has none. */
  details: TransactionDetails | null;
}

/** A window into a provider's list: 0-based offset, as the gateway's cursors carry it. */
export interface PageRequest {
  offset: number;
  limit: number;
}

export interface Page<T> {
  items: T[];
  /** Offset of `items[0]` in the whole list. */
  offset: number;
  hasMore: boolean;
  /** Only when the provider reports an exact total. */
  totalCount: number | null;
  /**
   * Provider positions this page covers, when more than `items.length`: records the tolerant reader
   * left out (issue 9) still count, so the next page starts at `offset + span`, not on a record
   * already shown. Absent = `items.length`.
   */
  span?: number;
}

export interface TransactionQuery {
  from: Date;
  to: Date;
  /** Only these statuses; all when empty. */
  statuses: readonly TransactionStatus[];
  /** Newest first by default, as the providers default. */
  sort: 'asc' | 'desc';
}

export interface CustomerSearch {
  search: string | null;
  username: string | null;
}
