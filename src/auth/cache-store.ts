import Keyv from 'keyv';
import { GatewayError } from '../domain/errors.js';
import { StartupError } from '../lifecycle/startup-error.js';

/** How long one cache store operation (connect included) may take before the request fails. */
export const CACHE_STORE_TIMEOUT_MS = 1000;

export interface CacheStoreOptions {
  /** Per-operation budget in ms (default {@link CACHE_STORE_TIMEOUT_MS}). */
  timeoutMs?: number;
  /** Told when the store becomes unreachable (with the cause) and reachable again (null). */
  onHealthChange?: (error: Error | null) => void;
}

export interface CacheStoreHealth {
  kind: 'memory' | 'redis';
  reachable: boolean;
}

const GUARDED_METHODS = new Set(['get', 'getMany', 'set', 'setMany', 'delete', 'deleteMany', 'has', 'hasMany', 'clear']);
const redisStores = new WeakSet<Keyv>();

function unreachable(cause: unknown): GatewayError {
  return new GatewayError('INTERNAL', "The gateway's cache store (CACHE_URL) cannot be reached; retry shortly", {
    retryable: true,
    cause,
  });
}

function withTimeout<T>(operation: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`cache store did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([operation, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The keyv store behind tokens (and report status, webhook records). In-memory by default;
 * `CACHE_URL=redis://…` shares it across gateway instances. A Redis that cannot be reached fails
 * each operation within `timeoutMs` with an INTERNAL, retryable GatewayError that names the cache
 * store (never a hang on node-redis's offline queue), and `onHealthChange` hears about it once per
 * outage. Rejects with a {@link StartupError} for a CACHE_URL that is not redis:// or rediss://.
 * The Redis client is loaded only with a CACHE_URL: its ~400 modules are resident memory that the
 * in-memory store never needs (issue 17, memory).
 */
export async function createCacheStore(cacheUrl: string | undefined, namespace = 'gateway', options: CacheStoreOptions = {}): Promise<Keyv> {
  if (cacheUrl === undefined) return new Keyv({ namespace });
  if (!/^rediss?:\/\//.test(cacheUrl)) {
    throw new StartupError('CACHE_URL: only redis:// and rediss:// stores are supported.');
  }
  const { default: KeyvRedis } = await import('@keyv/redis');
  const timeoutMs = options.timeoutMs ?? CACHE_STORE_TIMEOUT_MS;
  const redis = new KeyvRedis(
    {
      url: cacheUrl,
      // While disconnected, commands fail at once instead of queueing until Redis is back.
      disableOfflineQueue: true,
      socket: { connectTimeout: timeoutMs, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
    },
    { connectionTimeout: timeoutMs, throwOnConnectError: true, throwOnErrors: true },
  );
  let healthy = true;
  const report = (error: Error | null) => {
    if (healthy === (error === null)) return;
    healthy = error === null;
    options.onHealthChange?.(error);
  };
  const guarded = new Proxy(redis, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property !== 'string' || !GUARDED_METHODS.has(property) || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        try {
          const result = await withTimeout(Promise.resolve((value as (...a: unknown[]) => unknown).apply(target, args)), timeoutMs);
          report(null);
          return result;
        } catch (error) {
          report(error instanceof Error ? error : new Error(String(error)));
          throw unreachable(error);
        }
      };
    },
  });
  const store = new Keyv({ store: guarded, namespace, useKeyPrefix: false, throwOnErrors: true });
  redisStores.add(store);
  return store;
}

/** A real round trip to the cache store (readiness); never throws. */
export async function cacheStoreHealth(store: Keyv): Promise<CacheStoreHealth> {
  const kind = redisStores.has(store) ? 'redis' : 'memory';
  try {
    await store.has('readiness-probe');
    return { kind, reachable: true };
  } catch {
    return { kind, reachable: false };
  }
}
