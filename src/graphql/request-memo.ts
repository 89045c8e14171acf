import type { GatewayContext } from './context.js';

/**
 * Per-request memo for lookups several fields share (a report's content, a customer's
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

/** Seeds the memo with an answer a list already gave, so a later lookup costs no call. */
export function remember<T>(context: GatewayContext, key: string, value: T): void {
  let memo = memos.get(context);
  if (memo === undefined) {
    memo = new Map();
    memos.set(context, memo);
  }
  memo.set(key, Promise.resolve(value));
}

/** After a write, so later fields of the same request read the new state. */
export function forget(context: GatewayContext, key: string): void {
  memos.get(context)?.delete(key);
}
