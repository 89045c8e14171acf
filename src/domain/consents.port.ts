import type { NativeRef } from './global-id.js';
import type { Page, PageRequest } from './model.js';
import type { ProviderKey } from './provider.js';

/**
 * CDR data-sharing consents (Mastercard AU, seed 002 "Consent Lifecycle"): one consent per purpose,
 * with one arrangement per institution the customer connected; each arrangement can be revoked on
 * its own, and the consent is ACTIVE while at least one arrangement is.
 */
export type ConsentStatus = 'ACTIVE' | 'INACTIVE';
export type ArrangementStatus = 'ACTIVE' | 'REVOKED' | 'EXPIRED' | 'OTHER';
/** Who asked for a change, as CDR records it (openbanking-us.yaml `Update-By`). */
export type ConsentActor = 'CUSTOMER' | 'PARTNER';

export interface ConsentArrangement {
  institutionId: string;
  institutionName: string | null;
  institutionLoginId: string;
  status: ArrangementStatus;
  /** The provider's own status value. */
  providerStatus: string;
  statusAt: Date | null;
  createdAt: Date | null;
  accessStart: Date | null;
  accessEnd: Date | null;
  /** Accounts shared under this arrangement (native ids). */
  accountIds: string[];
  /** Data scope ids granted (e.g. ACCOUNT_BASIC, TRANSACTION_DETAILED). */
  dataScopes: string[];
  /** Who last changed it (CUSTOMER / PARTNER), when the provider says. */
  lastUpdatedBy: string | null;
}

export interface Consent {
  ref: NativeRef;
  provider: ProviderKey;
  /** The consent receipt id (Mastercard AU `Consent-Receipt-Id`). */
  receiptId: string;
  receiptVersion: number | null;
  customerRef: NativeRef;
  status: ConsentStatus;
  statusAt: Date | null;
  purpose: string | null;
  purposeStatement: string | null;
  applicationName: string | null;
  customerCategory: string | null;
  /** Days of history before the consent started that it allows (0–365). */
  allowedHistoryDays: number | null;
  createdAt: Date | null;
  accessStart: Date | null;
  accessEnd: Date | null;
  arrangements: ConsentArrangement[];
}

export interface ConsentsPort {
  listForCustomer(customer: NativeRef, status: ConsentStatus | null, page: PageRequest): Promise<Page<Consent>>;
  /** `null` when the provider does not know the consent. */
  get(ref: NativeRef): Promise<Consent | null>;
  /**
   * Revokes every arrangement of the consent and purges the data derived from them (src/domain/purge.ts,
   * with a deletion record naming `requestedBy`, the caller id); answers the consent as it is afterwards.
   */
  revoke(ref: NativeRef, by: ConsentActor, requestedBy?: string): Promise<Consent>;
  /** Revokes the arrangement of one institution login (and purges it); the consent stays ACTIVE while others are. */
  revokeInstitutionLogin(ref: NativeRef, institutionLoginId: string, by: ConsentActor, requestedBy?: string): Promise<Consent>;
}
