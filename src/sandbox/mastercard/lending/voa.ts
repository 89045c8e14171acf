import { addMonthsClamped, lastDayOfMonth } from './calendar-days.js';
import { averageBalance, rebuildDailyBalances } from './daily-balances.js';
import { groupByInstitution, reportAccountBase } from './report-accounts.js';
import { inWindow, reportPeriodFields, transactionsOfAccount, type ReportData } from './report-data.js';
import { toReportTransaction, type AnalysisTransaction } from './report-transactions.js';
import { roundToCents } from './statistics.js';

/** Non-sufficient-funds fee debits, counted by the `totNumberInsufficientFundsFee…` fields. */
const NSF_FEE = /\bnsf\b|insufficient funds|overdraft fee|returned item fee|dishono(?:u)?r(?:ed)? fee/i;

export function isNsfFee(transaction: AnalysisTransaction): boolean {
  return transaction.amount < 0 && NSF_FEE.test(`${transaction.description} ${transaction.category ?? ''}`);
}

export interface AccountAssetSummary {
  currentBalance: number;
  availableBalance: number;
  twoMonthAverage: number;
  sixMonthAverage: number;
  beginningBalance: number;
}

/**
 * The body of a VOA report (US spec `VOAReport`; AU VOA mirrors it): per account balance,
 * average monthly balance, two/six-month average daily balances, beginning balance, NSF counts and
 * the period's transactions; then the customer's totals.
 */
export function buildVoaBody(data: ReportData): Record<string, unknown> {
  const summaries: AccountAssetSummary[] = [];
  const institutions = groupByInstitution(data.accounts, (account) => {
    const own = transactionsOfAccount(data, account.id);
    const history = rebuildDailyBalances(account.balance, own, data.startDay, data.endDay);
    const twoMonthsBack = addMonthsClamped(data.endDay, -2) + 1;
    const sixMonthsBack = addMonthsClamped(data.endDay, -6) + 1;
    const asset: AccountAssetSummary = {
      currentBalance: account.balance,
      availableBalance: account.balance,
      twoMonthAverage: averageBalance(history, twoMonthsBack, data.endDay) ?? account.balance,
      sixMonthAverage: averageBalance(history, sixMonthsBack, data.endDay) ?? account.balance,
      beginningBalance: history.beginningBalance,
    };
    summaries.push(asset);
    const periodTransactions = own.filter((transaction) => inWindow(data, transaction));
    const nsf = periodTransactions.filter(isNsfFee);
    const twoMonthNsf = nsf.filter((transaction) => transaction.day >= twoMonthsBack);
    const lastNsf = nsf[nsf.length - 1];
    return {
      ...reportAccountBase(account),
      availableBalance: account.balance,
      balance: account.balance,
      balanceDate: data.asOf,
      averageMonthlyBalance: averageMonthlyBalance(history, data),
      totNumberInsufficientFundsFeeDebitTxAccount: nsf.length,
      totNumberInsufficientFundsFeeDebitTxOver2MonthsAccount: twoMonthNsf.length,
      totNumberDaysSinceMostRecentInsufficientFundsFeeDebitTxAccount: lastNsf ? data.endDay - lastNsf.day : null,
      transactions: [...periodTransactions].reverse().map(toReportTransaction),
      asset: { type: account.type, ...asset },
    };
  });
  const total = (pick: (summary: AccountAssetSummary) => number): number =>
    roundToCents(summaries.reduce((sum, summary) => sum + pick(summary), 0));
  return {
    ...reportPeriodFields(data),
    // VOAReport: '"true" if the report covers more than 180 days'.
    seasoned: data.endDay - data.startDay + 1 > 180,
    consolidatedAvailableBalance: total((summary) => summary.availableBalance),
    institutions,
    assets: {
      currentBalance: total((summary) => summary.currentBalance),
      availableBalance: total((summary) => summary.availableBalance),
      twoMonthAverage: total((summary) => summary.twoMonthAverage),
      sixMonthAverage: total((summary) => summary.sixMonthAverage),
      beginningBalance: total((summary) => summary.beginningBalance),
    },
  };
}

/** Mean of the calendar months' average daily balances over the report period. */
function averageMonthlyBalance(history: ReturnType<typeof rebuildDailyBalances>, data: ReportData): number {
  const monthly: number[] = [];
  for (let day = data.startDay; day <= data.endDay; ) {
    const monthEnd = Math.min(lastDayOfMonth(day), data.endDay);
    const average = averageBalance(history, day, monthEnd);
    if (average !== null) monthly.push(average);
    day = monthEnd + 1;
  }
  return monthly.length === 0 ? 0 : roundToCents(monthly.reduce((a, b) => a + b, 0) / monthly.length);
}
