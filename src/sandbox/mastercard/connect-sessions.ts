import { randomBytes } from 'node:crypto';
import type { ConnectEventBody, ConnectEventSender } from './connect-event-sender.js';

/** What Generate Connect URL was told for one link (the simulator's memory of it). */
export interface SimConnectSession {
  /** The link's `signature` parameter: identifies the link. */
  signature: string;
  customerId: string;
  /** Epoch ms after which the link no longer opens (`ttl`). */
  expiresAt: number;
  webhook?: string;
  webhookData?: Record<string, unknown>;
  webhookHeaders: Record<string, string>;
  /** Institution id → hidden | visible for this session. */
  institutionSettings: Record<string, 'hidden' | 'visible'>;
  singleUseUrl: boolean;
  /** A single-use link that completed a session. */
  used: boolean;
}

/** Where a sandbox Connect session ends. */
export type ConnectOutcome =
  | { kind: 'added'; institutionId: string; accounts: Record<string, unknown>[]; receiptId: string | undefined }
  | { kind: 'unableToConnect'; institutionId: string; code: number };

export interface SimConnectSessions {
  remember(session: SimConnectSession): void;
  /** The session of a link (by its signature), else the customer's newest one. */
  find(customerId: string, signature: string | undefined): SimConnectSession | undefined;
  /**
   * Sends the session's events, in the order seed 002's examples carry (their eventIds are
   * timestamps): started, institutionSupported, adding, processing, added, done — or up to adding
   * then unableToConnect. Answers the event types sent (none without a webhook).
   */
  play(session: SimConnectSession, outcome: ConnectOutcome): string[];
}

/** `1704384242127-71865a94bc331af02d9cd264`: epoch ms, a dash, 24 hex digits (seed 002 examples). */
function eventId(now: number): string {
  return `${now}-${randomBytes(12).toString('hex')}`;
}

/** Links remembered at most (oldest dropped first): the sandbox is long-running. */
const MAX_SESSIONS = 10_000;

export function createSimConnectSessions(sender: ConnectEventSender, now: () => number): SimConnectSessions {
  const sessions = new Map<string, SimConnectSession>();
  return {
    remember(session) {
      sessions.set(session.signature, session);
      if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
    },
    find(customerId, signature) {
      if (signature !== undefined) {
        const session = sessions.get(signature);
        return session?.customerId === customerId ? session : undefined;
      }
      return [...sessions.values()].reverse().find((session) => session.customerId === customerId);
    },
    play(session, outcome) {
      if (session.singleUseUrl && outcome.kind === 'added') session.used = true;
      if (session.webhook === undefined) return [];
      const institutionId = outcome.institutionId;
      const steps: Array<[string, Record<string, unknown>]> = [
        ['started', {}],
        ['institutionSupported', { institutionId }],
        ['adding', { institutionId, oauth: true }],
      ];
      if (outcome.kind === 'added') {
        steps.push(['processing', { institutionId }]);
        steps.push(['added', { institutionId, accounts: outcome.accounts, oauth: true, ...(outcome.receiptId ? { receiptId: outcome.receiptId } : {}) }]);
        steps.push(['done', {}]);
      } else {
        steps.push(['unableToConnect', { institutionId, code: outcome.code }]);
      }
      const events: ConnectEventBody[] = steps.map(([eventType, payload]) => ({
        customerId: session.customerId,
        eventType,
        eventId: eventId(now()),
        payload,
        // "you will receive the object back in the body for all other Connect event types" (seed 002, webhookData Object)
        ...(session.webhookData ? { webhookData: session.webhookData } : {}),
      }));
      void sender.send({ url: session.webhook, headers: session.webhookHeaders }, events);
      return events.map((event) => event.eventType);
    },
  };
}
