import type { NativeRef } from './global-id.js';
import type { Customer, Money, Transaction } from './model.js';
import type { ProviderKey } from './provider.js';

/**
 * Payment requests: a merchant asks a customer for money and the provider hosts the pay page (Caibo
 * IPG, caibo-notes.md "Payment requests"). The unified lifecycle:
 *   WAITING   nobody has paid yet (Caibo transactionStatusId 0)
 *   PENDING   the payer submitted, the processor has not answered (3)
 *   APPROVED  paid (1)
 *   DECLINED  the attempt was refused (2); the request stays unpaid
 *   CANCELLED the merchant withdrew it (paymentRequestStatusId 3), whatever the last attempt did
 *   OTHER     a status id the provider's documents do not list (raw ids kept in `providerStatus`)
 */
export const PAYMENT_REQUEST_STATUSES = ['WAITING', 'PENDING', 'APPROVED', 'DECLINED', 'CANCELLED', 'OTHER'] as const;
export type PaymentRequestStatus = (typeof PAYMENT_REQUEST_STATUSES)[number];

export interface PaymentRequest {
  ref: NativeRef;
  provider: ProviderKey;
  providerId: string;
  /** The customer the request is addressed to, when it has one. */
  customerRef: NativeRef | null;
  amount: Money;
  status: PaymentRequestStatus;
  /** The provider's own status values, e.g. `transactionStatusId=3 paymentRequestStatusId=2`. */
  providerStatus: string | null;
  /** The hosted pay page to send the payer to. */
  link: string | null;
  referenceId: string | null;
  notes: string | null;
  /** The provider's public number of the payment attempt, once there is one. */
  transactionNumber: string | null;
  /** Text of the last status change (`lastLog.message`), e.g. a decline reason. */
  statusMessage: string | null;
  /** The processor's code of the last status change (`lastLog.code`). */
  statusCode: string | null;
  createdAt: Date | null;
  /** When the status last changed, when the provider says. */
  statusChangedAt: Date | null;
  /** The same request seen as a unified Transaction (Customer.transactions lists these). */
  transaction: Transaction;
  /** The provider's id of the current payment attempt (Caibo `transactionId`), once there is one. */
  attemptId: string | null;
}

export interface CreatePaymentRequestInput {
  /** Exact decimal string, > 0. */
  amount: string;
  /** ISO 4217 code (Caibo also takes crypto units such as USDT). */
  currency: string;
  /** The customer to ask; must belong to the same provider. */
  customer: NativeRef | null;
  referenceId: string | null;
  notes: string | null;
  /** Where the provider posts status callbacks. */
  notifyUrl: string | null;
  successUrl: string | null;
  failureUrl: string | null;
}

export interface PaymentRequestsPort {
  create(input: CreatePaymentRequestInput): Promise<PaymentRequest>;
  /** `null` when the provider says the request does not exist. */
  get(ref: NativeRef): Promise<PaymentRequest | null>;
  /** Every payment request of the merchant, whoever it addresses (the change feed reads them in bulk); absent = not listable. */
  listAll?(): Promise<PaymentRequest[]>;
  /**
   * The customer's total of approved deposits as Money, or null when the provider's total cannot be
   * given one currency (no deposits in a known unit, or several units mixed).
   */
  totalDeposits(customer: Customer): Promise<Money | null>;
}
