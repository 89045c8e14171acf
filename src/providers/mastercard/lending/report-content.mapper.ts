import { decimalFromNumber } from '../../../domain/decimal.js';
import { GatewayError } from '../../../domain/errors.js';
import { ref } from '../../../domain/global-id.js';
import { warnProviderData } from '../../../observability/data-warnings.js';
import { readRecord } from '../../record-reader.js';
import {
  isTimeIntervalType,
  type IncomeStream,
  type PeriodStatistics,
  type Report,
  type ReportContent,
  type TimeIntervalAggregation,
  type VoiAnalytics,
} from '../../../domain/lending.port.js';
import { dateFromEpochSeconds, dateFromProviderString } from './provider-dates.js';
import type { LendingRegion } from './region.js';
import { withoutSsn } from './reports.mapper.js';
import type { WireAnalytics, WirePeriod, WireReportBody } from './wire.js';
import { reportBodySchema } from './wire.js';

/** Report amounts are JSON numbers; the unified model carries exact decimal strings (decimal.ts). */
const decimal = (value: number | null | undefined): string | null => (value === null || value === undefined ? null : decimalFromNumber(value));

/** Report content is read from Get Report's answer (reports.ts). */
const OPERATION = 'reports.get';

/** An aggregation of a time interval type the documents do not list is left out with a warning. */
function aggregationOf(region: LendingRegion, timeIntervalType: string, periods: readonly WirePeriod[]): TimeIntervalAggregation[] {
  if (!isTimeIntervalType(timeIntervalType)) {
    warnProviderData(region.provider, OPERATION, 'transactionalAttributes.aggregatedByTimePeriods.timeIntervalType', 'unknown_enum');
    return [];
  }
  return [
    {
      timeIntervalType,
      periods: periods.map(
        (period): PeriodStatistics => ({
          startDate: period.startDate,
          endDate: period.endDate,
          count: period.count ?? 0,
          sum: decimal(period.sum),
          mean: decimal(period.mean),
          median: decimal(period.median),
          min: decimal(period.min),
          max: decimal(period.max),
          standardDeviation: decimal(period.standardDeviation),
        }),
      ),
    },
  ];
}

/** "Active or inactive" (seed 002, Stream field descriptions). */
function streamStatusOf(status: string | null | undefined): IncomeStream['status'] {
  switch (status?.toLowerCase()) {
    case 'active':
      return 'ACTIVE';
    case 'inactive':
      return 'INACTIVE';
    default:
      return null;
  }
}

export function toVoiAnalytics(region: LendingRegion, wire: WireAnalytics): VoiAnalytics {
  const attributes = (wire.transactionalAttributes ?? []).map((attribute) => ({
    name: attribute.attributeName,
    aggregations: (attribute.aggregatedByTimePeriods ?? []).flatMap((entry) => aggregationOf(region, entry.timeIntervalType, entry.periods)),
    streamIds: attribute.streamIds ?? [],
    transactionIds: attribute.transactionIds ?? [],
    streamConfidences: (attribute.streamConfidences ?? []).map((entry) => ({ streamId: entry.streamId, confidence: entry.confidence })),
  }));
  // A stream's confidence is given per attribute that claims it; the stream shows the highest.
  const confidenceOf = new Map<string, number>();
  for (const attribute of attributes) {
    for (const { streamId, confidence } of attribute.streamConfidences) {
      confidenceOf.set(streamId, Math.max(confidence, confidenceOf.get(streamId) ?? 0));
    }
  }
  const streams = (wire.streams ?? []).map(
    (stream): IncomeStream => ({
      id: stream.id,
      payor: stream.payor ?? null,
      payee: stream.payee ?? null,
      status: streamStatusOf(stream.status),
      providerStatus: stream.status ?? null,
      cadenceDays: stream.cadence ?? null,
      recencyDays: stream.recency ?? null,
      earliestObservedAt: dateFromProviderString(stream.earliestObservedDate),
      latestObservedAt: dateFromProviderString(stream.latestObservedDate),
      count: stream.count ?? null,
      sum: decimal(stream.sum),
      min: decimal(stream.min),
      max: decimal(stream.max),
      mean: decimal(stream.mean),
      median: decimal(stream.median),
      standardDeviation: decimal(stream.standardDeviation),
      minimumCadenceDays: stream.minimumCadence ?? null,
      maximumCadenceDays: stream.maximumCadence ?? null,
      medianCadenceDays: stream.medianCadence ?? null,
      modeCadenceDays: stream.modeCadence ?? null,
      standardDeviationCadenceDays: stream.standardDeviationCadence ?? null,
      confidence: confidenceOf.get(stream.id) ?? null,
      transactionIds: stream.transactionIds ?? [],
    }),
  );
  return { transactionalAttributes: attributes, streams };
}

