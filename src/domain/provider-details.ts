import type { Money } from './money.js';

/**
 * Typed provider extensions of the unified model: what one provider knows about a customer, an
 * account or a transaction that has no unified counterpart. Each is a member of a union
 * discriminated by `provider`, so a reader narrows with `details?.provider === 'OBP'` and gets the
 * OBP fields typed, never an untyped bag. `details` is null for a provider without extensions (a new
 * provider needs none to be complete). Sources: the provider documents cited at each field.
 */

/** Mastercard US/AU customer fields (seed 000/001, Customer Records). */
export interface MastercardCustomerDetails {
  provider: 'MASTERCARD_US' | 'MASTERCARD_AU';
  /** AU only: Australian Business Number of a BUSINESS customer, 11 digits without spaces. */
  abn: string | null;
  /** The registered application of an active customer (seed 002, Applications). */
  applicationId: string | null;
  /** Mastercard's `type` when it is neither `testing` nor `active` (kept raw, `kind` is then null). */
  providerType: string | null;
}

/** Caibo IPG `Client` fields (seed 003, components.schemas.Client). */
export interface CaiboCustomerDetails {
  provider: 'CAIBO_IPG';
  memberId: string | null;
  /** Billing address as one line. */
  address: string | null;
  hasPaymentRequests: boolean | null;
  /** Exact decimal string without a currency: Caibo sends none (see Customer.totalDeposits). */
  totalDeposits: string | null;
}

/** Open Bank Project customer fields (CustomerJsonV310). */
export interface ObpCustomerDetails {
  provider: 'OBP';
  /** The BANK_ID the customer lives at. */
  bankId: string;
  customerNumber: string | null;
  kycStatus: boolean | null;
  dateOfBirth: Date | null;
  relationshipStatus: string | null;
  dependants: number | null;
  highestEducationAttained: string | null;
  employmentStatus: string | null;
  title: string | null;
  branchId: string | null;
  nameSuffix: string | null;
  /** When the customer was last checked. */
  lastOkDate: Date | null;
  creditRating: { rating: string | null; source: string | null } | null;
  creditLimit: Money | null;
}

export type CustomerDetails = MastercardCustomerDetails | CaiboCustomerDetails | ObpCustomerDetails;

/** Mastercard account fields (us-notes.md / AU Accounts). */
export interface MastercardAccountDetails {
  provider: 'MASTERCARD_US' | 'MASTERCARD_AU';
  /** Status of the last aggregation: 0 success, 325 (AU) first aggregation still running. */
  aggregationStatusCode: number | null;
  /** AU `marketSegment` (personal / business). */
  marketSegment: string | null;
}

/** An OBP account routing with its address masked to the last four digits. */
export interface ObpAccountRouting {
  scheme: string;
  addressMasked: string | null;
}

/** OBP account fields, read through the `owner` view (ModeratedCoreAccountJsonV400). */
export interface ObpAccountDetails {
  provider: 'OBP';
  bankId: string;
  accountRoutings: readonly ObpAccountRouting[];
  /** The view the account was read through. */
  viewId: string;
}

export type AccountDetails = MastercardAccountDetails | ObpAccountDetails;

/** Mastercard transaction fields. */
export interface MastercardTransactionDetails {
  provider: 'MASTERCARD_US' | 'MASTERCARD_AU';
  /** Mastercard's transaction `type` (debit, atm, …). */
  type: string | null;
}

/** OBP transaction fields (TransactionJsonV300 details / other_account). */
export interface ObpTransactionDetails {
  provider: 'OBP';
  /** details.type, e.g. DEBIT_CARD, TRANSFER. */
  type: string | null;
  /** details.new_balance: the account's balance after this transaction. */
  newBalance: Money | null;
  counterpartyId: string | null;
}

/** A Caibo payment request seen as a transaction (seed 003, PaymentRequest). */
export interface CaiboTransactionDetails {
  provider: 'CAIBO_IPG';
  paymentRequestId: string;
  referenceId: string | null;
  transactionNumber: string | null;
}

export type TransactionDetails = MastercardTransactionDetails | ObpTransactionDetails | CaiboTransactionDetails;

