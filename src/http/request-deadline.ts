import { GatewayError } from '../domain/errors.js';
import type { ProviderKey } from '../domain/provider.js';
import { currentRequestScope } from '../observability/request-scope.js';

/**
 * `work`, or a rejection with `reason()` as soon as `signal` aborts, whichever comes first. The
 * losing side never surfaces as an unhandled rejection, and the abort listener is removed after.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal, reason: () => unknown): Promise<T> {
  work.catch(() => undefined);
  if (signal.aborted) return Promise.reject(reason());
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(reason());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([work, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}

/**
 * `work`, or PROVIDER_TIMEOUT as soon as the current GraphQL request's deadline passes (or its caller
 * goes away), for waits that are not an upstream call of this request themselves — e.g. a token
 * login another request started and this one shares. Outside a request scope: `work` unchanged.
 */
export function withinRequestDeadline<T>(work: Promise<T>, provider: ProviderKey, what: string): Promise<T> {
  const signal = currentRequestScope()?.signal;
  if (signal === undefined) return work;
  return untilAborted(work, signal, () => new GatewayError('PROVIDER_TIMEOUT', `${provider}: ${what} did not complete before the request deadline`, { provider }));
}
