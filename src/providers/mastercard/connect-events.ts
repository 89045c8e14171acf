import type { ConnectEvent, ConnectEventOutcome, ConnectEventsPort } from '../../domain/connect.port.js';
import { verifyHmacSha256Hex } from '../../webhooks/signature.js';
import type { ConnectSessions } from './connect-sessions.js';

/**
 * The Connect event names seed 002 lists ("Webhook Connect Events Lists"); `ping` is answered by
 * the receiver and never reaches here. `financialConsentCreated` is deprecated there in favour of
 * consent notifications, but still recorded when it comes.
 */
export const CONNECT_EVENT_TYPES = [
  'started',
  'institutionSupported',
  'institutionNotFound',
  'adding',
  'processing',
  'added',
  'done',
  'unableToConnect',
  'financialConsentCreated',
] as const;
const KNOWN: ReadonlySet<string> = new Set(CONNECT_EVENT_TYPES);

/**
 * Connect events for one Mastercard credential: verified with its partner secret ("Create a
 * SHA-256 HMAC of the request body using your Partner Secret as the key … X-Signature", seed 002,
 * Prevent Spoofing) over the raw bytes in constant time, then recorded per customer. `added` and
 * `done` mean the customer's accounts changed at the provider: the gateway keeps no cache of
 * account data beyond one request (per-request DataLoaders), so nothing is stale to invalidate;
 * the receiver logs the event so an operator can see the change.
 */
export function createConnectEvents(options: { partnerSecret: string; sessions: ConnectSessions }): ConnectEventsPort {
  const { partnerSecret, sessions } = options;
  return {
    verify: (raw, signature) => verifyHmacSha256Hex(partnerSecret, raw, signature),
    async receive(event: ConnectEvent): Promise<ConnectEventOutcome> {
      if (!KNOWN.has(event.eventType)) return { kind: 'ignored', eventType: event.eventType, reason: 'unknown-event-type' };
      if (event.customerId === null) return { kind: 'ignored', eventType: event.eventType, reason: 'unknown-customer' };
      await sessions.record(event.customerId, event);
      return { kind: 'recorded', eventType: event.eventType, customerId: event.customerId };
    },
  };
}
