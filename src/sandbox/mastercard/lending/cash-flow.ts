import { addMonthsClamped, epochSecondsOfDay } from './calendar-days.js';
import { balancesBetween, rebuildDailyBalances, type BalanceHistory } from './daily-balances.js';
import { groupByInstitution, reportAccountBase } from './report-accounts.js';
import { inWindow, reportPeriodFields, transactionsOfAccount, type ReportData } from './report-data.js';
import { toReportTransaction, type AnalysisTransaction } from './report-transactions.js';
import { mean, roundToCents, sampleStandardDeviation, sum } from './statistics.js';
import { splitDaysIntoPeriods, type DayPeriod } from './time-intervals.js';

const TRANSFER = /transfer|\bxfer\b|\btfr\b/i;
/** Credits that look like loan proceeds ("Identification of potential transactions from other lenders", seed 002). */
const LOAN_DEPOSIT = /\bloan\b|lending|\badvance\b|financ|line of credit/i;

export function isTransfer(transaction: AnalysisTransaction): boolean {
  return TRANSFER.test(`${transaction.description} ${transaction.category ?? ''}`);
}

export function isPossibleLoanDeposit(transaction: AnalysisTransaction): boolean {
  return transaction.amount > 0 && LOAN_DEPOSIT.test(`${transaction.description} ${transaction.category ?? ''}`);
}

/** "One instance for each complete calendar month in the report" (US spec, cash-flow `month`). */
export function completeMonths(startDay: number, endDay: number): DayPeriod[] {
  return splitDaysIntoPeriods('MONTHLY_CALENDAR', startDay, endDay).filter(
    (period) =>
      new Date(period.startDay * 86_400_000).getUTCDate() === 1 &&
      new Date((period.endDay + 1) * 86_400_000).getUTCDate() === 1,
  );
}

/** Counts and standard deviations of daily balances are strings in the US spec (`type: string`). */
const countString = (value: number): string => String(value);
const deviationString = (values: readonly number[]): string => String(Math.round(sampleStandardDeviation(values) ?? 0));
const round = (value: number | null): number => roundToCents(value ?? 0);
const total = (transactions: readonly AnalysisTransaction[]): number => roundToCents(sum(transactions.map((t) => t.amount)));

interface Scope {
  /** Combined end-of-day balances of the accounts in scope. */
  balances: BalanceHistory;
  /** Posted transactions of those accounts inside the report period. */
  transactions: AnalysisTransaction[];
}

interface Naming {
  summary: boolean;
}

function between(transactions: readonly AnalysisTransaction[], fromDay: number, toDay: number): AnalysisTransaction[] {
  return transactions.filter((transaction) => transaction.day >= fromDay && transaction.day <= toDay);
}

function balanceSection(scope: Scope, data: ReportData, naming: Naming): Record<string, unknown> {
  const { balances } = scope;
  const all = balancesBetween(balances, data.startDay, data.endDay);
  const back = (months: number): number[] => balancesBetween(balances, addMonthsClamped(data.endDay, -months) + 1, data.endDay);
  const monthly = completeMonths(data.startDay, data.endDay).map((month) => {
    const days = balancesBetween(balances, month.startDay, month.endDay);
    return {
      month: epochSecondsOfDay(month.startDay),
      minDailyBalance: Math.min(...days),
      maxDailyBalance: Math.max(...days),
      averageDailyBalance: round(mean(days)),
      standardDeviationOfDailyBalance: deviationString(days),
      numberOfDaysNegativeBalance: countString(days.filter((b) => b < 0).length),
      numberOfDaysPositiveBalance: countString(days.filter((b) => b > 0).length),
    };
  });
  return {
    [naming.summary ? 'monthlyCashFlowBalanceSummaries' : 'monthlyCashFlowBalances']: monthly,
    minDailyBalance: Math.min(...all),
    maxDailyBalance: Math.max(...all),
    twelveMonthAverageDailyBalance: round(mean(back(12))),
    sixMonthAverageDailyBalance: round(mean(back(6))),
    twoMonthAverageDailyBalance: round(mean(back(2))),
    twelveMonthStandardDeviationOfDailyBalance: deviationString(back(12)),
    sixMonthStandardDeviationOfDailyBalance: deviationString(back(6)),
    twoMonthStandardDeviationOfDailyBalance: deviationString(back(2)),
    // The spec itself names this field differently on accounts and on the summary.
    [naming.summary ? 'numberOfDaysNegativeBalance' : 'numberDaysNegativeBalance']: countString(all.filter((b) => b < 0).length),
    numberOfDaysPositiveBalance: countString(all.filter((b) => b > 0).length),
  };
}

