import {
  addYearsClamped,
  dayFromIso,
  isoFromDay,
  isoWeekday,
  lastDayOfMonth,
  partsOfDay,
  dayOfParts,
  daysInMonth,
  type IsoDate,
} from './calendar-days.js';

/**
 * The time interval types of the VOI report, with exactly the names and rules of the AU docs
 * (seed 002, "Verification of Income (VOI) › Time Interval Types"). Calendar types cut the report
 * period at calendar boundaries, so both the earliest and the most recent period may be partial.
 * Rolling types count backwards from the report end date, so only the earliest period may be partial.
 */
export const TIME_INTERVAL_TYPES = [
  'DAILY',
  'WEEKLY_CALENDAR',
  'WEEKLY_ROLLING_7',
  'BI_WEEKLY_CALENDAR',
  'BI_WEEKLY_ROLLING_14',
  'SEMI_MONTHLY_CALENDAR',
  'MONTHLY_CALENDAR',
  'MONTHLY_ROLLING_30',
  'QUARTERLY_CALENDAR',
  'QUARTERLY_ROLLING_90',
  'ANNUALLY',
  'HISTORICALLY',
] as const;

export type TimeIntervalType = (typeof TIME_INTERVAL_TYPES)[number];

/** AU docs: "If the time interval type is not specified, the default is MONTHLY_CALENDAR." */
export const DEFAULT_TIME_INTERVAL_TYPE: TimeIntervalType = 'MONTHLY_CALENDAR';

/** AU docs: "A report currently supports up to two time interval types." */
export const MAX_TIME_INTERVAL_TYPES = 2;

export function isTimeIntervalType(value: unknown): value is TimeIntervalType {
  return typeof value === 'string' && (TIME_INTERVAL_TYPES as readonly string[]).includes(value);
}

/** Both ends inclusive, as the docs' `startDate` / `endDate` ("the final day (inclusive)"). */
export interface DayPeriod {
  startDay: number;
  endDay: number;
}

export interface Period {
  startDate: IsoDate;
  endDate: IsoDate;
}

/**
 * Splits the report period `[startDate, endDate]` (UTC calendar dates, both inclusive) into the
 * periods of `type`, earliest first.
 */
export function splitIntoPeriods(type: TimeIntervalType, startDate: IsoDate, endDate: IsoDate): Period[] {
  return splitDaysIntoPeriods(type, dayFromIso(startDate), dayFromIso(endDate)).map((period) => ({
    startDate: isoFromDay(period.startDay),
    endDate: isoFromDay(period.endDay),
  }));
}

export function splitDaysIntoPeriods(type: TimeIntervalType, startDay: number, endDay: number): DayPeriod[] {
  if (!Number.isInteger(startDay) || !Number.isInteger(endDay)) throw new RangeError('days must be integers');
  if (startDay > endDay) throw new RangeError('the report period starts after it ends');
  switch (type) {
    case 'DAILY':
      return forward(startDay, endDay, (day) => day);
    case 'WEEKLY_CALENDAR':
      // Monday to Sunday.
      return forward(startDay, endDay, (day) => day + (7 - isoWeekday(day)));
    case 'BI_WEEKLY_CALENDAR':
      return forward(startDay, endDay, biWeeklyCalendarEnd(startDay));
    case 'SEMI_MONTHLY_CALENDAR':
      // 1st-15th and 16th-end of month.
      return forward(startDay, endDay, (day) => {
        const { year, month, day: dom } = partsOfDay(day);
        return dom <= 15 ? dayOfParts(year, month, 15) : lastDayOfMonth(day);
      });
    case 'MONTHLY_CALENDAR':
      return forward(startDay, endDay, lastDayOfMonth);
    case 'QUARTERLY_CALENDAR':
      return forward(startDay, endDay, (day) => {
        const { year, month } = partsOfDay(day);
        const quarterEndMonth = Math.ceil(month / 3) * 3;
        return dayOfParts(year, quarterEndMonth, daysInMonth(year, quarterEndMonth));
      });
    case 'WEEKLY_ROLLING_7':
      return rollingFixed(startDay, endDay, 7);
    case 'BI_WEEKLY_ROLLING_14':
      return rollingFixed(startDay, endDay, 14);
    case 'MONTHLY_ROLLING_30':
      // "11 periods of 30 calendar dates followed by one period of 35 (or 36 for leap years) calendar
      // dates to make one full calendar year, starting backwards from the report end date."
      return backward(startDay, endDay, (yearLength) => [...Array<number>(11).fill(30), yearLength - 330]);
    case 'QUARTERLY_ROLLING_90':
      // "three periods of 90 calendar dates followed by one period of 95 (or 96 for leap years)".
      return backward(startDay, endDay, (yearLength) => [90, 90, 90, yearLength - 270]);
    case 'ANNUALLY':
      // "periods of 365 calendar dates (or 366 for leap years), starting backwards from the report end date".
      return backward(startDay, endDay, (yearLength) => [yearLength]);
    case 'HISTORICALLY':
      return [{ startDay, endDay }];
  }
}

