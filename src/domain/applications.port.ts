import type { ProviderKey } from './provider.js';

/**
 * Applications registered with the provider (Mastercard AU, seed 002 "Applications"): every active
 * customer belongs to one, and FIs only share data with a registered, approved application.
 */
export interface ApplicationInput {
  appName: string | null;
  appDescription: string | null;
  appUrl: string | null;
  /** The application's logo, base64-encoded image bytes. */
  image: string | null;
  legalEntityName: string | null;
  policyUrl: string | null;
  dataComplaintsEmailAddress: string | null;
  /** Logo shown in emails, base64-encoded image bytes. */
  copyrightLogo: string | null;
  businessName: string | null;
  fromEmail: string | null;
  replyToEmail: string | null;
  /** CDR Register organisation id (ADRs under the OSP model). */
  orgId: string | null;
  /** CDR Register software product id (ADRs under the OSP model). */
  softwareId: string | null;
  /** BCDC model only. */
  disclosureType: string | null;
}

/** OTHER: a status the documents do not list (`S` = skipped among them); the raw value is `providerStatus`. */
export const APPLICATION_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'DELETED', 'OTHER'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export interface ApplicationRegistration {
  provider: ProviderKey;
  /** The provider's application id (the `applicationId` active customers are created with). */
  applicationId: string;
  status: ApplicationStatus;
  /** The provider's own status value (`Pending` …). */
  providerStatus: string;
  name: string | null;
  submittedAt: Date | null;
  modifiedAt: Date | null;
}

export interface ApplicationsPort {
  /** Registers an application; BAD_USER_INPUT (before any call) when a field the access model needs is missing or malformed. */
  register(input: ApplicationInput): Promise<ApplicationRegistration>;
  /** The registration status; `null` when the provider does not know the id. */
  status(applicationId: string): Promise<ApplicationRegistration | null>;
}
