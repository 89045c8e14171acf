import { classifyIncome, type IncomeKind } from './income-attributes.js';
import type { AnalysisTransaction } from './report-transactions.js';
import { describe, mean, median, mode, roundToCents, sampleStandardDeviation } from './statistics.js';

/**
 * Pay frequencies, named as the provider's own `payFrequency` values (US spec, VOIE income:
 * Daily, Weekly, Bi-Weekly, Semi-Monthly, Monthly, Quarterly, Semi-Annual, Annual), plus IRREGULAR.
 */
export type PayFrequency =
  | 'DAILY'
  | 'WEEKLY'
  | 'BI_WEEKLY'
  | 'SEMI_MONTHLY'
  | 'MONTHLY'
  | 'QUARTERLY'
  | 'SEMI_ANNUAL'
  | 'ANNUAL'
  | 'IRREGULAR';

/** Days between deposits a frequency implies; used to score how regular a stream is. */
const NOMINAL_DAYS: Record<Exclude<PayFrequency, 'IRREGULAR'>, number> = {
  DAILY: 1,
  WEEKLY: 7,
  BI_WEEKLY: 14,
  SEMI_MONTHLY: 365.25 / 24,
  MONTHLY: 365.25 / 12,
  QUARTERLY: 365.25 / 4,
  SEMI_ANNUAL: 365.25 / 2,
  ANNUAL: 365.25,
};

/**
 * One income stream: "groups of transactions that represent a repeated flow of funds for some
 * consistent purpose between two parties" (seed 002, "Streams"). Field names follow the AU stream
 * JSON; `frequency`, `kind` and the day numbers are the sandbox's own working data.
 */
export interface IncomeStream {
  /** Grouping key: normalized payor + income kind + receiving account. */
  key: string;
  payor: string;
  kind: IncomeKind;
  frequency: PayFrequency;
  transactions: AnalysisTransaction[];
  count: number;
  sum: number;
  min: number;
  max: number;
  mean: number;
  median: number;
  standardDeviation: number | null;
  /** Days between consecutive deposits. */
  intervals: number[];
  /** "The average number of days elapsed between consecutive transactions", rounded to whole days. */
  cadence: number;
  meanCadence: number;
  minimumCadence: number;
  maximumCadence: number;
  medianCadence: number;
  modeCadence: number;
  /** Sample standard deviation of the intervals; null with a single interval. */
  standardDeviationCadence: number | null;
  earliestDay: number;
  latestDay: number;
  /** Days from the latest deposit to the report end date. */
  recency: number;
  status: 'active' | 'inactive';
  /** 0-100, one decimal. */
  confidence: number;
}

export interface DetectOptions {
  /** Report end date (UTC day number): recency and status are measured against it. */
  endDay: number;
  /** Fewest deposits that make a stream; default 2 (one interval). */
  minimumCount?: number;
}

