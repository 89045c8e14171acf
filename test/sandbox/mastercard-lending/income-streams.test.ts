import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../../src/sandbox/mastercard/lending/calendar-days.js';
import { classifyIncome } from '../../../src/sandbox/mastercard/lending/income-attributes.js';
import { classifyFrequency, detectIncomeStreams } from '../../../src/sandbox/mastercard/lending/income-streams.js';
import { toAnalysisTransactions } from '../../../src/sandbox/mastercard/lending/report-transactions.js';
import { computeAnalytics } from '../../../src/sandbox/mastercard/lending/voi.js';
import { BIWEEKLY_PAYDAYS, credits, everyNDays, RENT_DAYS } from './lending-test-kit.js';

const TWICE_MONTHLY = ['01', '02', '03', '04', '05', '06'].flatMap((month) => [`2024-${month}-01`, `2024-${month}-15`]);

const series = toAnalysisTransactions([
  ...credits(100, 'A', BIWEEKLY_PAYDAYS, 2000, 'ACME CORP PAYROLL', 'Acme Corp'),
  ...credits(200, 'A', RENT_DAYS, 1500, 'RENT FROM TENANT UNIT 2'),
  ...credits(300, 'A', TWICE_MONTHLY, 1800, 'STATE UNIV SALARY'),
  ...credits(400, 'A', everyNDays('2024-01-05', '2024-03-01', 7), 400, 'OLD EMPLOYER PAYROLL'),
  ...credits(500, 'A', ['2024-03-10'], 500, 'TRANSFER FROM SAVINGS'),
  ...credits(510, 'A', ['2024-04-02'], 200, 'ATM CASH DEPOSIT'),
  { id: 600, accountId: 'A', amount: -2000, description: 'ACME CORP PAYROLL REVERSAL', postedDate: 1_709_000_000, transactionDate: 1_709_000_000, status: 'active' },
]);
const END = dayFromIso('2024-06-30');

describe('income streams from a synthetic payroll series', () => {
  const streams = detectIncomeStreams(series, { endDay: END });
  const byPayor = (payor: string) => streams.find((stream) => stream.payor === payor);

  it('finds one stream per payor and cadence, and no stream for one-off, transfer or debit', () => {
    expect(streams.map((stream) => stream.payor).sort()).toEqual(['Acme Corp', 'old employer payroll', 'rent from tenant unit', 'state univ salary']);
  });

  it('bi-weekly payroll: 13 deposits every 14 days, full confidence, active', () => {
    const payroll = byPayor('Acme Corp');
    expect(payroll).toMatchObject({
      kind: 'PAYCHECK_INCOME',
      frequency: 'BI_WEEKLY',
      count: 13,
      sum: 26000,
      mean: 2000,
      median: 2000,
      min: 2000,
      max: 2000,
      standardDeviation: 0,
      cadence: 14,
      minimumCadence: 14,
      maximumCadence: 14,
      medianCadence: 14,
      modeCadence: 14,
      standardDeviationCadence: 0,
      earliestDay: dayFromIso('2024-01-05'),
      latestDay: dayFromIso('2024-06-21'),
      recency: 9,
      status: 'active',
      confidence: 100,
    });
  });

  it('monthly rent on the 1st: gaps 31, 29 (leap February), 31, 30, 31', () => {
    const rent = byPayor('rent from tenant unit');
    expect(rent?.kind).toBe('RESIDENTIAL_RENTAL_INCOME');
    expect(rent?.frequency).toBe('MONTHLY');
    expect(rent?.intervals).toEqual([31, 29, 31, 30, 31]);
    expect(rent?.meanCadence).toBeCloseTo(30.4, 10);
    expect(rent?.cadence).toBe(30);
    expect(rent?.medianCadence).toBe(31);
    expect(rent?.modeCadence).toBe(31);
    // deviations 0.6, -1.4, 0.6, -0.4, 0.6 → squares sum 3.2 → sqrt(3.2 / 4)
    expect(rent?.standardDeviationCadence).toBeCloseTo(Math.sqrt(0.8), 10);
    expect(rent?.recency).toBe(29);
    expect(rent?.status).toBe('active');
    expect(rent?.confidence).toBeGreaterThan(90);
    expect(rent?.confidence).toBeLessThan(100);
  });

  it('twice-monthly salary (1st and 15th) is SEMI_MONTHLY, not BI_WEEKLY', () => {
    const salary = byPayor('state univ salary');
    expect(salary?.intervals).toEqual([14, 17, 14, 15, 14, 17, 14, 16, 14, 17, 14]);
    expect(salary?.frequency).toBe('SEMI_MONTHLY');
    expect(salary?.kind).toBe('PAYCHECK_INCOME');
    expect(salary?.status).toBe('active');
  });

  it('a stream whose last deposit is older than its longest gap is inactive', () => {
    const old = byPayor('old employer payroll');
    expect(old?.frequency).toBe('WEEKLY');
    expect(old?.maximumCadence).toBe(7);
    expect(old?.recency).toBe(END - dayFromIso('2024-03-01'));
    expect(old?.status).toBe('inactive');
  });

  it('frequency classification from the gaps', () => {
    expect(classifyFrequency([7, 7, 7])).toBe('WEEKLY');
    expect(classifyFrequency([14, 14, 14, 14])).toBe('BI_WEEKLY');
    expect(classifyFrequency([31, 30, 31])).toBe('MONTHLY');
    expect(classifyFrequency([91, 92, 90])).toBe('QUARTERLY');
    expect(classifyFrequency([3, 45, 11])).toBe('IRREGULAR');
  });

  it('classifies income kinds and leaves transfers and reversals out', () => {
    const kind = (description: string, amount = 100) =>
      classifyIncome({ id: '1', accountId: 'A', amount, postedDate: 0, day: 0, description });
    expect(kind('ACME PAYROLL')).toBe('PAYCHECK_INCOME');
    expect(kind('ACME PAYROLL BONUS')).toBe('BONUS_INCOME');
    expect(kind('CENTRELINK JOBSEEKER')).toBe('UNEMPLOYMENT_BENEFIT_INCOME');
    expect(kind('SSA TREAS 310')).toBe('SOCIAL_SECURITY_BENEFIT_INCOME');
    expect(kind('VANGUARD DIVIDEND')).toBe('DIVIDEND_INCOME');
    expect(kind('TRANSFER FROM SAVINGS')).toBeUndefined();
    expect(kind('ACME PAYROLL', -100)).toBeUndefined();
    expect(kind('MYSTERY CREDIT')).toBe('OTHER_INCOME');
  });
});

