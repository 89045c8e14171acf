import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../../src/sandbox/mastercard/lending/calendar-days.js';
import { splitIntoPeriods, TIME_INTERVAL_TYPES, type Period } from '../../../src/sandbox/mastercard/lending/time-intervals.js';

const p = (startDate: string, endDate: string): Period => ({ startDate, endDate });
const length = (period: Period): number => dayFromIso(period.endDate) - dayFromIso(period.startDate) + 1;

describe('time interval types (hand-worked, seed 002 "Time Interval Types")', () => {
  it('MONTHLY_CALENDAR: partial first and last months, 29 days in February 2024', () => {
    expect(splitIntoPeriods('MONTHLY_CALENDAR', '2024-01-15', '2024-04-10')).toEqual([
      p('2024-01-15', '2024-01-31'),
      p('2024-02-01', '2024-02-29'),
      p('2024-03-01', '2024-03-31'),
      p('2024-04-01', '2024-04-10'),
    ]);
    expect(splitIntoPeriods('MONTHLY_CALENDAR', '2023-02-01', '2023-02-28')).toEqual([p('2023-02-01', '2023-02-28')]);
  });

  it('WEEKLY_CALENDAR: Monday to Sunday, partial at both ends, across 29 Feb 2024', () => {
    // 2024-02-28 is a Wednesday; 2024-03-12 a Tuesday.
    expect(splitIntoPeriods('WEEKLY_CALENDAR', '2024-02-28', '2024-03-12')).toEqual([
      p('2024-02-28', '2024-03-03'),
      p('2024-03-04', '2024-03-10'),
      p('2024-03-11', '2024-03-12'),
    ]);
  });

  it('WEEKLY_ROLLING_7: backwards from the end date, only the earliest period partial', () => {
    expect(splitIntoPeriods('WEEKLY_ROLLING_7', '2024-02-26', '2024-03-12')).toEqual([
      p('2024-02-26', '2024-02-27'),
      p('2024-02-28', '2024-03-05'),
      p('2024-03-06', '2024-03-12'),
    ]);
  });

  it('BI_WEEKLY_CALENDAR: Monday to the second Sunday', () => {
    expect(splitIntoPeriods('BI_WEEKLY_CALENDAR', '2024-02-28', '2024-03-31')).toEqual([
      p('2024-02-28', '2024-03-03'),
      p('2024-03-04', '2024-03-17'),
      p('2024-03-18', '2024-03-31'),
    ]);
  });

  it('BI_WEEKLY_ROLLING_14', () => {
    expect(splitIntoPeriods('BI_WEEKLY_ROLLING_14', '2024-02-01', '2024-03-01')).toEqual([
      p('2024-02-01', '2024-02-02'),
      p('2024-02-03', '2024-02-16'),
      p('2024-02-17', '2024-03-01'),
    ]);
  });

  it('SEMI_MONTHLY_CALENDAR: 1st-15th and 16th-month end', () => {
    expect(splitIntoPeriods('SEMI_MONTHLY_CALENDAR', '2024-02-10', '2024-03-20')).toEqual([
      p('2024-02-10', '2024-02-15'),
      p('2024-02-16', '2024-02-29'),
      p('2024-03-01', '2024-03-15'),
      p('2024-03-16', '2024-03-20'),
    ]);
  });

  it('MONTHLY_ROLLING_30 over leap year 2024: eleven 30-day periods and a 36-day earliest one', () => {
    expect(splitIntoPeriods('MONTHLY_ROLLING_30', '2024-01-01', '2024-12-31')).toEqual([
      p('2024-01-01', '2024-02-05'),
      p('2024-02-06', '2024-03-06'),
      p('2024-03-07', '2024-04-05'),
      p('2024-04-06', '2024-05-05'),
      p('2024-05-06', '2024-06-04'),
      p('2024-06-05', '2024-07-04'),
      p('2024-07-05', '2024-08-03'),
      p('2024-08-04', '2024-09-02'),
      p('2024-09-03', '2024-10-02'),
      p('2024-10-03', '2024-11-01'),
      p('2024-11-02', '2024-12-01'),
      p('2024-12-02', '2024-12-31'),
    ]);
  });

  it('MONTHLY_ROLLING_30 over 2023: the earliest period is 35 days', () => {
    const periods = splitIntoPeriods('MONTHLY_ROLLING_30', '2023-01-01', '2023-12-31');
    expect(periods).toHaveLength(12);
    expect(periods[0]).toEqual(p('2023-01-01', '2023-02-04'));
    expect(periods[1]).toEqual(p('2023-02-05', '2023-03-06'));
    expect(periods.map(length)).toEqual([35, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30]);
  });

  it('MONTHLY_ROLLING_30: a year ending 2024-03-01 contains 29 Feb (36), one ending 2025-03-01 does not (35)', () => {
    const leap = splitIntoPeriods('MONTHLY_ROLLING_30', '2023-03-02', '2024-03-01');
    expect(leap[0]).toEqual(p('2023-03-02', '2023-04-06'));
    expect(length(leap[0] as Period)).toBe(36);
    expect(leap[11]).toEqual(p('2024-02-01', '2024-03-01'));
    const common = splitIntoPeriods('MONTHLY_ROLLING_30', '2024-03-02', '2025-03-01');
    expect(common[0]).toEqual(p('2024-03-02', '2024-04-05'));
    expect(length(common[0] as Period)).toBe(35);
  });

  it('MONTHLY_ROLLING_30: a short report cuts only the earliest period', () => {
    expect(splitIntoPeriods('MONTHLY_ROLLING_30', '2024-10-15', '2024-12-31')).toEqual([
      p('2024-10-15', '2024-11-01'),
      p('2024-11-02', '2024-12-01'),
      p('2024-12-02', '2024-12-31'),
    ]);
  });

  it('MONTHLY_ROLLING_30 beyond one year repeats the yearly pattern', () => {
    const periods = splitIntoPeriods('MONTHLY_ROLLING_30', '2023-06-01', '2024-12-31');
    // 2024's twelve periods, then 2023's counted back from 2023-12-31 and cut at 2023-06-01.
    expect(periods.slice(-12)[0]).toEqual(p('2024-01-01', '2024-02-05'));
    expect(periods.slice(0, -12).at(-1)).toEqual(p('2023-12-02', '2023-12-31'));
    // 2023 has no 29 February: its periods run …, 05-06..06-04, 06-05..07-04, … (see the 2023 case).
    expect(periods[0]).toEqual(p('2023-06-01', '2023-06-04'));
    expect(periods[1]).toEqual(p('2023-06-05', '2023-07-04'));
  });

  it('QUARTERLY_ROLLING_90 over 2024: three 90-day periods and a 96-day earliest one', () => {
    expect(splitIntoPeriods('QUARTERLY_ROLLING_90', '2024-01-01', '2024-12-31')).toEqual([
      p('2024-01-01', '2024-04-05'),
      p('2024-04-06', '2024-07-04'),
      p('2024-07-05', '2024-10-02'),
      p('2024-10-03', '2024-12-31'),
    ]);
  });

  it('QUARTERLY_CALENDAR: calendar quarters, partial at both ends', () => {
    expect(splitIntoPeriods('QUARTERLY_CALENDAR', '2024-02-10', '2024-08-05')).toEqual([
      p('2024-02-10', '2024-03-31'),
      p('2024-04-01', '2024-06-30'),
      p('2024-07-01', '2024-08-05'),
    ]);
  });

  it('ANNUALLY: 365 or 366 days back from the end date (the docs example 2024-03-05..2025-03-04)', () => {
    expect(splitIntoPeriods('ANNUALLY', '2023-01-01', '2025-03-04')).toEqual([
      p('2023-01-01', '2023-03-04'),
      p('2023-03-05', '2024-03-04'),
      p('2024-03-05', '2025-03-04'),
    ]);
    expect(length(p('2023-03-05', '2024-03-04'))).toBe(366);
  });

  it('DAILY and HISTORICALLY', () => {
    expect(splitIntoPeriods('DAILY', '2024-02-28', '2024-03-01')).toEqual([
      p('2024-02-28', '2024-02-28'),
      p('2024-02-29', '2024-02-29'),
      p('2024-03-01', '2024-03-01'),
    ]);
    expect(splitIntoPeriods('HISTORICALLY', '2024-02-28', '2024-03-01')).toEqual([p('2024-02-28', '2024-03-01')]);
  });

  it('every type tiles the report period exactly, within the documented length bounds', () => {
    const longest: Record<string, number> = {
      DAILY: 1, WEEKLY_CALENDAR: 7, WEEKLY_ROLLING_7: 7, BI_WEEKLY_CALENDAR: 14, BI_WEEKLY_ROLLING_14: 14,
      SEMI_MONTHLY_CALENDAR: 16, MONTHLY_CALENDAR: 31, MONTHLY_ROLLING_30: 36, QUARTERLY_CALENDAR: 92,
      QUARTERLY_ROLLING_90: 96, ANNUALLY: 366, HISTORICALLY: 10_000,
    };
    for (const [start, end] of [['2023-05-17', '2024-12-31'], ['2024-02-29', '2024-03-01'], ['2020-01-01', '2024-02-29']] as const) {
      for (const type of TIME_INTERVAL_TYPES) {
        const periods = splitIntoPeriods(type, start, end);
        expect(periods[0]?.startDate).toBe(start);
        expect(periods.at(-1)?.endDate).toBe(end);
        for (let i = 1; i < periods.length; i += 1) {
          expect(dayFromIso((periods[i] as Period).startDate)).toBe(dayFromIso((periods[i - 1] as Period).endDate) + 1);
        }
        for (const period of periods) expect(length(period)).toBeLessThanOrEqual(longest[type] as number);
      }
    }
  });

  it('rejects a period that ends before it starts and impossible dates', () => {
    expect(() => splitIntoPeriods('DAILY', '2024-03-02', '2024-03-01')).toThrow(RangeError);
    expect(() => splitIntoPeriods('DAILY', '2023-02-29', '2023-03-01')).toThrow(RangeError);
  });
});
