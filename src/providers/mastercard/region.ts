import type { ProviderKey } from '../../domain/provider.js';
import type { TransactionHistory } from '../../domain/transaction-query.js';
import { mastercardPathSegment } from './ids.js';

/**
 * Where the two Finicity-platform regions differ. Everything else (paths, payloads, token flow) is
 * shared: the AU docs describe the same API with other header names and some CDR rules (au-notes.md).
 */
export interface MastercardRegion {
  provider: 'MASTERCARD_US' | 'MASTERCARD_AU';
  appKeyHeader: string;
  appTokenHeader: string;
  /** Currency when an account or transaction does not name one. */
  defaultCurrency: string;
  /** Per-account transactions: v4 in the US spec, v3 in the AU reference app. */
  accountTransactionsPath(customerId: string, accountId: string): string;
  /** Customers carry `category` INDIVIDUAL/BUSINESS (AU only; seed 000, Customer Records). */
  customerCategories: boolean;
  /** Connect links stay valid this long after generation (AU: 2 h, seed 002 "Session time-out"). */
  connectUrlLifetimeMs: number;
  /** Default transaction window and how far back the region can hold (issue 16, row 1). */
  transactionHistory: TransactionHistory;
}

/** Path segment from a provider id: checked against Mastercard's id shape (ids.ts), then encoded. */
export const segment = (value: string): string => mastercardPathSegment(value);
