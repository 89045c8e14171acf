import type { NativeRef } from './global-id.js';

/** A hosted page where a customer picks an institution, signs in and consents (Mastercard Connect). */
export type ConnectKind = 'FULL' | 'LITE';

/** `hidden` hides an institution from Connect's search list, `visible` shows a hidden one (seed 002, Institution Settings). */
export type InstitutionVisibility = 'hidden' | 'visible';

export interface ConnectUrlRequest {
  kind: ConnectKind;
  /** Required for LITE (the caller's own UI chose the institution), refused for FULL. */
  institutionId: string | null;
  redirectUri: string | null;
  /** Where the provider posts Connect events for this session; null: the gateway's own receiver when it has a public URL. */
  webhook: string | null;
  /** A Connect experience id configured with the provider. */
  experience: string | null;
  /** FULL only: per-session override of the institutions' visibility, by numeric institution id. */
  institutionSettings: Readonly<Record<string, InstitutionVisibility>> | null;
  /** A JSON object echoed in the body of every Connect event of the session (`webhookData`). */
  webhookData: Readonly<Record<string, unknown>> | null;
  /** Headers added to every Connect event of the session (`webhookHeaders`); values may be secrets. */
  webhookHeaders: Readonly<Record<string, string>> | null;
  /** true: the link stops working once a session completes (`singleUseUrl`); null: the experience decides. */
  singleUseUrl: boolean | null;
  /** Who asked (the caller id), so the session's status is theirs to read. */
  requestedBy: string | null;
}

export interface ConnectUrl {
  url: string;
  kind: ConnectKind;
  /** When the link stops working, when the provider documents a lifetime. */
  expiresAt: Date | null;
}

/** What the gateway last heard about a customer's Connect session (Connect webhooks). */
export interface ConnectSessionStatus {
  customerId: string;
  /** The provider's event name (`started`, `adding`, `done` …), kept as sent. */
  lastEvent: string;
  lastEventId: string | null;
  institutionId: string | null;
  /** Native account ids reported by `added`. */
  accountIds: readonly string[];
  /** `unableToConnect`'s code. */
  errorCode: string | null;
  /** Caller id that generated the link, when the gateway generated it. */
  requestedBy: string | null;
  /** Epoch ms of the last event. */
  updatedAtMs: number;
}

export interface ConnectPort {
  generateUrl(customer: NativeRef, request: ConnectUrlRequest): Promise<ConnectUrl>;
  /** The Connect Dashboard, where the customer reviews and revokes consents (Mastercard AU). */
  generateDashboardUrl?(customer: NativeRef): Promise<{ url: string }>;
  /** The customer's latest Connect session as the webhooks told it; undefined when none was heard. */
  session?(customer: NativeRef): Promise<ConnectSessionStatus | undefined>;
}

/** Outcome of one Connect webhook delivery, for the receiver's answer and log. */
export type ConnectEventOutcome =
  | { kind: 'ping' }
  | { kind: 'recorded'; eventType: string; customerId: string }
  | { kind: 'ignored'; eventType: string; reason: 'unknown-event-type' | 'unknown-customer' };

/** Connect webhook events (`X-Signature`) for one provider credential. */
export interface ConnectEventsPort {
  /** Whether `signature` is the HMAC-SHA256 of `raw` under this credential's partner secret (constant time). */
  verify(raw: Buffer, signature: string | readonly string[] | undefined): boolean;
  /** Records a verified event; never throws for an event type it does not know. */
  receive(event: ConnectEvent): Promise<ConnectEventOutcome>;
}

/** The Connect event wrapper (seed 002, Connect Webhooks, Event Body). */
export interface ConnectEvent {
  eventType: string;
  eventId: string | null;
  customerId: string | null;
  payload: Readonly<Record<string, unknown>>;
}
