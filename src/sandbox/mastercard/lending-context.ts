import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MastercardRegion } from './region.js';
import type { SimAccount, SimCustomer, SimTransaction } from './store.js';

export type { MastercardRegion } from './region.js';
export type { SimAccount, SimCustomer, SimTransaction } from './store.js';

/**
 * What the lending routes (consumers, businesses, authorization details, reports) get from the
 * simulator they are plugged into. The lending module lives in `./lending/` and exports
 * `registerLendingRoutes(app, ctx: LendingContext)`.
 */
export interface LendingContext {
  region: MastercardRegion;
  /** Epoch milliseconds, the simulator's clock (tests move it). */
  now(): number;
  /** Checks the app-key and token headers; replies with the documented 401 and returns false when bad. */
  authenticate(request: FastifyRequest, reply: FastifyReply): boolean;
  customer(customerId: string): SimCustomer | undefined;
  /** Every customer of the simulator (e.g. to find the owner of an institution login). */
  listCustomers(): SimCustomer[];
  /**
   * Accounts the API still shows for the customer (accounts of revoked/expired AU arrangements are
   * gone, per CDR), in id order. Includes AU accounts still in their first aggregation.
   */
  accountsOf(customerId: string): SimAccount[];
  /**
   * All transactions of the customer's visible, aggregated accounts (any status: active, pending,
   * shadow). Amounts are numbers (negative = debit), dates epoch seconds.
   */
  transactionsOf(customerId: string): SimTransaction[];
  /** Replies with the documented `{code, message}` body. */
  sendError(reply: FastifyReply, httpStatus: number, code: number | string, message: string): FastifyReply;
  /**
   * AU only: checks an optional `Consent-Receipt-Id` header against the customer's consents
   * (replies 404 10215 and returns false when it names no active consent). Always true in the US.
   */
  checkConsent(request: FastifyRequest, reply: FastifyReply, customerId: string): boolean;
}
