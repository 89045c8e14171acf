import { epochSecondsOfDay, firstDayOfMonth, isoFromDay, partsOfDay } from './calendar-days.js';
import { attributeIncludes, classifyIncome, INCOME_ATTRIBUTES, type IncomeKind } from './income-attributes.js';
import { detectIncomeStreams, type IncomeStream } from './income-streams.js';
import { groupByInstitution, reportAccountBase } from './report-accounts.js';
import { inWindow, reportPeriodFields, transactionsOfAccount, type ReportData } from './report-data.js';
import { toReportTransaction, type AnalysisTransaction } from './report-transactions.js';
import { stableUuid } from './stable-ids.js';
import { describe, roundToCents } from './statistics.js';
import { splitDaysIntoPeriods, type TimeIntervalType } from './time-intervals.js';
import { rebuildDailyBalances, averageBalance } from './daily-balances.js';

export interface VoiOptions {
  /** One or two interval types (validated by the route). */
  intervalTypes: readonly TimeIntervalType[];
  /** Seeds the stream ids, so one report always shows the same ids. */
  reportId: string;
  /** The party receiving the funds: the consumer's name. */
  payee: string;
  /** US `incomeStreamConfidenceMinimum`: streams below it are left out. */
  incomeStreamConfidenceMinimum?: number;
}

interface ClassifiedCredit {
  transaction: AnalysisTransaction;
  kind: IncomeKind;
}

export interface Analytics {
  transactionalAttributes: Array<Record<string, unknown>>;
  stateAttributes: unknown[];
  streams: Array<Record<string, unknown>>;
}

export interface AnalyticsResult {
  analytics: Analytics;
  streams: Array<{ id: string; stream: IncomeStream }>;
  /** Income credits that belong to no stream (US `miscDeposits`). */
  loose: AnalysisTransaction[];
}

/**
 * VOI analytics over `transactions` (one account's, or all of the customer's for
 * `customerAnalytics`): streams, then each transactional attribute's statistics per period of each
 * requested interval type (seed 002, "JSON Report Structure - Analytics Section").
 */
export function computeAnalytics(
  transactions: readonly AnalysisTransaction[],
  data: Pick<ReportData, 'startDay' | 'endDay'>,
  options: VoiOptions,
): AnalyticsResult {
  const inPeriod = transactions.filter((t) => t.day >= data.startDay && t.day <= data.endDay);
  const minimum = options.incomeStreamConfidenceMinimum ?? 0;
  const streams = detectIncomeStreams(inPeriod, { endDay: data.endDay })
    .filter((stream) => stream.confidence >= minimum)
    .map((stream) => ({
      id: stableUuid(`${options.reportId}|${stream.key}|${stream.transactions.map((t) => t.id).join(',')}`),
      stream,
    }));
  const streamOf = new Map<string, string>();
  for (const { id, stream } of streams) for (const transaction of stream.transactions) streamOf.set(transaction.id, id);

  const credits: ClassifiedCredit[] = [];
  for (const transaction of inPeriod) {
    const kind = classifyIncome(transaction);
    if (kind !== undefined) credits.push({ transaction, kind });
  }

  const transactionalAttributes = INCOME_ATTRIBUTES.map((attribute) => {
    const members = credits.filter((credit) => attributeIncludes(attribute, credit.kind));
    const memberStreams = streams.filter(({ stream }) => attributeIncludes(attribute, stream.kind));
    return {
      aggregatedByTimePeriods: options.intervalTypes.map((timeIntervalType) => {
        const periods = splitDaysIntoPeriods(timeIntervalType, data.startDay, data.endDay);
        return {
          periods: periods.map((period) => ({
            ...describe(
              members
                .filter(({ transaction }) => transaction.day >= period.startDay && transaction.day <= period.endDay)
                .map(({ transaction }) => transaction.amount),
            ),
            startDate: isoFromDay(period.startDay),
            endDate: isoFromDay(period.endDay),
            // "This field will be empty as it is not applicable for VOI AUS."
            comparedToCohorts: [],
          })),
          timeIntervalType,
          cohortBenchmarkPeriods: periods.map((period) => ({
            startDate: isoFromDay(period.startDay),
            endDate: isoFromDay(period.endDay),
            cohortValues: [],
          })),
        };
      }),
      attributeName: attribute,
      streamIds: memberStreams.map(({ id }) => id),
      transactionIds: members.map(({ transaction }) => transaction.id),
      projectedValues: [],
      // The docs' example shows the confidence as a string ("100.0").
      streamConfidences: memberStreams.map(({ id, stream }) => ({ streamId: id, confidence: stream.confidence.toFixed(1) })),
    };
  });

  return {
    analytics: {
      transactionalAttributes,
      // Not described for VOI AU: always empty here.
      stateAttributes: [],
      streams: streams.map(({ id, stream }) => renderStream(id, stream, options.payee)),
    },
    streams,
    loose: credits.filter(({ transaction }) => !streamOf.has(transaction.id)).map(({ transaction }) => transaction),
  };
}

