import KeyvRedis from '@keyv/redis';
import Keyv from 'keyv';

/**
 * The keyv store behind tokens (and, later, webhook event ids and caches). In-memory by default;
 * `CACHE_URL=redis://…` shares it across gateway instances.
 */
export function createCacheStore(cacheUrl: string | undefined, namespace = 'gateway'): Keyv {
  if (cacheUrl === undefined) return new Keyv({ namespace });
  if (!/^rediss?:\/\//.test(cacheUrl)) {
    throw new Error('CACHE_URL: only redis:// and rediss:// stores are supported');
  }
  const store = new KeyvRedis(cacheUrl);
  return new Keyv({ store, namespace, useKeyPrefix: false });
}