function sections(region: LendingRegion, report: Report, body: WireReportBody): Pick<ReportContent, 'voa' | 'voi' | 'cashFlow'> {
  const customerId = report.customerRef.id;
  switch (report.kind) {
    case 'VOA':
      return {
        voa: {
          currentBalance: decimal(body.assets?.currentBalance),
          availableBalance: decimal(body.assets?.availableBalance),
          twoMonthAverage: decimal(body.assets?.twoMonthAverage),
          sixMonthAverage: decimal(body.assets?.sixMonthAverage),
          beginningBalance: decimal(body.assets?.beginningBalance),
          consolidatedAvailableBalance: decimal(body.consolidatedAvailableBalance),
        },
        voi: null,
        cashFlow: null,
      };
    case 'VOI':
      return {
        voa: null,
        voi: {
          // AU: `customerAnalytics` is the customer-level section (seed 002, "Customer-level Analytics Structure").
          analytics: body.customerAnalytics ? toVoiAnalytics(region, body.customerAnalytics) : null,
          accounts: (body.institutions ?? []).flatMap((institution) =>
            institution.accounts.map((account) => ({
              accountId: account.id,
              accountRef: ref(region.provider, 'Account', account.id, customerId),
              name: account.name ?? null,
              providerType: account.type ?? null,
              analytics: account.analytics ? toVoiAnalytics(region, account.analytics) : null,
            })),
          ),
        },
        cashFlow: null,
      };
    case 'CASH_FLOW_BUSINESS':
    case 'CASH_FLOW_PERSONAL':
      return {
        voa: null,
        voi: null,
        cashFlow: {
          averageMonthlyNet: decimal(body.cashFlowCharacteristicsSummary?.averageMonthlyNet),
          twelveMonthTotalNet: decimal(body.cashFlowCharacteristicsSummary?.twelveMonthTotalNet),
          twelveMonthCreditTotal: decimal(body.cashFlowCreditSummary?.twelveMonthCreditTotal),
          twelveMonthDebitTotal: decimal(body.cashFlowDebitSummary?.twelveMonthDebitTotal),
          minDailyBalance: decimal(body.cashFlowBalanceSummary?.minDailyBalance),
          maxDailyBalance: decimal(body.cashFlowBalanceSummary?.maxDailyBalance),
          twelveMonthAverageDailyBalance: decimal(body.cashFlowBalanceSummary?.twelveMonthAverageDailyBalance),
          numberOfDaysNegativeBalance: body.cashFlowBalanceSummary?.numberOfDaysNegativeBalance ?? null,
        },
      };
    case 'OTHER':
      return { voa: null, voi: null, cashFlow: null };
  }
}

/**
 * A finished report's JSON → ReportContent. A failed report has no body to read: its sections are
 * null and only the raw JSON (the acknowledgement) is there.
 */
export function toReportContent(region: LendingRegion, report: Report, json: unknown): ReportContent {
  const raw = withoutSsn(json) as Record<string, unknown>;
  // Read tolerantly: an odd account, stream or period is left out (or its optional member nulled) with a warning.
  const body = readRecord(reportBodySchema, json, { provider: region.provider, operation: OPERATION });
  if (body === undefined) {
    throw new GatewayError('PROVIDER_UNAVAILABLE', `${region.provider}: the report answered an unexpected body`, {
      provider: region.provider,
    });
  }
  const finished = report.status === 'SUCCESS';
  return {
    report,
    raw,
    currency: region.currency,
    period: { startsAt: dateFromEpochSeconds(body.startDate), endsAt: dateFromEpochSeconds(body.endDate), days: body.days ?? null },
    seasoned: body.seasoned ?? null,
    ...(finished ? sections(region, report, body) : { voa: null, voi: null, cashFlow: null }),
  };
}
