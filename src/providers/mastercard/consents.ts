import { z } from 'zod/v4';
import { GatewayError } from '../../domain/errors.js';
import type { ArrangementStatus, Consent, ConsentArrangement, ConsentsPort, ConsentStatus } from '../../domain/consents.port.js';
import { ref, type NativeRef } from '../../domain/global-id.js';
import type { ConsentBook } from './consent-book.js';
import type { ConsentLifecycle } from './consent-lifecycle.js';
import type { FinicityClient } from './finicity-client.js';
import { windowFromPages } from './page-index.js';
import { segment, type MastercardRegion } from './region.js';
import { warnProviderData } from '../../observability/data-warnings.js';
import { readOne, readRecordsInPlace, type ReadContext } from '../record-reader.js';
import { flexibleId, recordBodySchema } from './wire.js';

/**
 * Mastercard AU consent APIs (seed 002, Consent APIs "Managing Consent"). The AU docs give paths
 * only; the shapes are the shared platform's DataSharingConsentReceipt (openbanking-us.yaml), whose
 * dates are ISO-8601 strings, unlike the aggregation APIs' epoch seconds.
 */
const text = z.string().nullish();
const statusDetails = z.object({ status: z.string(), statusDate: text }).passthrough();
const period = z.object({ startDate: text, endDate: text }).passthrough().nullish();

const arrangementSchema = z
  .object({
    institutionId: flexibleId,
    institutionLoginId: flexibleId,
    institutionName: text,
    accounts: z.array(z.object({ id: flexibleId }).passthrough()).default([]),
    createdDate: text,
    lastUpdatedBy: text,
    statusDetails,
    accessPeriod: period,
    dataScopes: z.array(z.object({ id: z.string() }).passthrough()).default([]),
  })
  .passthrough();

export const consentSchema = z
  .object({
    consentReceiptId: z.string().min(1),
    receiptVersion: z.number().nullish(),
    customerId: flexibleId,
    customerCategory: text,
    purpose: text,
    purposeStatement: text,
    applicationName: text,
    allowedTrnxHistoryInDays: z.number().nullish(),
    createdDate: text,
    statusDetails,
    institutions: z.array(arrangementSchema).default([]),
    accessPeriod: period,
  })
  .passthrough();
type WireConsent = z.infer<typeof consentSchema>;

/** Consents are read one by one with consentSchema (record-reader.ts): one odd consent fails alone. */
const consentListSchema = z.object({
  found: z.number().nullish(),
  moreAvailable: z.boolean().nullish(),
  consents: z.array(z.unknown()).default([]),
});

const READ_OPTIONS = { idField: 'consentReceiptId' } as const;

/** ConsentStatusDetails: ACTIVE while at least one data holder is, else INACTIVE (openbanking-us.yaml). */
function consentStatusOf(status: string, context: ReadContext): ConsentStatus {
  switch (status) {
    case 'ACTIVE':
      return 'ACTIVE';
    case 'INACTIVE':
      return 'INACTIVE';
    default:
      // Two values are documented; guessing "active" for a new one could expose data CDR forbids, so
      // the fallback is the one that grants nothing.
      warnProviderData(context.provider, context.operation, 'statusDetails.status', 'unknown_enum');
      return 'INACTIVE';
  }
}

/** InstitutionArrangementStatusDetails: ACTIVE, REVOKED, EXPIRED (openbanking-us.yaml). */
function arrangementStatusOf(status: string, context: ReadContext): ArrangementStatus {
  switch (status) {
    case 'ACTIVE':
      return 'ACTIVE';
    case 'REVOKED':
      return 'REVOKED';
    case 'EXPIRED':
      return 'EXPIRED';
    default:
      // Not ACTIVE, so no access: kept visible as OTHER with the raw value in providerStatus.
      warnProviderData(context.provider, context.operation, 'institutions.statusDetails.status', 'unknown_enum');
      return 'OTHER';
  }
}

/** A DataSharingConsentReceipt (openbanking-us.yaml) as a unified Consent; odd dates read as null with a warning. */
export function toConsent(region: MastercardRegion, wire: WireConsent, context: ReadContext): Consent {
  const isoDate = (value: string | null | undefined, field: string): Date | null => {
    if (!value) return null;
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
    warnProviderData(context.provider, context.operation, field, 'unparsable');
    return null;
  };
  const arrangements: ConsentArrangement[] = wire.institutions.map((institution) => ({
    institutionId: institution.institutionId,
    institutionName: institution.institutionName ?? null,
    institutionLoginId: institution.institutionLoginId,
    status: arrangementStatusOf(institution.statusDetails.status, context),
    providerStatus: institution.statusDetails.status,
    statusAt: isoDate(institution.statusDetails.statusDate, 'institutions.statusDetails.statusDate'),
    createdAt: isoDate(institution.createdDate, 'institutions.createdDate'),
    accessStart: isoDate(institution.accessPeriod?.startDate, 'institutions.accessPeriod.startDate'),
    accessEnd: isoDate(institution.accessPeriod?.endDate, 'institutions.accessPeriod.endDate'),
    accountIds: institution.accounts.map((account) => account.id),
    dataScopes: institution.dataScopes.map((scope) => scope.id),
    lastUpdatedBy: institution.lastUpdatedBy ?? null,
  }));
  return {
    ref: ref(region.provider, 'Consent', wire.consentReceiptId, wire.customerId),
    provider: region.provider,
    receiptId: wire.consentReceiptId,
    receiptVersion: wire.receiptVersion ?? null,
    customerRef: ref(region.provider, 'Customer', wire.customerId),
    status: consentStatusOf(wire.statusDetails.status, context),
    statusAt: isoDate(wire.statusDetails.statusDate, 'statusDetails.statusDate'),
    purpose: wire.purpose ?? null,
    purposeStatement: wire.purposeStatement ?? null,
    applicationName: wire.applicationName ?? null,
    customerCategory: wire.customerCategory ?? null,
    allowedHistoryDays: wire.allowedTrnxHistoryInDays ?? null,
    createdAt: isoDate(wire.createdDate, 'createdDate'),
    accessStart: isoDate(wire.accessPeriod?.startDate, 'accessPeriod.startDate'),
    accessEnd: isoDate(wire.accessPeriod?.endDate, 'accessPeriod.endDate'),
    arrangements,
  };
}