function flowSection(scope: Scope, data: ReportData, naming: Naming, direction: 'credit' | 'debit'): Record<string, unknown> {
  const isCredit = direction === 'credit';
  const flows = scope.transactions.filter((t) => (isCredit ? t.amount > 0 : t.amount < 0));
  const Word = isCredit ? 'Credit' : 'Debit';
  const monthly = completeMonths(data.startDay, data.endDay).map((month) => {
    const inMonth = between(flows, month.startDay, month.endDay);
    const lessTransfers = inMonth.filter((t) => !isTransfer(t));
    const amounts = inMonth.map((t) => t.amount);
    const entry: Record<string, unknown> = {
      month: epochSecondsOfDay(month.startDay),
      [`numberOf${Word}s`]: countString(inMonth.length),
      [`total${Word}sAmount`]: total(inMonth),
      [`largest${Word}`]: amounts.length === 0 ? 0 : isCredit ? Math.max(...amounts) : Math.min(...amounts),
      [`numberOf${Word}sLessTransfers`]: countString(lessTransfers.length),
      [`total${Word}sAmountLessTransfers`]: total(lessTransfers),
      [`average${Word}Amount`]: round(mean(amounts)),
    };
    if (isCredit) {
      const loans = inMonth.filter(isPossibleLoanDeposit);
      entry.estimatedNumberOfLoanDeposits = countString(loans.length);
      entry.estimatedLoanDepositAmount = total(loans);
    }
    return entry;
  });
  const window = (months: number): AnalysisTransaction[] => between(flows, addMonthsClamped(data.endDay, -months) + 1, data.endDay);
  const totals: Record<string, number> = {};
  for (const [label, months] of [['twelveMonth', 12], ['sixMonth', 6], ['twoMonth', 2]] as const) {
    totals[`${label}${Word}Total`] = total(window(months));
    totals[`${label}${Word}TotalLessTransfers`] = total(window(months).filter((t) => !isTransfer(t)));
  }
  const listName = naming.summary ? `monthlyCashFlow${Word}Summaries` : `monthlyCashFlow${Word}s`;
  return { [listName]: monthly, ...totals };
}

function characteristicSection(scope: Scope, data: ReportData, naming: Naming): Record<string, unknown> {
  const months = completeMonths(data.startDay, data.endDay);
  const nets = months.map((month) => {
    const inMonth = between(scope.transactions, month.startDay, month.endDay);
    return {
      month: epochSecondsOfDay(month.startDay),
      totalCreditsLessTotalDebits: total(inMonth),
      totalCreditsLessTotalDebitsLessTransfers: total(inMonth.filter((t) => !isTransfer(t))),
      averageTransactionAmount: round(mean(inMonth.map((t) => t.amount))),
    };
  });
  const lastMonths = (count: number): typeof nets => nets.slice(Math.max(0, nets.length - count));
  const averageOf = (entries: typeof nets, field: 'totalCreditsLessTotalDebits' | 'totalCreditsLessTotalDebitsLessTransfers'): number =>
    round(mean(entries.map((entry) => entry[field])));
  const twelveMonths = between(scope.transactions, addMonthsClamped(data.endDay, -12) + 1, data.endDay);
  return {
    [naming.summary ? 'monthlyCashFlowCharacteristicSummaries' : 'monthlyCashFlowCharacteristics']: nets,
    averageMonthlyNet: averageOf(nets, 'totalCreditsLessTotalDebits'),
    averageMonthlyNetLessTransfers: averageOf(nets, 'totalCreditsLessTotalDebitsLessTransfers'),
    twelveMonthTotalNet: total(twelveMonths),
    twelveMonthTotalNetLessTransfers: total(twelveMonths.filter((t) => !isTransfer(t))),
    sixMonthAverageTotalCreditsLessTotalDebits: averageOf(lastMonths(6), 'totalCreditsLessTotalDebits'),
    sixMonthAverageTotalCreditsLessTotalDebitsLessTransfers: averageOf(lastMonths(6), 'totalCreditsLessTotalDebitsLessTransfers'),
    twoMonthAverageTotalCreditsLessTotalDebits: averageOf(lastMonths(2), 'totalCreditsLessTotalDebits'),
    twoMonthAverageTotalCreditsLessTotalDebitsLessTransfers: averageOf(lastMonths(2), 'totalCreditsLessTotalDebitsLessTransfers'),
  };
}