/** A stream as the AU docs print it (seed 002, "Streams › Stream Field Descriptions"). */
export function renderStream(id: string, stream: IncomeStream, payee: string): Record<string, unknown> {
  return {
    cadence: stream.cadence,
    id,
    payee,
    payor: stream.payor,
    recency: stream.recency,
    earliestObservedDate: `${isoFromDay(stream.earliestDay)}T00:00:00`,
    latestObservedDate: `${isoFromDay(stream.latestDay)}T00:00:00`,
    count: stream.count,
    sum: stream.sum,
    status: stream.status,
    min: stream.min,
    max: stream.max,
    mean: stream.mean,
    median: stream.median,
    standardDeviation: stream.standardDeviation,
    minimumCadence: stream.minimumCadence,
    maximumCadence: stream.maximumCadence,
    medianCadence: stream.medianCadence,
    modeCadence: stream.modeCadence,
    standardDeviationCadence: stream.standardDeviationCadence,
    transactionIds: stream.transactions.map((transaction) => transaction.id),
  };
}

/** US `EstimateInclusion` ("HIGH", "MODERATE", "LOW", "NO") from a 0-100 confidence; thresholds are the sandbox's. */
export function estimateInclusion(confidence: number): 'HIGH' | 'MODERATE' | 'LOW' | 'NO' {
  if (confidence >= 80) return 'HIGH';
  if (confidence >= 50) return 'MODERATE';
  if (confidence >= 25) return 'LOW';
  return 'NO';
}

interface MonthlyNet {
  month: number;
  net: number;
  gross: number;
}

function netMonthly(transactions: readonly AnalysisTransaction[]): MonthlyNet[] {
  const months = new Map<number, number>();
  for (const transaction of transactions) {
    const month = firstDayOfMonth(transaction.day);
    months.set(month, (months.get(month) ?? 0) + transaction.amount);
  }
  // The sandbox has no tax model: gross equals net.
  return [...months]
    .sort((a, b) => a[0] - b[0])
    .map(([month, net]) => ({ month: epochSecondsOfDay(month), net: roundToCents(net), gross: roundToCents(net) }));
}

function monthsSpanned(firstDay: number, lastDay: number): number {
  const a = partsOfDay(firstDay);
  const b = partsOfDay(lastDay);
  return (b.year - a.year) * 12 + (b.month - a.month) + 1;
}

