import { GatewayError } from '../../domain/errors.js';
import { ref, type NativeRef } from '../../domain/global-id.js';
import type { Account } from '../../domain/model.js';
import type { CustomerTransactionsPort } from '../../domain/ports.js';
import type { DataScope } from './finicity-client.js';

/** The data scope of an account ref; its customer id is the first scope entry (accounts.mapper.ts). */
export function accountScope(account: NativeRef): Required<DataScope> {
  const customerId = account.scope[0];
  if (account.type !== 'Account' || customerId === undefined) {
    throw new GatewayError('BAD_USER_INPUT', 'Malformed Account ID: it names no customer', { field: 'id' });
  }
  return { customerId, accountId: account.id };
}

/** The customer id an account or transaction ref carries (first scope entry), or BAD_USER_INPUT. */
export function customerIdOf(target: NativeRef): string {
  const customerId = target.scope[0];
  if (customerId === undefined) {
    throw new GatewayError('BAD_USER_INPUT', `Malformed ${target.type} ID: it names no customer`, { field: 'id' });
  }
  return customerId;
}

/**
 * 14020 "Bad request. (Account type not supported)" (error-examples.json AccountTypeNotSupportedExample):
 * the product does not cover this account type (AU details: Transaction & Savings only; balances:
 * deposit accounts). That is an answer about the account, so the field is null rather than an error.
 */
export function nullWhenUnsupportedType<T>(promise: Promise<T>): Promise<T | null> {
  return promise.catch((error: unknown) => {
    if (error instanceof GatewayError && error.providerCode === '14020') return null;
    throw error;
  });
}

/** aggregationStatusCode of an account whose first aggregation is still running (seed 002, "API Status Codes"). */
const FIRST_AGGREGATION_RUNNING = 325;

/**
 * How accounts relate to the v3 customer-level transaction window: account IDs carry their customer
 * (accounts.mapper.ts), and the window holds every account except (AU) one still in its first
 * aggregation, which the customer-level answer simply lacks (its own endpoint answers 325/5006).
 * Only AU documents that state (seed 002, "API Status Codes"; the US notes have no 325), so only AU
 * has `holdsAccount`: customer-wide reads list a customer's accounts to name the missing ones
 * (accounts-left-out.ts), a call the US need not pay.
 */
export function customerWindowLink(provider: 'MASTERCARD_US' | 'MASTERCARD_AU'): Pick<CustomerTransactionsPort, 'customerOfAccount' | 'holdsAccount'> {
  const customerOfAccount = (account: NativeRef) => (account.scope[0] ? ref(provider, 'Customer', account.scope[0]) : null);
  if (provider !== 'MASTERCARD_AU') return { customerOfAccount };
  return {
    customerOfAccount,
    holdsAccount: (account: Account) =>
      account.details?.provider !== provider || account.details.aggregationStatusCode !== FIRST_AGGREGATION_RUNNING,
  };
}
