import { addMonthsClamped, dayFromEpochMs, dayFromEpochSeconds } from './calendar-days.js';
import { buildCashFlowBody } from './cash-flow.js';
import type { LendingState } from './lending-state.js';
import { isEligibleAccount, type ReportType } from './report-accounts.js';
import type { ReportData } from './report-data.js';
import type { ReportOutcome, ReportRecord } from './report-store.js';
import { toAnalysisTransactions } from './report-transactions.js';
import { DEFAULT_TIME_INTERVAL_TYPE, isTimeIntervalType, type TimeIntervalType } from './time-intervals.js';
import { buildVoaBody } from './voa.js';
import { buildVoiBody } from './voi.js';

/**
 * How far back a report looks without `fromDate`: VOA "up to six months", VOI "up to 12 months"
 * (seed 002), cash flow "up to 12 months" (seed 002, Cash Flow Report).
 */
const DEFAULT_MONTHS: Record<ReportType, number> = { voa: 6, voi: 12, cfrb: 12, cfrp: 12 };

/**
 * Computes a finished report from the customer's data as it is now. The one documented way for a
 * report to FAIL in the sandbox: the customer has no account of a type the report supports (none
 * at all, or only cards/loans/mortgages), or `accountIds` names none.
 */
export function generateReport(state: LendingState, report: ReportRecord): ReportOutcome {
  const { ctx } = state;
  if (!ctx.customer(report.customerId)) return { ok: false, reason: 'Customer not found.' };
  const requested = report.constraints.accountIds as string[] | undefined;
  const accounts = ctx
    .accountsOf(report.customerId)
    .filter((account) => isEligibleAccount(report.type, account))
    .filter((account) => requested === undefined || requested.includes(String(account.id)));
  if (accounts.length === 0) {
    return { ok: false, reason: `Customer ${report.customerId} has no accounts this report supports.` };
  }
  const accountIds = new Set(accounts.map((account) => String(account.id)));
  const endDay = dayFromEpochMs(report.createdAt);
  const fromDate = report.constraints.fromDate as number | undefined;
  const startDay = Math.min(
    endDay,
    fromDate !== undefined ? dayFromEpochSeconds(fromDate) : addMonthsClamped(endDay, -DEFAULT_MONTHS[report.type]) + 1,
  );
  const data: ReportData = {
    accounts,
    transactions: toAnalysisTransactions(ctx.transactionsOf(report.customerId)).filter((t) => accountIds.has(t.accountId)),
    startDay,
    endDay,
    asOf: Math.floor(report.createdAt / 1000),
  };
  switch (report.type) {
    case 'voa':
      return { ok: true, body: buildVoaBody(data) };
    case 'voi': {
      const requestedTypes = (report.constraints.intervalTypes as unknown[] | undefined) ?? [];
      const intervalTypes: TimeIntervalType[] = requestedTypes.filter(isTimeIntervalType);
      const consumer = report.consumerId ? state.consumers.get(report.consumerId) : undefined;
      const customer = ctx.customer(report.customerId);
      const payee = [consumer?.firstName ?? customer?.firstName, consumer?.lastName ?? customer?.lastName]
        .filter(Boolean)
        .join(' ');
      const minimum = report.constraints.incomeStreamConfidenceMinimum as number | undefined;
      return {
        ok: true,
        body: buildVoiBody(data, {
          intervalTypes: intervalTypes.length > 0 ? intervalTypes : [DEFAULT_TIME_INTERVAL_TYPE],
          reportId: report.id,
          payee: payee || (customer?.username ?? ''),
          ...(minimum !== undefined ? { incomeStreamConfidenceMinimum: minimum } : {}),
        }),
      };
    }
    case 'cfrb':
    case 'cfrp':
      return { ok: true, body: buildCashFlowBody(data) };
  }
}