/** A stream in the US `VOIReportIncomeStream` shape. */
export function renderUsIncomeStream(id: string, stream: IncomeStream, endDay: number): Record<string, unknown> {
  const active = stream.status === 'active';
  const netAnnual = roundToCents(
    stream.transactions.filter((t) => t.day > endDay - 365).reduce((total, t) => total + t.amount, 0),
  );
  const projectedNetAnnual = active ? roundToCents((stream.mean * 365.25) / stream.meanCadence) : 0;
  const months = monthsSpanned(stream.earliestDay, stream.latestDay);
  const first = stream.transactions[0] as AnalysisTransaction;
  const last = stream.transactions[stream.transactions.length - 1] as AnalysisTransaction;
  return {
    id,
    name: stream.payor,
    status: active ? 'ACTIVE' : 'INACTIVE',
    estimateInclusion: estimateInclusion(stream.confidence),
    confidence: Math.round(stream.confidence),
    // CadenceDetails: stopDate is "omitted if status is active".
    cadence: { startDate: first.postedDate, ...(active ? {} : { stopDate: last.postedDate }), days: stream.cadence },
    netMonthly: netMonthly(stream.transactions),
    netAnnual,
    projectedNetAnnual,
    estimatedGrossAnnual: netAnnual,
    projectedGrossAnnual: projectedNetAnnual,
    averageMonthlyIncomeNet: roundToCents(stream.sum / months),
    averageMonthlyIncomeGross: roundToCents(stream.sum / months),
    incomeStreamMonths: months,
    transactions: stream.transactions.map(toReportTransaction),
  };
}

/** The body of a VOI report: US account/income fields plus the AU analytics, per account and for the customer. */
export function buildVoiBody(data: ReportData, options: VoiOptions): Record<string, unknown> {
  const allStreams: Array<{ id: string; stream: IncomeStream }> = [];
  const institutions = groupByInstitution(data.accounts, (account) => {
    const own = transactionsOfAccount(data, account.id);
    const result = computeAnalytics(own, data, options);
    allStreams.push(...result.streams);
    const history = rebuildDailyBalances(account.balance, own, data.startDay, data.endDay);
    return {
      ...reportAccountBase(account),
      incomeStreams: result.streams.map(({ id, stream }) => renderUsIncomeStream(id, stream, data.endDay)),
      balance: account.balance,
      averageMonthlyBalance: averageBalance(history, data.startDay, data.endDay) ?? account.balance,
      transactions: [],
      availableBalance: account.balance,
      currentBalance: account.balance,
      beginningBalance: history.beginningBalance,
      ...(own[0] ? { oldestTransactionDate: own[0].postedDate } : {}),
      miscDeposits: result.loose.slice(0, 100).map(toReportTransaction),
      analytics: result.analytics,
    };
  });
  const customerLevel = computeAnalytics(
    data.transactions.filter((transaction) => inWindow(data, transaction)),
    data,
    options,
  );
  return {
    ...reportPeriodFields(data),
    // VOIReport: '"true" if the report covers more than 180 days'.
    seasoned: data.endDay - data.startDay + 1 > 180,
    institutions,
    income: incomeSummaries(allStreams, data.endDay),
    customerAnalytics: customerLevel.analytics,
  };
}

function incomeSummaries(streams: ReadonlyArray<{ id: string; stream: IncomeStream }>, endDay: number): unknown[] {
  const byInclusion = new Map<string, IncomeStream[]>();
  for (const { stream } of streams) {
    const inclusion = estimateInclusion(stream.confidence);
    byInclusion.set(inclusion, [...(byInclusion.get(inclusion) ?? []), stream]);
  }
  return ['HIGH', 'MODERATE', 'LOW', 'NO']
    .filter((inclusion) => byInclusion.has(inclusion))
    .map((inclusion) => {
      const members = byInclusion.get(inclusion) ?? [];
      const rendered = members.map((stream) => renderUsIncomeStream('', stream, endDay));
      const total = (field: string): number =>
        roundToCents(rendered.reduce((sum, stream) => sum + (stream[field] as number), 0));
      const monthly = netMonthly(members.flatMap((stream) => stream.transactions));
      const averageMonthly = monthly.length === 0 ? 0 : roundToCents(monthly.reduce((s, m) => s + m.net, 0) / monthly.length);
      return {
        confidenceType: inclusion,
        netMonthly: monthly,
        averageMonthlyIncomeNet: averageMonthly,
        averageMonthlyIncomeGross: averageMonthly,
        incomeEstimate: {
          netAnnual: total('netAnnual'),
          projectedNetAnnual: total('projectedNetAnnual'),
          estimatedGrossAnnual: total('estimatedGrossAnnual'),
          projectedGrossAnnual: total('projectedGrossAnnual'),
        },
      };
    });
}
