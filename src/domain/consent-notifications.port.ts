import type { ProviderKey } from './provider.js';

/**
 * Consent notification subscriptions (Mastercard AU, seed 002 "Consent Notifications"): the
 * provider posts consent lifecycle events to a subscribed URL, signed with the subscription's
 * `signingKey` (`Event-Signature`). Operator administration, not a capability callers use.
 */
export interface ConsentNotificationSubscription {
  provider: ProviderKey;
  id: string;
  url: string;
  notificationType: string;
  createdAt: Date | null;
  updatedAt: Date | null;
}

export interface CreatedConsentNotificationSubscription {
  subscription: ConsentNotificationSubscription;
  /** Returned once by the provider; the gateway seals and keeps it, and never returns it. */
  signingKey: string;
}

/** What a verified consent notification led to. */
export type ConsentEventOutcome =
  | { action: 'purged'; deletionRecordId: string; complete: boolean }
  | { action: 'remembered' }
  /** The same ending was already handled (e.g. by revokeConsent) and nothing was left to delete. */
  | { action: 'already-purged' }
  | { action: 'ignored'; reason: 'unknown-event-type' | 'malformed' | 'wrong-context' };

export interface ConsentNotificationsPort {
  create(url: string): Promise<CreatedConsentNotificationSubscription>;
  list(): Promise<ConsentNotificationSubscription[]>;
  /** null when the provider does not know it. */
  get(id: string): Promise<ConsentNotificationSubscription | null>;
  changeUrl(id: string, url: string): Promise<ConsentNotificationSubscription>;
  /**
   * Acts on a consent notification whose signature and event id the receiver has already checked:
   * INSTITUTIONS_REVOKED / INSTITUTIONS_EXPIRED purge and leave a deletion record; CONSENT_CREATED /
   * INSTITUTIONS_ADDED update the consent book; anything else is ignored (the receiver logs it).
   */
  receive(event: unknown): Promise<ConsentEventOutcome>;
}
