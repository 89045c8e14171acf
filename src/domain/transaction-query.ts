import type { TransactionQuery } from './model.js';

/** Equal queries give equal keys, so DataLoaders can batch and dedupe on them. */
export function transactionQueryKey(query: TransactionQuery): string {
  return `${query.from.toISOString()}|${query.to.toISOString()}|${query.statuses.join(',')}|${query.sort}`;
}
