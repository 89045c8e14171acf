import { randomBytes } from 'node:crypto';
import type Keyv from 'keyv';
import { GatewayError } from '../domain/errors.js';
import type { ProviderKey } from '../domain/provider.js';
import type { SecretBox } from '../security/secret-box.js';

/**
 * The consent notification receiver's path. Its last segment is a per-subscription token: consent
 * notifications name no subscription (seed 002, Consent Notifications Structure lists `eventId`,
 * `eventType`, `eventContext`, `eventTime`, `customerId`), so the URL the gateway subscribes with
 * tells it whose `signingKey` applies. The token only routes; the signature is the credential.
 */
export const CONSENT_WEBHOOK_PATH = '/webhooks/mastercard/consents';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,64}$/;

export interface SubscriptionKey {
  provider: ProviderKey;
  subscriptionId: string;
  signingKey: string;
}

interface StoredKey {
  provider: ProviderKey;
  subscriptionId: string;
  /** SecretBox-sealed `signingKey` (AES-256-GCM under GATEWAY_SECRETS_KEY). */
  sealed: string;
}

/**
 * The subscriptions' signing keys, sealed with GATEWAY_SECRETS_KEY in the keyv store (CACHE_URL) so
 * every instance can verify every notification and a store dump alone does not reveal them. "For
 * security reasons, the `signingKey` cannot be fetched after subscribing" (seed 002): this is the
 * only copy. Nothing here ever logs or returns a key except `byToken`, for the receiver.
 */
export interface ConsentSigningKeys {
  /** A new token and the callback URL under `baseUrl` (default: the gateway's public base URL). */
  newCallback(baseUrl?: string | null): { token: string; url: string };
  /** The callback URL of an existing token under `baseUrl`. */
  callbackUrl(token: string, baseUrl?: string | null): string;
  /** Throws INTERNAL naming GATEWAY_SECRETS_KEY when it is not set: check before subscribing at the provider. */
  requireSecrets(): void;
  save(token: string, key: SubscriptionKey): Promise<void>;
  byToken(token: string): Promise<SubscriptionKey | undefined>;
  tokenOf(provider: ProviderKey, subscriptionId: string): Promise<string | undefined>;
  /** Forgets the key: later notifications to its URL are refused. Answers whether one was held. */
  forget(provider: ProviderKey, subscriptionId: string): Promise<boolean>;
}

export function createConsentSigningKeys(store: Keyv, secrets: SecretBox | null, publicBaseUrl: () => string | undefined): ConsentSigningKeys {
  const byTokenKey = (token: string) => `consent-webhook:token:${token}`;
  const bySubscriptionKey = (provider: ProviderKey, id: string) => `consent-webhook:subscription:${provider}:${id}`;

  function requireSecrets(): SecretBox {
    if (secrets === null) {
      throw new GatewayError(
        'INTERNAL',
        'GATEWAY_SECRETS_KEY is not set: the gateway cannot keep a consent notification signing key. Set it (at least 32 characters) and try again',
        { retryable: false },
      );
    }
    return secrets;
  }
  function base(baseUrl: string | null | undefined): string {
    const chosen = baseUrl ?? publicBaseUrl();
    if (chosen === undefined) {
      throw new GatewayError('BAD_USER_INPUT', 'baseUrl is required when PUBLIC_BASE_URL is not set (the provider must reach the gateway)', { field: 'baseUrl' });
    }
    let parsed: URL;
    try {
      parsed = new URL(chosen);
    } catch {
      throw new GatewayError('BAD_USER_INPUT', 'baseUrl must be an absolute http(s) URL', { field: 'baseUrl' });
    }
    if (!['http:', 'https:'].includes(parsed.protocol) || parsed.search !== '' || parsed.hash !== '') {
      throw new GatewayError('BAD_USER_INPUT', 'baseUrl must be an absolute http(s) URL without query or fragment', { field: 'baseUrl' });
    }
    return parsed.toString().replace(/\/+$/, '');
  }

  return {
    newCallback(baseUrl) {
      const token = randomBytes(32).toString('base64url');
      return { token, url: `${base(baseUrl)}${CONSENT_WEBHOOK_PATH}/${token}` };
    },
    callbackUrl: (token, baseUrl) => `${base(baseUrl)}${CONSENT_WEBHOOK_PATH}/${token}`,
    requireSecrets() {
      requireSecrets();
    },
    async save(token, key) {
      const stored: StoredKey = { provider: key.provider, subscriptionId: key.subscriptionId, sealed: requireSecrets().seal(key.signingKey) };
      await store.set(byTokenKey(token), stored);
      await store.set(bySubscriptionKey(key.provider, key.subscriptionId), token);
    },
    async byToken(token) {
      if (!TOKEN_PATTERN.test(token)) return undefined;
      const stored = await store.get<StoredKey>(byTokenKey(token));
      if (!stored || secrets === null) return undefined;
      try {
        return { provider: stored.provider, subscriptionId: stored.subscriptionId, signingKey: secrets.open(stored.sealed) };
      } catch {
        // Sealed under another GATEWAY_SECRETS_KEY: unusable here.
        return undefined;
      }
    },
    async tokenOf(provider, subscriptionId) {
      return (await store.get<string>(bySubscriptionKey(provider, subscriptionId))) ?? undefined;
    },
    async forget(provider, subscriptionId) {
      const token = await store.get<string>(bySubscriptionKey(provider, subscriptionId));
      if (!token) return false;
      await store.delete(byTokenKey(token));
      await store.delete(bySubscriptionKey(provider, subscriptionId));
      return true;
    },
  };
}
