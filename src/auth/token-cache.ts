import { createHash } from 'node:crypto';
import type Keyv from 'keyv';

export interface IssuedToken {
  token: string;
  /** When to stop using it and fetch a new one (epoch ms), earlier than its real expiry. */
  refreshAt: number;
}

export interface TokenCacheOptions {
  store: Keyv;
  now?: () => number;
  /** Called once per real fetch (for `gateway_token_fetches_total`). */
  onFetch?: (namespace: string) => void;
}

export interface TokenCache {
  /**
   * The cached token for `credential`, or one fetched by `fetch`. Concurrent callers on a cold cache
   * share one in-flight fetch.
   */
  get(credential: CredentialKey, fetch: () => Promise<IssuedToken>): Promise<string>;
  /**
   * Drops `token` after the provider rejected it as expired. Only that token: if another request has
   * already replaced it, the newer one stays.
   */
  invalidate(credential: CredentialKey, token: string): Promise<void>;
}

export interface CredentialKey {
  /** Provider key, so namespaces never collide across providers. */
  namespace: string;
  /** The identifying parts of the credential (partner id, app key, username). Hashed before use. */
  parts: readonly string[];
}

/** Store keys already hashed, by namespace and parts (a hash per upstream call was ~1 % of Q2, issue 17). */
const storeKeys = new Map<string, string>();
const MAX_REMEMBERED_KEYS = 1000;

/** The store key never contains a credential in clear: it is a hash of the identifying parts. */
export function storeKeyOf(credential: CredentialKey): string {
  const parts = credential.parts.join('\u0000');
  const remembered = `${credential.namespace}\u0001${parts}`;
  let key = storeKeys.get(remembered);
  if (key === undefined) {
    key = `token:${credential.namespace}:${createHash('sha256').update(parts).digest('base64url')}`;
    // Per-user credentials (OBP) could grow it without end: start over past the bound.
    if (storeKeys.size >= MAX_REMEMBERED_KEYS) storeKeys.clear();
    storeKeys.set(remembered, key);
  }
  return key;
}

/**
 * A keyv-backed token cache: one token per credential until its refresh time. With
 * `CACHE_URL=redis://…` the store is shared, so every gateway instance uses the same token (this
 * matters for OBP, which invalidates a user's older tokens whenever it issues a new one).
 */
export function createTokenCache(options: TokenCacheOptions): TokenCache {
  const now = options.now ?? Date.now;
  const inFlight = new Map<string, Promise<string>>();
  // The last token each key invalidated here: when several requests holding the same rejected token
  // all invalidate it, only the first may delete, or a later one would delete the fresh token the
  // first one's refresh just stored (and on OBP a second login would void it).
  const lastInvalidated = new Map<string, string>();

  async function fetchAndStore(key: string, credential: CredentialKey, fetch: () => Promise<IssuedToken>): Promise<string> {
    options.onFetch?.(credential.namespace);
    const issued = await fetch();
    const ttl = issued.refreshAt - now();
    if (ttl > 0) await options.store.set(key, issued, ttl);
    return issued.token;
  }

  return {
    async get(credential, fetch) {
      const key = storeKeyOf(credential);
      const pending = inFlight.get(key);
      if (pending) return pending;
      const cached = (await options.store.get(key)) as IssuedToken | undefined;
      if (cached && cached.refreshAt > now()) return cached.token;
      // Re-check after the await: another caller may have started the fetch meanwhile.
      const raced = inFlight.get(key);
      if (raced) return raced;
      const promise = fetchAndStore(key, credential, fetch).finally(() => inFlight.delete(key));
      inFlight.set(key, promise);
      return promise;
    },
    async invalidate(credential, token) {
      const key = storeKeyOf(credential);
      if (lastInvalidated.get(key) === token) return;
      lastInvalidated.set(key, token);
      const cached = (await options.store.get(key)) as IssuedToken | undefined;
      if (cached?.token === token) await options.store.delete(key);
    },
  };
}
