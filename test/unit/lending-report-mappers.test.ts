import { runInRequestScope, type RequestScope } from '../../src/observability/request-scope.js';
import { describe, expect, it } from 'vitest';
import { ref } from '../../src/domain/global-id.js';
import { toReportContent } from '../../src/providers/mastercard/lending/report-content.mapper.js';
import { reportKindOf, toReport, withoutSsn } from '../../src/providers/mastercard/lending/reports.mapper.js';
import { AU_LENDING, US_LENDING } from '../../src/providers/mastercard/lending/region.js';
import { reportAckSchema } from '../../src/providers/mastercard/lending/wire.js';

/** The US spec's GenerateVOIReport acknowledgement (key-endpoint-examples.json), trimmed. */
const ACK = {
  id: 'u4hstnnaewetr-voi',
  customerType: 'active',
  customerId: 1000006677,
  requestId: 'sfb7xp4wer',
  createdDate: 1588350269,
  title: 'Mastercard Open Banking Verification of Income',
  consumerId: 'ac39e237c7619a4ecf014b8d399c0696',
  consumerSsn: '6789',
  consumerDetails: { id: '3f7ff2cf0ffb3d0cd59875e070c9b1d4', firstName: 'John', ssn: '1234' },
  type: 'voi',
  status: 'inProgress',
};

/** Shapes of seed 002 "Transactional Attributes" and "Streams" examples. */
const ANALYTICS = {
  transactionalAttributes: [
    {
      attributeName: 'PAYCHECK_INCOME',
      aggregatedByTimePeriods: [
        {
          timeIntervalType: 'MONTHLY_CALENDAR',
          periods: [
            { startDate: '2024-02-01', endDate: '2024-02-29', count: 2, sum: 4000.5, mean: 2000.25, median: 2000.25, min: 2000, max: 2000.5, standardDeviation: 0.3535533905932738, comparedToCohorts: [] },
            { startDate: '2024-03-01', endDate: '2024-03-15', count: 0, sum: null, mean: null, median: null, min: null, max: null, standardDeviation: null, comparedToCohorts: [] },
          ],
          cohortBenchmarkPeriods: [],
        },
      ],
      streamIds: ['s-1'],
      transactionIds: ['100', 101],
      projectedValues: [],
      streamConfidences: [{ streamId: 's-1', confidence: '87.5' }],
    },
    { attributeName: 'NET_INCOME', aggregatedByTimePeriods: [], streamIds: ['s-1'], transactionIds: [], streamConfidences: [{ streamId: 's-1', confidence: 91 }] },
  ],
  stateAttributes: [],
  streams: [
    {
      id: 's-1',
      payor: 'Acme Corp',
      payee: 'Ada Lovelace',
      status: 'active',
      cadence: 14,
      recency: 3,
      earliestObservedDate: '2024-01-05T00:00:00',
      latestObservedDate: '2024-06-21T00:00:00',
      count: 13,
      sum: 26000,
      min: 2000,
      max: 2000,
      mean: 2000,
      median: 2000,
      standardDeviation: 0,
      minimumCadence: 14,
      maximumCadence: 14,
      medianCadence: 14,
      modeCadence: 14,
      standardDeviationCadence: 0,
      transactionIds: [100, 101],
    },
  ],
};

