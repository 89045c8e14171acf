import { GatewayError } from '../domain/errors.js';
import { TRANSACTION_STATUSES, type TransactionQuery, type TransactionStatus } from '../domain/model.js';
import type { TransactionFilter } from './types/inputs.js';

/**
 * Default window when a filter gives no range: the last 90 days, what account screens show. It also
 * keeps one customer's transactions inside one 1000-record customer-level call, so an account
 * list's transactions cost one upstream call per customer; pass `filter.from` for more history.
 */
export const DEFAULT_TRANSACTION_WINDOW_MS = 90 * 24 * 60 * 60 * 1000;

/**
 * Turns the caller's filter into a provider-neutral query. `now` is the request's clock, so every
 * field of one request gets the same default range (and so the same DataLoader key).
 */
export function transactionQueryOf(filter: TransactionFilter | null | undefined, now: number): TransactionQuery {
  const to = filter?.to ?? new Date(now);
  const from = filter?.from ?? new Date(to.getTime() - DEFAULT_TRANSACTION_WINDOW_MS);
  if (from.getTime() > to.getTime()) {
    throw new GatewayError('BAD_USER_INPUT', 'filter.from must not be after filter.to', { field: 'filter.from' });
  }
  let statuses = [...new Set((filter?.statuses ?? []) as TransactionStatus[])];
  if (filter?.pending === false) {
    if (statuses.includes('PENDING')) {
      throw new GatewayError('BAD_USER_INPUT', 'filter.pending is false but filter.statuses includes PENDING', { field: 'filter.pending' });
    }
    statuses = statuses.length > 0 ? statuses : TRANSACTION_STATUSES.filter((status) => status !== 'PENDING');
  } else if (filter?.pending === true && statuses.length > 0 && !statuses.includes('PENDING')) {
    throw new GatewayError('BAD_USER_INPUT', 'filter.pending is true but filter.statuses leaves PENDING out', { field: 'filter.pending' });
  }
  if (statuses.length === TRANSACTION_STATUSES.length) statuses = [];
  return { from, to, statuses: statuses.sort(), sort: filter?.sort ?? 'desc' };
}
