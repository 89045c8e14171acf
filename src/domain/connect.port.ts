import type { NativeRef } from './global-id.js';

/** A hosted page where a customer picks an institution, signs in and consents (Mastercard Connect). */
export type ConnectKind = 'FULL' | 'LITE';

export interface ConnectUrlRequest {
  kind: ConnectKind;
  /** Required for LITE (the caller's own UI chose the institution), refused for FULL. */
  institutionId: string | null;
  redirectUri: string | null;
  /** Where the provider posts Connect events for this session. */
  webhook: string | null;
  /** A Connect experience id configured with the provider. */
  experience: string | null;
}

export interface ConnectUrl {
  url: string;
  kind: ConnectKind;
  /** When the link stops working, when the provider documents a lifetime. */
  expiresAt: Date | null;
}

export interface ConnectPort {
  generateUrl(customer: NativeRef, request: ConnectUrlRequest): Promise<ConnectUrl>;
}