/**
 * The body of a cash-flow report (US spec `CashFlowReport`, example "Cash Flow Report - Business";
 * the personal report has the same shape): balance, credit, debit and net analytics per account
 * and summed over all accounts, plus the credits that look like loan deposits.
 */
export function buildCashFlowBody(data: ReportData): Record<string, unknown> {
  const histories: BalanceHistory[] = [];
  const inPeriod = data.transactions.filter((transaction) => inWindow(data, transaction));
  const institutions = groupByInstitution(data.accounts, (account) => {
    const own = transactionsOfAccount(data, account.id);
    const history = rebuildDailyBalances(account.balance, own, data.startDay, data.endDay);
    histories.push(history);
    const scope: Scope = { balances: history, transactions: own.filter((t) => inWindow(data, t)) };
    const naming = { summary: false };
    return {
      ...reportAccountBase(account),
      currentBalance: account.balance,
      availableBalance: account.balance,
      balanceDate: data.asOf,
      transactions: [...scope.transactions].reverse().map(toReportTransaction),
      cashFlowBalance: balanceSection(scope, data, naming),
      cashFlowCredit: flowSection(scope, data, naming, 'credit'),
      cashFlowDebit: flowSection(scope, data, naming, 'debit'),
      cashFlowCharacteristic: characteristicSection(scope, data, naming),
    };
  });
  const combined: BalanceHistory = {
    startDay: data.startDay,
    endDay: data.endDay,
    balances: Array.from({ length: data.endDay - data.startDay + 1 }, (_, index) =>
      roundToCents(sum(histories.map((history) => history.balances[index] ?? 0))),
    ),
    beginningBalance: roundToCents(sum(histories.map((history) => history.beginningBalance))),
  };
  const scope: Scope = { balances: combined, transactions: inPeriod };
  const naming = { summary: true };
  const loanAccounts = data.accounts.filter((account) =>
    inPeriod.some((t) => t.accountId === account.id && isPossibleLoanDeposit(t)),
  );
  return {
    ...reportPeriodFields(data),
    // CashFlowReport: '"true" if the report covers more than 365 days'.
    seasoned: data.endDay - data.startDay + 1 > 365,
    institutions,
    cashFlowBalanceSummary: balanceSection(scope, data, naming),
    cashFlowCreditSummary: flowSection(scope, data, naming, 'credit'),
    cashFlowDebitSummary: flowSection(scope, data, naming, 'debit'),
    cashFlowCharacteristicsSummary: characteristicSection(scope, data, naming),
    possibleLoanDeposits: groupByInstitution(loanAccounts, (account) => ({
      ...reportAccountBase(account),
      currentBalance: account.balance,
      availableBalance: account.balance,
      balanceDate: data.asOf,
      transactions: inPeriod.filter((t) => t.accountId === account.id && isPossibleLoanDeposit(t)).map(toReportTransaction),
    })),
  };
}
