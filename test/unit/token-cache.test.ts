import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { createTokenCache, storeKeyOf } from '../../src/auth/token-cache.js';

const credential = { namespace: 'MASTERCARD_US', parts: ['partner-1', 'app-key-1'] };

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('token cache', () => {
  it('shares one in-flight fetch between concurrent cold callers', async () => {
    let fetches = 0;
    const gate = deferred<void>();
    const cache = createTokenCache({ store: new Keyv() });
    const fetch = async () => {
      fetches += 1;
      await gate.promise;
      return { token: `token-${fetches}`, refreshAt: Date.now() + 60_000 };
    };
    const callers = Array.from({ length: 50 }, () => cache.get(credential, fetch));
    gate.resolve();
    const tokens = await Promise.all(callers);
    expect(fetches).toBe(1);
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
  });

  it('serves the cached token until its refresh time, then fetches a new one', async () => {
    let clock = 1_000_000;
    let fetches = 0;
    const cache = createTokenCache({ store: new Keyv(), now: () => clock });
    const fetch = async () => ({ token: `token-${(fetches += 1)}`, refreshAt: clock + 90 * 60_000 });
    expect(await cache.get(credential, fetch)).toBe('token-1');
    clock += 89 * 60_000;
    expect(await cache.get(credential, fetch)).toBe('token-1');
    clock += 2 * 60_000;
    expect(await cache.get(credential, fetch)).toBe('token-2');
    expect(fetches).toBe(2);
  });

  it('invalidates only the token that was rejected', async () => {
    const store = new Keyv();
    const cache = createTokenCache({ store });
    let fetches = 0;
    const fetch = async () => ({ token: `token-${(fetches += 1)}`, refreshAt: Date.now() + 60_000 });
    const first = await cache.get(credential, fetch);
    await cache.invalidate(credential, first);
    const second = await cache.get(credential, fetch);
    expect(second).toBe('token-2');
    // A late request that still held token-1 must not throw away token-2.
    await cache.invalidate(credential, first);
    expect(await cache.get(credential, fetch)).toBe('token-2');
    expect(fetches).toBe(2);
  });

  it('keeps credentials out of the store key and separates credentials', async () => {
    const key = storeKeyOf(credential);
    expect(key).not.toContain('partner-1');
    expect(key).not.toContain('app-key-1');
    expect(storeKeyOf({ ...credential, parts: ['partner-2', 'app-key-1'] })).not.toBe(key);
  });

  it('does not cache a failed fetch', async () => {
    const cache = createTokenCache({ store: new Keyv() });
    let attempts = 0;
    const failing = async () => {
      attempts += 1;
      throw new Error('provider down');
    };
    await expect(cache.get(credential, failing)).rejects.toThrow('provider down');
    await expect(cache.get(credential, failing)).rejects.toThrow('provider down');
    expect(attempts).toBe(2);
  });
});

describe('token cache invalidation under concurrency', () => {
  it('lets only the first of several holders of a rejected token delete it', async () => {
    const cache = createTokenCache({ store: new Keyv() });
    let fetches = 0;
    const fetch = async () => ({ token: `token-${(fetches += 1)}`, refreshAt: Date.now() + 60_000 });
    const stale = await cache.get(credential, fetch);
    // Request A: invalidate and refresh. Request B held the same token and invalidates it afterwards.
    await cache.invalidate(credential, stale);
    const fresh = await cache.get(credential, fetch);
    await cache.invalidate(credential, stale);
    expect(await cache.get(credential, fetch)).toBe(fresh);
    expect(fetches).toBe(2);
  });
});
