import type { GatewayContext } from './context.js';

/**
 * Per-request memo for lending lookups (a report's content read by several fields, a customer's
 * consumer). Keyed by the request context, so one caller's answers never serve another's and
 * everything is dropped with the request, like the DataLoaders in src/loaders.
 */
const memos = new WeakMap<GatewayContext, Map<string, Promise<unknown>>>();

export function perRequest<T>(context: GatewayContext, key: string, load: () => Promise<T>): Promise<T> {
  let memo = memos.get(context);
  if (memo === undefined) {
    memo = new Map();
    memos.set(context, memo);
  }
  const found = memo.get(key);
  if (found !== undefined) return found as Promise<T>;
  const loading = load();
  memo.set(key, loading);
  return loading;
}

/** After a write, so later fields of the same request read the new state. */
export function forget(context: GatewayContext, key: string): void {
  memos.get(context)?.delete(key);
}