const isConsentNotFound = (error: unknown): boolean =>
  error instanceof GatewayError && error.code === 'NOT_FOUND' && (error.providerCode === '10215' || error.providerStatus === 404);

export function createConsentsPort(region: MastercardRegion, client: FinicityClient, book: ConsentBook, lifecycle?: ConsentLifecycle): ConsentsPort {
  const path = (receiptId: string): string => `/data-sharing-consents/${segment(receiptId)}`;

  /** CDR: the data shared under the revoked arrangements goes (consent-lifecycle.ts). */
  async function purgeRevoked(consent: Consent, loginIds: readonly string[] | null, requestedBy: string | undefined): Promise<void> {
    const revoked = consent.arrangements.filter((a) => a.status !== 'ACTIVE' && (loginIds === null || loginIds.includes(a.institutionLoginId)));
    if (!lifecycle || revoked.length === 0) return;
    await lifecycle.ended({
      customerId: consent.customerRef.id,
      receiptId: consent.receiptId,
      institutionIds: [...new Set(revoked.map((a) => a.institutionId))],
      accountIds: revoked.flatMap((a) => a.accountIds),
      kind: 'revoked',
      cause: { type: 'caller', callerId: requestedBy ?? 'unknown' },
    });
  }

  async function get(target: NativeRef): Promise<Consent | null> {
    try {
      const body = await client.callJson({ operation: 'consents.get', method: 'GET', path: path(target.id) }, recordBodySchema);
      const context: ReadContext = { provider: region.provider, operation: 'consents.get' };
      const consent = readOne(consentSchema, body, context, (wire) => toConsent(region, wire, context), READ_OPTIONS);
      await book.remember(consent);
      return consent;
    } catch (error) {
      if (isConsentNotFound(error)) return null;
      throw error;
    }
  }

  async function reread(target: NativeRef): Promise<Consent> {
    const consent = await get(target);
    if (!consent) throw new GatewayError('NOT_FOUND', 'Consent not found', { provider: region.provider });
    return consent;
  }

  return {
    listForCustomer(customer, status, page) {
      return windowFromPages(page, async (start, limit) => {
        try {
          const body = await client.callJson(
            {
              operation: 'consents.list',
              method: 'GET',
              path: '/data-sharing-consents',
              // `customer_id` is required; `start` is a page index (openbanking-us.yaml GetDataSharingConsentsByCustomerId).
              query: { customer_id: customer.id, status: status ?? undefined, start, limit },
            },
            consentListSchema,
          );
          const context: ReadContext = { provider: region.provider, operation: 'consents.list' };
          const consents = readRecordsInPlace(consentSchema, body.consents, context, (wire) => toConsent(region, wire, context), READ_OPTIONS);
          for (const consent of consents) if (consent) await book.remember(consent);
          return { items: consents, found: body.found ?? null, moreAvailable: body.moreAvailable ?? false };
        } catch (error) {
          // The spec answers 404 10215 when a customer has no (matching) consent: an empty list here.
          if (isConsentNotFound(error)) return { items: [], found: 0, moreAvailable: false };
          throw error;
        }
      });
    },
    get,
    async revoke(target, by, requestedBy) {
      // "the status of all institutions within the given consent will be revoked and the consent
      // status will be changed to 'INACTIVE'" (openbanking-us.yaml RevokeDataSharingConsentById).
      await client.call({
        operation: 'consents.revoke',
        method: 'DELETE',
        path: path(target.id),
        extraHeaders: { 'Update-By': by },
      });
      const consent = await reread(target);
      if (!lifecycle) await book.markInactive(consent.customerRef.id, consent.receiptId);
      await purgeRevoked(consent, null, requestedBy);
      return consent;
    },
    async revokeInstitutionLogin(target, institutionLoginId, by, requestedBy) {
      if (!/^\d+$/.test(institutionLoginId)) {
        throw new GatewayError('BAD_USER_INPUT', 'institutionLoginId must be the numeric id of an institution login', {
          field: 'institutionLoginId',
        });
      }
      await client.call({
        operation: 'consents.revokeInstitutionLogin',
        method: 'DELETE',
        path: `${path(target.id)}/institutionLogins/${segment(institutionLoginId)}`,
        extraHeaders: { 'Update-By': by },
      });
      const consent = await reread(target);
      await purgeRevoked(consent, [institutionLoginId], requestedBy);
      return consent;
    },
  };
}
