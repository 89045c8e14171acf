import { GatewayError } from '../domain/errors.js';
import { TRANSACTION_STATUSES, type TransactionQuery, type TransactionStatus } from '../domain/model.js';
import type { ProviderKey } from '../domain/provider.js';
import { defaultFrom, FALLBACK_TRANSACTION_HISTORY, oldestHeld, type TransactionHistory } from '../domain/transaction-query.js';
import { warnProviderData } from '../observability/data-warnings.js';
import type { GatewayContext } from './context.js';
import type { TransactionFilter } from './types/inputs.js';

/**
 * The provider's transaction history (default window and limit, issue 16 row 1), or the fallback
 * (last 90 days, no limit) for a provider that declares none or is not enabled (its call fails later).
 */
export function transactionHistoryOf(context: Pick<GatewayContext, 'registry'>, provider: ProviderKey): TransactionHistory {
  const adapter = context.registry.enabled().find((candidate) => candidate.key === provider);
  return adapter?.transactionHistory ?? FALLBACK_TRANSACTION_HISTORY;
}

/**
 * Turns the caller's filter into a provider-neutral query. `now` is the request's clock, so every
 * field of one request gets the same default range (and so the same DataLoader key). Without
 * `filter.from` the range starts where the provider's default window does (`history.defaultDays`
 * before `to`; the epoch when the provider holds everything by default).
 */
export function transactionQueryOf(
  filter: TransactionFilter | null | undefined,
  now: number,
  history: TransactionHistory = FALLBACK_TRANSACTION_HISTORY,
): TransactionQuery {
  const to = filter?.to ?? new Date(now);
  const from = filter?.from ?? defaultFrom(history, to);
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

/**
 * The query of one `transactions` field for `provider`, warning in `extensions.warnings`
 * (`kind: beyond_history`, field `from`) when the caller's `filter.from` reaches further back than the
 * provider can hold, so fewer rows than asked for never come without a word why.
 */
export function providerTransactionQuery(
  context: Pick<GatewayContext, 'registry' | 'now'>,
  provider: ProviderKey,
  filter: TransactionFilter | null | undefined,
  /** The clock for the default `to`: a cursor's snapshot bound on later pages; the request's by default. */
  now: number = context.now,
): TransactionQuery {
  const history = transactionHistoryOf(context, provider);
  const query = transactionQueryOf(filter, now, history);
  const oldest = oldestHeld(history, context.now);
  if (filter?.from && oldest !== null && filter.from.getTime() < oldest.getTime()) {
    warnProviderData(provider, 'transactions.window', 'from', 'beyond_history');
  }
  return query;
}
