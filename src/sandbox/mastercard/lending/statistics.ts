/**
 * Descriptive statistics of the VOI analytics (seed 002, "Transactional Attributes › JSON Field
 * Descriptions": count, sum, mean, median, min, max, standardDeviation per period).
 *
 * Standard deviation is the SAMPLE standard deviation (divisor n - 1). The docs do not say which,
 * but the provider's own report example (US spec, GetReportByCustomer) shows
 * `"count": 1, … "standardDeviation": null`, which only the sample form explains; a period without
 * transactions has `count: 0` and every other statistic `null`.
 */
export interface PeriodStatistics {
  count: number;
  sum: number | null;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  standardDeviation: number | null;
}

/** Money sums are rounded to cents so float noise (0.1 + 0.2) never reaches a report. */
export function roundToCents(value: number): number {
  return Math.round((value + Number.EPSILON * Math.sign(value)) * 100) / 100;
}

export function sum(values: readonly number[]): number {
  // Kahan summation keeps long runs of cents exact before the final rounding.
  let total = 0;
  let compensation = 0;
  for (const value of values) {
    const y = value - compensation;
    const t = total + y;
    compensation = t - total - y;
    total = t;
  }
  return total;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : sum(values) / values.length;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Sample standard deviation; null below two values (see the module comment). */
export function sampleStandardDeviation(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const average = sum(values) / values.length;
  const squares = sum(values.map((value) => (value - average) ** 2));
  return Math.sqrt(squares / (values.length - 1));
}

/** Most frequent value; ties go to the smallest, so the result is deterministic. */
export function mode(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [value, count] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

export function describe(values: readonly number[]): PeriodStatistics {
  if (values.length === 0) {
    return { count: 0, sum: null, mean: null, median: null, min: null, max: null, standardDeviation: null };
  }
  return {
    count: values.length,
    sum: roundToCents(sum(values)),
    mean: mean(values),
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    standardDeviation: sampleStandardDeviation(values),
  };
}