/** Calendar periods: cut at each calendar boundary; the first and last period may be partial. */
function forward(startDay: number, endDay: number, calendarEndOf: (day: number) => number): DayPeriod[] {
  const periods: DayPeriod[] = [];
  for (let day = startDay; day <= endDay; ) {
    const end = Math.min(calendarEndOf(day), endDay);
    periods.push({ startDay: day, endDay: end });
    day = end + 1;
  }
  return periods;
}

/**
 * BI_WEEKLY_CALENDAR: the docs fix the weekday (Monday to the second Sunday) but not which Monday
 * starts the two-week grid. We anchor it on the first Monday on or after the report start, so the
 * partial first period (if any) runs up to the Sunday before it. (Assumption: docs are silent.)
 */
function biWeeklyCalendarEnd(startDay: number): (day: number) => number {
  const firstMonday = startDay + ((8 - isoWeekday(startDay)) % 7);
  return (day) => (day < firstMonday ? firstMonday - 1 : firstMonday + Math.floor((day - firstMonday) / 14) * 14 + 13);
}

/** Fixed-length rolling periods counted backwards from the end date; only the earliest may be partial. */
function rollingFixed(startDay: number, endDay: number, length: number): DayPeriod[] {
  const periods: DayPeriod[] = [];
  for (let periodEnd = endDay; periodEnd >= startDay; periodEnd -= length) {
    periods.push({ startDay: Math.max(periodEnd - length + 1, startDay), endDay: periodEnd });
  }
  return periods.reverse();
}

/**
 * Year-based rolling periods: laid out backwards from the report end date, one calendar year at a time. A
 * "year" ending on day E starts the day after the same date one year earlier, so it has 366 days
 * exactly when it contains a 29 February (our reading of "35 (or 36 for leap years)"). Within each
 * year, `lengthsOf(yearLength)` lists the period lengths from the most recent backwards. Only the
 * earliest period may be partial: it is cut at the report start.
 */
function backward(startDay: number, endDay: number, lengthsOf: (yearLength: number) => number[]): DayPeriod[] {
  const periods: DayPeriod[] = [];
  let yearEnd = endDay;
  while (yearEnd >= startDay) {
    const yearStart = addYearsClamped(yearEnd, -1) + 1;
    const lengths = lengthsOf(yearEnd - yearStart + 1);
    let periodEnd = yearEnd;
    for (const length of lengths) {
      if (periodEnd < startDay) break;
      const periodStart = Math.max(periodEnd - length + 1, startDay);
      periods.push({ startDay: periodStart, endDay: periodEnd });
      periodEnd = periodStart - 1;
    }
    yearEnd = yearStart - 1;
  }
  return periods.reverse();
}