/** Lower-case payor name with reference numbers and punctuation removed, so "ACME PAYROLL 0412" groups with "ACME PAYROLL 0426". */
export function normalizePayor(transaction: AnalysisTransaction): string {
  const source = transaction.payee ?? transaction.description;
  const normalized = source
    .toLowerCase()
    .replace(/[^a-z&' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // The provider's own label for a payor it cannot name (seed 002, stream examples).
  return normalized === '' ? 'unrecognized entity' : normalized;
}

/** Finds income streams among `transactions` (credits that are not income are ignored). */
export function detectIncomeStreams(transactions: readonly AnalysisTransaction[], options: DetectOptions): IncomeStream[] {
  const minimumCount = Math.max(2, options.minimumCount ?? 2);
  const groups = new Map<string, { payor: string; kind: IncomeKind; transactions: AnalysisTransaction[] }>();
  for (const transaction of transactions) {
    const kind = classifyIncome(transaction);
    if (kind === undefined) continue;
    const payor = normalizePayor(transaction);
    // A stream flows between two parties "or accounts": the same payor into two accounts is two streams.
    const key = `${payor}|${kind}|${transaction.accountId}`;
    const group = groups.get(key) ?? { payor: transaction.payee ?? payor, kind, transactions: [] };
    group.transactions.push(transaction);
    groups.set(key, group);
  }
  const streams: IncomeStream[] = [];
  for (const [key, group] of groups) {
    if (group.transactions.length < minimumCount) continue;
    streams.push(buildStream(key, group.payor, group.kind, group.transactions, options.endDay));
  }
  return streams.sort((a, b) => a.earliestDay - b.earliestDay || (a.key < b.key ? -1 : 1));
}

function buildStream(
  key: string,
  payor: string,
  kind: IncomeKind,
  unsorted: readonly AnalysisTransaction[],
  endDay: number,
): IncomeStream {
  const transactions = [...unsorted].sort((a, b) => a.day - b.day || a.postedDate - b.postedDate);
  const amounts = transactions.map((transaction) => transaction.amount);
  const days = transactions.map((transaction) => transaction.day);
  const intervals = days.slice(1).map((day, index) => day - (days[index] as number));
  const stats = describe(amounts);
  const meanCadence = mean(intervals) as number;
  const maximumCadence = Math.max(...intervals);
  const latestDay = days[days.length - 1] as number;
  const recency = Math.max(0, endDay - latestDay);
  const frequency = classifyFrequency(intervals, days);
  const standardDeviationCadence = sampleStandardDeviation(intervals);
  return {
    key,
    payor,
    kind,
    frequency,
    transactions,
    count: stats.count,
    sum: stats.sum as number,
    min: stats.min as number,
    max: stats.max as number,
    mean: stats.mean as number,
    median: stats.median as number,
    standardDeviation: stats.standardDeviation,
    intervals,
    cadence: Math.round(meanCadence),
    meanCadence,
    minimumCadence: Math.min(...intervals),
    maximumCadence,
    medianCadence: median(intervals) as number,
    modeCadence: mode(intervals) as number,
    standardDeviationCadence,
    earliestDay: days[0] as number,
    latestDay,
    recency,
    // "Active or inactive, depending on if the duration since the last transaction in the stream
    // exceeds the historically observed cadence" (seed 002): we compare with the longest gap seen.
    status: recency > maximumCadence ? 'inactive' : 'active',
    confidence: confidenceOf(frequency, intervals, amounts),
  };
}

/**
 * Frequency from the median gap. Bi-weekly and twice-monthly both sit near 14-15 days: bi-weekly
 * gaps are (almost) always exactly 14, while twice-monthly pay (1st & 15th, or 15th & month end)
 * drifts between 13 and 17 days and falls on stable days of the month.
 */
export function classifyFrequency(intervals: readonly number[], days: readonly number[] = []): PayFrequency {
  const middle = median(intervals);
  if (middle === null) return 'IRREGULAR';
  if (middle <= 1) return 'DAILY';
  if (middle >= 6 && middle <= 8) return 'WEEKLY';
  if (middle >= 12 && middle <= 18) {
    const exactFortnights = intervals.filter((gap) => gap === 14).length;
    if (exactFortnights >= intervals.length * 0.8) return 'BI_WEEKLY';
    return isTwiceMonthlyPattern(days) || intervals.every((gap) => gap >= 12 && gap <= 18) ? 'SEMI_MONTHLY' : 'IRREGULAR';
  }
  if (middle >= 27 && middle <= 33) return 'MONTHLY';
  if (middle >= 85 && middle <= 97) return 'QUARTERLY';
  if (middle >= 175 && middle <= 190) return 'SEMI_ANNUAL';
  if (middle >= 350 && middle <= 380) return 'ANNUAL';
  return 'IRREGULAR';
}

function isTwiceMonthlyPattern(days: readonly number[]): boolean {
  if (days.length < 3) return false;
  const dayOfMonth = days.map((day) => new Date(day * 86_400_000).getUTCDate());
  const early = dayOfMonth.filter((dom) => dom <= 15).length;
  const late = dayOfMonth.length - early;
  return early > 0 && late > 0 && Math.abs(early - late) <= 1;
}

/**
 * Confidence that the group really is one stream, 0-100 (the docs give the range, not the model):
 * half from regularity (1 - coefficient of variation of the gaps, halved when no frequency fits),
 * 30 % from the number of deposits (full at six), 20 % from amount stability.
 */
export function confidenceOf(frequency: PayFrequency, intervals: readonly number[], amounts: readonly number[]): number {
  const clamp = (value: number): number => Math.min(1, Math.max(0, value));
  const gapMean = mean(intervals) ?? 0;
  const gapDeviation = sampleStandardDeviation(intervals) ?? 0;
  let regularity = gapMean > 0 ? clamp(1 - gapDeviation / gapMean) : 0;
  if (frequency === 'IRREGULAR') regularity /= 2;
  else if (intervals.length === 1) {
    // One gap has no spread: judge it by its distance from the frequency's nominal length instead.
    const nominal = NOMINAL_DAYS[frequency];
    regularity = clamp(1 - Math.abs(gapMean - nominal) / nominal);
  }
  const countScore = clamp((amounts.length - 1) / 5);
  const amountMean = mean(amounts) ?? 0;
  const amountScore = amountMean > 0 ? clamp(1 - (sampleStandardDeviation(amounts) ?? 0) / amountMean) : 0;
  return Math.round(1000 * (0.5 * regularity + 0.3 * countScore + 0.2 * amountScore)) / 10;
}

/** Sum of a stream's deposits over the last `days` days up to `endDay`. */
export function streamTotalSince(stream: IncomeStream, endDay: number, days: number): number {
  return roundToCents(
    stream.transactions.filter((transaction) => transaction.day > endDay - days).reduce((total, t) => total + t.amount, 0),
  );
}