describe('VOI analytics per period', () => {
  const analytics = computeAnalytics(
    series,
    { startDay: dayFromIso('2024-01-01'), endDay: END },
    { intervalTypes: ['MONTHLY_CALENDAR', 'MONTHLY_ROLLING_30'], reportId: 'r1', payee: 'Ada Lovelace' },
  );
  const attribute = (name: string) =>
    analytics.analytics.transactionalAttributes.find((entry) => entry.attributeName === name) as {
      aggregatedByTimePeriods: Array<{ timeIntervalType: string; periods: Array<Record<string, unknown>> }>;
      streamIds: string[];
      transactionIds: string[];
      streamConfidences: Array<{ streamId: string; confidence: string }>;
    };

  it('PAYCHECK_INCOME by calendar month: hand-counted paydays', () => {
    const monthly = attribute('PAYCHECK_INCOME').aggregatedByTimePeriods[0];
    expect(monthly?.timeIntervalType).toBe('MONTHLY_CALENDAR');
    // January: Acme 5th, 19th; Old employer 5, 12, 19, 26; University 1st, 15th.
    expect(monthly?.periods[0]).toMatchObject({ startDate: '2024-01-01', endDate: '2024-01-31', count: 8, sum: 9200, min: 400, max: 2000, median: 1100 });
    // March: Acme 1, 15, 29; Old employer 1; University 1, 15.
    expect(monthly?.periods[2]).toMatchObject({ startDate: '2024-03-01', endDate: '2024-03-31', count: 6, sum: 10000, min: 400, max: 2000, median: 1900 });
    // June: Acme 7th and 21st; University 1st and 15th.
    expect(monthly?.periods[5]).toMatchObject({ startDate: '2024-06-01', endDate: '2024-06-30', count: 4, sum: 7600 });
    expect(monthly?.periods).toHaveLength(6);
  });

  it('MONTHLY_ROLLING_30 periods count back from 2024-06-30 and cut the earliest at the report start', () => {
    const rolling = attribute('NET_INCOME').aggregatedByTimePeriods[1];
    expect(rolling?.timeIntervalType).toBe('MONTHLY_ROLLING_30');
    expect(rolling?.periods.map((period) => [period.startDate, period.endDate])).toEqual([
      ['2024-01-01', '2024-01-02'],
      ['2024-01-03', '2024-02-01'],
      ['2024-02-02', '2024-03-02'],
      ['2024-03-03', '2024-04-01'],
      ['2024-04-02', '2024-05-01'],
      ['2024-05-02', '2024-05-31'],
      ['2024-06-01', '2024-06-30'],
    ]);
  });

  it('umbrellas: NET = PAYCHECK + NON_PAYCHECK; streams and confidences listed per attribute', () => {
    const net = attribute('NET_INCOME');
    const paycheck = attribute('PAYCHECK_INCOME');
    const nonPaycheck = attribute('NON_PAYCHECK_INCOME');
    expect(net.transactionIds.length).toBe(paycheck.transactionIds.length + nonPaycheck.transactionIds.length);
    expect(nonPaycheck.transactionIds).toContain('510');
    expect(net.transactionIds).not.toContain('500');
    expect(paycheck.streamIds).toHaveLength(3);
    expect(paycheck.streamConfidences.find((entry) => entry.confidence === '100.0')).toBeDefined();
    expect(analytics.loose.map((transaction) => transaction.id)).toEqual(['510']);
  });
});
