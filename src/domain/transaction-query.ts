import type { TransactionQuery } from './model.js';

/**
 * Equal queries give equal keys, so DataLoaders can batch and dedupe on them. Instants as epoch
 * milliseconds (one per Date, without formatting: a key is built per account field, issue 17); an
 * invalid Date throws RangeError, as formatting it would.
 */
export function transactionQueryKey(query: TransactionQuery): string {
  return `${instantOf(query.from)}|${instantOf(query.to)}|${query.statuses.join(',')}|${query.sort}`;
}

function instantOf(date: Date): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid time value');
  return ms;
}

/**
 * How much transaction history a provider holds (issue 16, row 1), declared by its adapter with the
 * document behind the numbers. The GraphQL layer uses it for the default `from` and to warn when a
 * caller asks for more than the provider can hold.
 */
export interface TransactionHistory {
  /** Days before `to` a query without `filter.from` reaches back; null = no lower bound (all the provider holds). */
  defaultDays: number | null;
  /** Calendar months before now the provider can hold at most; null = no documented limit. */
  maxMonths: number | null;
}

/** For an adapter that declares none: the last 90 days, no documented limit. */
export const FALLBACK_TRANSACTION_HISTORY: TransactionHistory = { defaultDays: 90, maxMonths: null };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Default `from` for a query ending at `to`: `defaultDays` before it, or the epoch when unbounded. */
export function defaultFrom(history: TransactionHistory, to: Date): Date {
  return history.defaultDays === null ? new Date(0) : new Date(to.getTime() - history.defaultDays * DAY_MS);
}

/**
 * The oldest instant the provider can hold at `now` (`maxMonths` calendar months back, day clamped
 * to the month's length), or null when the provider documents no limit.
 */
export function oldestHeld(history: TransactionHistory, now: number): Date | null {
  if (history.maxMonths === null) return null;
  const at = new Date(now);
  const target = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - history.maxMonths, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(at.getUTCDate(), lastDay));
  target.setUTCHours(at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), at.getUTCMilliseconds());
  return target;
}
