import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * What the lending routes need from the core Mastercard simulator: a structural subset of its
 * `LendingContext` (src/sandbox/mastercard/lending-context.ts), kept here so this folder compiles
 * and is tested on its own. Field names follow that contract.
 */
export interface LendingCustomer {
  id: string;
  username: string;
  firstName?: string;
  lastName?: string;
  type: 'testing' | 'active';
}

export interface LendingAccount {
  id: string;
  customerId: string;
  institutionLoginId: number;
  institutionId: string;
  type: string;
  name: string;
  balance: number;
  currency: string;
  number?: string;
  accountNumberDisplay?: string;
  /** Full number: only its last four digits ever reach a report. */
  realAccountNumber?: string;
}

export interface LendingTransaction {
  id: number;
  accountId: string | number;
  /** Negative = money out of the account. */
  amount: number;
  description: string;
  memo?: string;
  /** Epoch seconds. */
  postedDate: number;
  /** Epoch seconds. */
  transactionDate: number;
  status: 'active' | 'pending' | 'shadow';
  categorization?: { normalizedPayeeName?: string; category?: string };
}

export interface LendingDataSource {
  region: 'US' | 'AU';
  /** Epoch milliseconds. */
  now(): number;
  /** False means it has already replied (401). */
  authenticate(request: FastifyRequest, reply: FastifyReply): boolean;
  customer(customerId: string): LendingCustomer | undefined;
  accountsOf(customerId: string): LendingAccount[];
  transactionsOf(customerId: string): LendingTransaction[];
  /**
   * Optional: every customer, so `authorization-details` can find the owner of an institution login
   * (that endpoint carries no customer id). Without it only customers the lending routes have
   * already seen are searched.
   */
  listCustomers?(): readonly LendingCustomer[];
  /**
   * Optional, AU: checks an optional `Consent-Receipt-Id` header against the customer's consents;
   * false means it has already replied.
   */
  checkConsent?(request: FastifyRequest, reply: FastifyReply, customerId: string): boolean;
}

export interface LendingRouteContext extends LendingDataSource {
  /** Replies with the provider's `{code, message}` error body. */
  sendError(reply: FastifyReply, httpStatus: number, code: number | string, message: string): FastifyReply;
}

export interface LendingOptions {
  /** How long a report stays `inProgress` (simulated and real time), in ms. Default 3000. */
  reportDelayMs?: number;
  /** Pause between the attempts to deliver a report event, in ms. Default 1000. */
  callbackRetryDelayMs?: number;
  /** Per-attempt timeout of a report event delivery, in ms. Default 5000. */
  callbackTimeoutMs?: number;
  /** Seed for ids (consumers, businesses, reports, streams). Default 6. */
  seed?: number;
  /** `requesterName` on reports: the partner's name. */
  requesterName?: string;
  /** The partner is a reseller: CreateConsumer without `endUser` is error 1201 (seed 001, "Reseller Partners"). Default false. */
  reseller?: boolean;
}
