import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createCacheStore } from '../../src/auth/cache-store.js';
import { createTokenCache } from '../../src/auth/token-cache.js';
import { redisUrlOrSkip } from '../support/redis.js';

const redisUrl = redisUrlOrSkip();
const stores: Array<Awaited<ReturnType<typeof createCacheStore>>> = [];
afterAll(async () => {
  await Promise.all(stores.map((store) => store.disconnect()));
});

describe.skipIf(!redisUrl)('token cache on Redis (CACHE_URL)', () => {
  it('shares one token between gateway instances through the store', async () => {
    const namespace = `test-${randomUUID()}`;
    const instanceA = await createCacheStore(redisUrl, namespace);
    const instanceB = await createCacheStore(redisUrl, namespace);
    stores.push(instanceA, instanceB);
    let fetches = 0;
    const fetch = async () => ({ token: `token-${(fetches += 1)}`, refreshAt: Date.now() + 60_000 });
    const credential = { namespace: 'OBP', parts: ['user', 'consumer'] };
    const cacheA = createTokenCache({ store: instanceA });
    const cacheB = createTokenCache({ store: instanceB });
    expect(await cacheA.get(credential, fetch)).toBe('token-1');
    expect(await cacheB.get(credential, fetch)).toBe('token-1');
    expect(fetches).toBe(1);
    await cacheB.invalidate(credential, 'token-1');
    expect(await cacheA.get(credential, fetch)).toBe('token-2');
    expect(fetches).toBe(2);
  });

  it('expires tokens in Redis at their refresh time', async () => {
    const store = await createCacheStore(redisUrl, `test-${randomUUID()}`);
    stores.push(store);
    const cache = createTokenCache({ store });
    let fetches = 0;
    const fetch = async () => ({ token: `token-${(fetches += 1)}`, refreshAt: Date.now() + 150 });
    const credential = { namespace: 'MASTERCARD_US', parts: ['p', 'k'] };
    await cache.get(credential, fetch);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await cache.get(credential, fetch)).toBe('token-2');
  });
});
