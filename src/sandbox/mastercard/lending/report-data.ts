import { epochSecondsOfDay } from './calendar-days.js';
import type { LendingAccount } from './data-source.js';
import type { AnalysisTransaction } from './report-transactions.js';

/** Everything a report body is computed from; pure data, so each builder is a pure function. */
export interface ReportData {
  /** The accounts the report covers (already filtered to the eligible types and `accountIds`). */
  accounts: LendingAccount[];
  /** Posted transactions of those accounts, oldest first (may extend past the window). */
  transactions: AnalysisTransaction[];
  /** First and last UTC day of the report period, both inclusive. */
  startDay: number;
  endDay: number;
  /** Generation time, epoch seconds (balance dates). */
  asOf: number;
}

export function transactionsOfAccount(data: ReportData, accountId: string): AnalysisTransaction[] {
  return data.transactions.filter((transaction) => transaction.accountId === accountId);
}

export function inWindow(data: ReportData, transaction: AnalysisTransaction): boolean {
  return transaction.day >= data.startDay && transaction.day <= data.endDay;
}

/** `startDate`, `endDate` (epoch seconds: start of the first day, end of the last) and `days`. */
export function reportPeriodFields(data: ReportData): { startDate: number; endDate: number; days: number } {
  return {
    startDate: epochSecondsOfDay(data.startDay),
    endDate: Math.min(data.asOf, epochSecondsOfDay(data.endDay + 1) - 1),
    days: data.endDay - data.startDay + 1,
  };
}
