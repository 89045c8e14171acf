import type { NativeRef } from './global-id.js';
import type { Account } from './model.js';

/**
 * Aggregation products of the Finicity platform (Mastercard AU, seed 002 "Transaction Aggregation",
 * "Customer Accounts" and "Account History"). Each is its own port so `capabilitiesOf` lists them
 * one by one (ACCOUNT_REFRESH, ACCOUNT_HISTORY, ACCOUNT_FILTERS).
 */

/** Which of a customer's accounts to list; at least one of the two is set. */
export interface AccountFilter {
  /** The set of accounts added with one set of institution credentials. */
  institutionLoginId: string | null;
  institutionId: string | null;
}

export interface AccountFiltersPort {
  /**
   * The customer's accounts under one institution login, or at one institution, read from the
   * provider's own filtered endpoint; `[]` when none match.
   */
  list(customer: NativeRef, filter: AccountFilter): Promise<Account[]>;
}

export interface AccountRefreshPort {
  /**
   * Connects to the institution now and refreshes account and transaction data for every account
   * under the institution login; answers those accounts as refreshed. NOT_FOUND when the customer
   * has no such login.
   */
  refreshInstitutionLogin(customer: NativeRef, institutionLoginId: string): Promise<Account[]>;
}

export interface AccountHistoryPort {
  /**
   * Loads the account's historic transactions (AU: up to 12 months), a premium, billable service.
   * A second load of the same account normally adds nothing; `force` makes the provider connect
   * again. Resolves once the provider has answered that the load is done.
   */
  loadHistoricTransactions(account: NativeRef, options: { force: boolean }): Promise<void>;
}
