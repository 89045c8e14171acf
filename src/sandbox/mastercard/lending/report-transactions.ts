import { dayFromEpochSeconds } from './calendar-days.js';
import type { LendingTransaction } from './data-source.js';

/** A transaction as the report computations see it: ids as strings, its UTC posted day resolved. */
export interface AnalysisTransaction {
  id: string;
  accountId: string;
  amount: number;
  /** Epoch seconds. */
  postedDate: number;
  /** UTC day number of `postedDate`. */
  day: number;
  description: string;
  memo?: string;
  payee?: string;
  category?: string;
}

/**
 * Reports are built from posted transactions only: pending ones are ephemeral and shadow ones are
 * no longer in the institution's data (seed 002, "Pending Transactions", "Shadow Transactions").
 */
export function toAnalysisTransactions(transactions: readonly LendingTransaction[]): AnalysisTransaction[] {
  return transactions
    .filter((transaction) => transaction.status === 'active')
    .map((transaction) => {
      const analysis: AnalysisTransaction = {
        id: String(transaction.id),
        accountId: String(transaction.accountId),
        amount: transaction.amount,
        postedDate: transaction.postedDate,
        day: dayFromEpochSeconds(transaction.postedDate),
        description: transaction.description,
      };
      if (transaction.memo !== undefined) analysis.memo = transaction.memo;
      const payee = transaction.categorization?.normalizedPayeeName;
      if (payee) analysis.payee = payee;
      const category = transaction.categorization?.category;
      if (category) analysis.category = category;
      return analysis;
    })
    .sort((a, b) => a.postedDate - b.postedDate || compareIds(a.id, b.id));
}

export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** The `ReportTransaction` shape of the US spec (VOA/VOI/cash-flow `transactions[]`). */
export function toReportTransaction(transaction: AnalysisTransaction): Record<string, unknown> {
  return {
    id: Number(transaction.id),
    amount: transaction.amount,
    postedDate: transaction.postedDate,
    description: transaction.description,
    ...(transaction.memo !== undefined ? { memo: transaction.memo } : {}),
    ...(transaction.payee !== undefined ? { normalizedPayee: transaction.payee } : {}),
    institutionTransactionId: transaction.id,
    ...(transaction.category !== undefined ? { category: transaction.category } : {}),
    bestRepresentation: transaction.description,
  };
}