describe('report mappers', () => {
  it('maps kinds, keeping unknown provider kinds as OTHER', () => {
    expect(['voa', 'voi', 'cfrb', 'cfrp', 'voaHistory'].map(reportKindOf)).toEqual(['VOA', 'VOI', 'CASH_FLOW_BUSINESS', 'CASH_FLOW_PERSONAL', 'OTHER']);
  });

  it('maps statuses exhaustively and an unknown one to OTHER with a warning (tolerant reading, issue 9)', () => {
    const context = { provider: 'MASTERCARD_US' as const, operation: 'reports.get' };
    const head = (status: string) => toReport(US_LENDING, reportAckSchema.parse({ ...ACK, status }), '1000006677', context);
    expect(['inProgress', 'success', 'failure'].map((status) => head(status).status)).toEqual(['IN_PROGRESS', 'SUCCESS', 'FAILURE']);
    const scope: RequestScope = { requestId: 't', warnings: [] };
    expect(runInRequestScope(scope, () => head('paused')).status).toBe('OTHER');
    expect(scope.warnings).toEqual([expect.objectContaining({ field: 'status', kind: 'unknown_enum', count: 1 })]);
  });

  it('reads an acknowledgement with its consumer, and strips every SSN field from raw JSON', () => {
    const report = toReport(US_LENDING, reportAckSchema.parse(ACK), '1000006677');
    expect(report).toMatchObject({ providerId: 'u4hstnnaewetr-voi', kind: 'VOI', status: 'IN_PROGRESS', requestId: 'sfb7xp4wer' });
    expect(report.consumerRef).toEqual(ref('MASTERCARD_US', 'Consumer', 'ac39e237c7619a4ecf014b8d399c0696', '1000006677'));
    expect(report.createdAt?.toISOString()).toBe('2020-05-01T16:24:29.000Z');
    expect(JSON.stringify(withoutSsn(ACK))).not.toMatch(/ssn|6789|1234"/i);
  });

  it('reads VOI analytics: periods per interval type as decimals, streams with cadence and confidence', () => {
    const report = { ...toReport(AU_LENDING, reportAckSchema.parse({ ...ACK, status: 'success' }), '1000006677') };
    const content = toReportContent(AU_LENDING, report, {
      ...ACK,
      status: 'success',
      startDate: 1704067200,
      endDate: 1719791999,
      days: 182,
      seasoned: true,
      customerAnalytics: ANALYTICS,
      institutions: [{ id: 200003, accounts: [{ id: 5011648377, name: 'Everyday', type: 'transactionAndSavings', analytics: ANALYTICS }] }],
    });
    expect(content.currency).toBe('AUD');
    expect(content.period).toEqual({ startsAt: new Date('2024-01-01T00:00:00Z'), endsAt: new Date('2024-06-30T23:59:59Z'), days: 182 });
    const [paycheck] = content.voi!.analytics!.transactionalAttributes;
    expect(paycheck!.aggregations[0]).toEqual({
      timeIntervalType: 'MONTHLY_CALENDAR',
      periods: [
        { startDate: '2024-02-01', endDate: '2024-02-29', count: 2, sum: '4000.5', mean: '2000.25', median: '2000.25', min: '2000', max: '2000.5', standardDeviation: '0.3535533905932738' },
        { startDate: '2024-03-01', endDate: '2024-03-15', count: 0, sum: null, mean: null, median: null, min: null, max: null, standardDeviation: null },
      ],
    });
    expect(paycheck!.transactionIds).toEqual(['100', '101']);
    expect(content.voi!.analytics!.streams[0]).toMatchObject({
      status: 'ACTIVE',
      cadenceDays: 14,
      earliestObservedAt: new Date('2024-01-05T00:00:00Z'),
      sum: '26000',
      confidence: 91, // the highest of 87.5 (PAYCHECK_INCOME) and 91 (NET_INCOME)
      transactionIds: ['100', '101'],
    });
    expect(content.voi!.accounts[0]).toMatchObject({ accountId: '5011648377', providerType: 'transactionAndSavings' });
    expect(content.voi!.accounts[0]!.accountRef).toEqual(ref('MASTERCARD_AU', 'Account', '5011648377', '1000006677'));
    expect(JSON.stringify(content.raw)).not.toMatch(/ssn/i);
  });

  it('leaves out an aggregation of an unknown time interval type with a warning, keeping the rest', () => {
    const report = toReport(US_LENDING, reportAckSchema.parse({ ...ACK, status: 'success' }), '1000006677');
    const odd = {
      transactionalAttributes: [
        {
          attributeName: 'X',
          aggregatedByTimePeriods: [
            { timeIntervalType: 'FORTNIGHTLY', periods: [] },
            { timeIntervalType: 'MONTHLY_CALENDAR', periods: [{ startDate: '2024-01-01', endDate: '2024-01-31', count: 2, sum: 10 }] },
          ],
        },
      ],
    };
    const scope: RequestScope = { requestId: 't', warnings: [] };
    const content = runInRequestScope(scope, () => toReportContent(US_LENDING, report, { ...ACK, status: 'success', customerAnalytics: odd }));
    const aggregations = content.voi?.analytics?.transactionalAttributes[0]?.aggregations;
    expect(aggregations?.map((aggregation) => aggregation.timeIntervalType)).toEqual(['MONTHLY_CALENDAR']);
    expect(scope.warnings).toEqual([expect.objectContaining({ kind: 'unknown_enum', count: 1 })]);
  });

  it('gives a failed report its raw JSON only', () => {
    const report = toReport(US_LENDING, reportAckSchema.parse({ ...ACK, status: 'failure' }), '1000006677');
    const content = toReportContent(US_LENDING, report, { ...ACK, status: 'failure', customerAnalytics: ANALYTICS });
    expect(content).toMatchObject({ voa: null, voi: null, cashFlow: null, raw: { status: 'failure' } });
  });
});
