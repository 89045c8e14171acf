import type { AnalysisTransaction } from './report-transactions.js';
import { mean, roundToCents } from './statistics.js';

/**
 * End-of-day balances of one account, rebuilt backwards from its current balance: the balance at
 * the end of day d is today's balance minus every posted transaction after d. Providers compute
 * their balance analytics the same way when the institution gives no history.
 */
export interface BalanceHistory {
  startDay: number;
  endDay: number;
  /** Index i holds the end-of-day balance of `startDay + i`. */
  balances: number[];
  /** Balance before the first day's transactions. */
  beginningBalance: number;
}

export function rebuildDailyBalances(
  currentBalance: number,
  transactions: readonly AnalysisTransaction[],
  startDay: number,
  endDay: number,
): BalanceHistory {
  const byDay = new Map<number, number>();
  let afterEnd = 0;
  for (const transaction of transactions) {
    if (transaction.day > endDay) afterEnd += transaction.amount;
    else byDay.set(transaction.day, (byDay.get(transaction.day) ?? 0) + transaction.amount);
  }
  const balances = new Array<number>(endDay - startDay + 1);
  let balance = currentBalance - afterEnd;
  for (let day = endDay; day >= startDay; day -= 1) {
    balances[day - startDay] = roundToCents(balance);
    balance -= byDay.get(day) ?? 0;
  }
  return { startDay, endDay, balances, beginningBalance: roundToCents(balance) };
}

/** End-of-day balances of the days in `[fromDay, toDay]` that the history covers. */
export function balancesBetween(history: BalanceHistory, fromDay: number, toDay: number): number[] {
  const from = Math.max(fromDay, history.startDay);
  const to = Math.min(toDay, history.endDay);
  return from > to ? [] : history.balances.slice(from - history.startDay, to - history.startDay + 1);
}

export function averageBalance(history: BalanceHistory, fromDay: number, toDay: number): number | null {
  const average = mean(balancesBetween(history, fromDay, toDay));
  return average === null ? null : roundToCents(average);
}
