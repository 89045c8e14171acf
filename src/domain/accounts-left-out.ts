import { GatewayError } from './errors.js';
import { encodeGlobalId, type NativeRef } from './global-id.js';
import type { Account } from './model.js';
import type { ProviderAdapter } from './ports.js';

/**
 * Accounts a customer-wide transaction read leaves out (README, Known limits, found by the
 * new-user trial): a provider's customer-level endpoint simply lacks an account it is still
 * aggregating for the first time (Mastercard AU: `aggregationStatusCode` 325, seed 002 "API Status
 * Codes"), which would read as "no transactions". `CustomerTransactionsPort.holdsAccount` — the
 * same test Account.transactions uses to read such an account on its own (and get 5006) — names
 * them, so Customer.transactions, the top-level `transactions` and the export can say which
 * accounts are missing and why, instead of leaving their rows out without a word.
 */
export interface AccountLeftOut {
  customer: NativeRef;
  /** The account missing from the answer; null when the customer's accounts could not be listed to check. */
  account: NativeRef | null;
  error: GatewayError;
}

/** PROVIDER_UNAVAILABLE, retryable, `stillPreparing` (logged at info): the account's rows arrive once its first aggregation ends. */
export function accountLeftOutError(account: NativeRef): GatewayError {
  return new GatewayError(
    'PROVIDER_UNAVAILABLE',
    `${account.provider}: account ${encodeGlobalId(account)} is still being aggregated for the first time, so its transactions are missing from this answer; retry later`,
    { provider: account.provider, retryable: true, stillPreparing: true },
  );
}

/**
 * The accounts of `customer` that `adapter`'s customer-wide transactions lack, read with
 * `listAccounts` (a request's DataLoader, or the port): no call for a provider whose window holds
 * every account. A failing account list is one entry with `account: null` and that error (the rows
 * that did arrive may lack an account nobody could check), never an exception.
 */
export async function accountsLeftOut(
  adapter: ProviderAdapter,
  customer: NativeRef,
  listAccounts: (customer: NativeRef) => Promise<Account[]>,
): Promise<AccountLeftOut[]> {
  const holds = adapter.customerTransactions?.holdsAccount;
  if (holds === undefined || adapter.accounts === undefined) return [];
  let accounts: Account[];
  try {
    accounts = await listAccounts(customer);
  } catch (error) {
    const failure = error instanceof GatewayError ? error : new GatewayError('INTERNAL', `${adapter.key} failed unexpectedly`, { provider: adapter.key, cause: error });
    return [{ customer, account: null, error: failure }];
  }
  return accounts.filter((account) => !holds(account)).map((account) => ({ customer, account: account.ref, error: accountLeftOutError(account.ref) }));
}
