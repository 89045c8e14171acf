import { randomBytes, randomUUID } from 'node:crypto';
import { consentView } from '../consent-view.js';
import type { SimContext } from '../sim-context.js';
import type { SimArrangement, SimConsent } from '../store.js';
import type { SignedSender } from './signed-sender.js';

/** The documented consent notification event types (seed 002, Consent Notification Event Types). */
export type ConsentEventType = 'CONSENT_CREATED' | 'INSTITUTIONS_ADDED' | 'INSTITUTIONS_REVOKED' | 'INSTITUTIONS_EXPIRED';

/** One consent notification subscription (seed 002, Subscribing to notifications). Dates epoch ms. */
export interface SimSubscription {
  subscriptionId: string;
  url: string;
  notificationType: 'CONSENT';
  /** Returned once, at creation; "the `signingKey` cannot be fetched after subscribing". */
  signingKey: string;
  createdDate: number;
  lastUpdatedDate: number;
}

export interface ConsentNotifier {
  readonly subscriptions: Map<string, SimSubscription>;
  readonly sender: SignedSender;
  subscribe(url: string): SimSubscription;
  /** Signs and sends the event about `arrangements` of `consent` to every subscription's current URL. */
  notify(eventType: ConsentEventType, consent: SimConsent, arrangements: readonly SimArrangement[]): string;
}

const SUMMARY: Record<ConsentEventType, string> = {
  CONSENT_CREATED: 'The customer initiated a consent; it is in DRAFT state until an institution is added.',
  INSTITUTIONS_ADDED: 'The customer consented to share accounts of an institution.',
  INSTITUTIONS_REVOKED: 'The arrangement to access the accounts of the institution(s) was revoked.',
  INSTITUTIONS_EXPIRED: 'The arrangement to access the accounts of the institution(s) expired.',
};

/**
 * Builds the consent notifications (seed 002, Consent Notifications Structure): the identifying
 * fields `eventId`, `eventType`, `eventContext`, `eventTime`, `customerId`, then
 * `payload.changes` (`summary`, and `details` per arrangement: `consentReceiptId`, `institutionId`,
 * `institutionLoginId`, `accountIds`) and `payload.consent` (the consent as it is after the change),
 * and sends each to every subscription, signed with that subscription's key.
 */
export function createConsentNotifier(ctx: Omit<SimContext, 'consentEvents'>, sender: SignedSender): ConsentNotifier {
  const subscriptions = new Map<string, SimSubscription>();
  return {
    subscriptions,
    sender,
    subscribe(url) {
      const now = ctx.now();
      const subscription: SimSubscription = {
        subscriptionId: randomUUID(),
        url,
        notificationType: 'CONSENT',
        signingKey: randomBytes(32).toString('hex'),
        createdDate: now,
        lastUpdatedDate: now,
      };
      subscriptions.set(subscription.subscriptionId, subscription);
      return subscription;
    },
    notify(eventType, consent, arrangements) {
      const eventId = randomUUID();
      const details = arrangements.map((arrangement) => ({
        consentReceiptId: consent.consentReceiptId,
        institutionId: arrangement.institutionId,
        institutionLoginId: String(arrangement.institutionLoginId),
        accountIds: [...ctx.store.accounts.values()].filter((a) => a.institutionLoginId === arrangement.institutionLoginId).map((a) => a.id),
      }));
      const event = {
        eventId,
        eventType,
        eventContext: 'CONSENT',
        eventTime: new Date(ctx.now()).toISOString(),
        customerId: consent.customerId,
        payload: { changes: { summary: SUMMARY[eventType], details }, consent: consentView(ctx, consent) },
      };
      const body = JSON.stringify(event);
      for (const subscription of subscriptions.values()) {
        void sender.send(subscription.url, subscription.signingKey, { eventId, eventType }, body);
      }
      return eventId;
    },
  };
}
