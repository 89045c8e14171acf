/**
 * UTC calendar-day arithmetic. The lending reports reason in whole calendar dates ("2024-12-01"),
 * so a day is represented by its number since 1970-01-01 (UTC): adding days never meets a DST edge
 * or a time of day.
 */

/** ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;

export function dayFromIso(date: IsoDate): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a calendar date: ${date}`);
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const day = ms / MS_PER_DAY;
  if (isoFromDay(day) !== date) throw new RangeError(`not a calendar date: ${date}`);
  return day;
}

export function isoFromDay(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dayFromEpochSeconds(seconds: number): number {
  return Math.floor(seconds / 86_400);
}

export function dayFromEpochMs(ms: number): number {
  return Math.floor(ms / MS_PER_DAY);
}

export function epochSecondsOfDay(day: number): number {
  return day * 86_400;
}

interface YearMonthDay {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

export function partsOfDay(day: number): YearMonthDay {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function dayOfParts(year: number, month: number, dayOfMonth: number): number {
  return Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 1 = Monday … 7 = Sunday (ISO 8601). 1970-01-01 was a Thursday. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Same day of month `months` later (or earlier), clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonthsClamped(day: number, months: number): number {
  const { year, month, day: dom } = partsOfDay(day);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return dayOfParts(targetYear, targetMonth, Math.min(dom, daysInMonth(targetYear, targetMonth)));
}

export function addYearsClamped(day: number, years: number): number {
  return addMonthsClamped(day, years * 12);
}

export function firstDayOfMonth(day: number): number {
  const { year, month } = partsOfDay(day);
  return dayOfParts(year, month, 1);
}

export function lastDayOfMonth(day: number): number {
  const { year, month } = partsOfDay(day);
  return dayOfParts(year, month, daysInMonth(year, month));
}
