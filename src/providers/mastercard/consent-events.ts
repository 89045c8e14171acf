import { z } from 'zod/v4';
import type { ConsentEventOutcome } from '../../domain/consent-notifications.port.js';
import { readOne, type ReadContext } from '../record-reader.js';
import type { ConsentBook } from './consent-book.js';
import type { ConsentLifecycle } from './consent-lifecycle.js';
import { consentSchema, toConsent } from './consents.js';
import type { MastercardRegion } from './region.js';
import { flexibleId } from './wire.js';

/**
 * A consent notification (seed 002, Consent Notifications Structure): `eventId`, `eventType`,
 * `eventContext`, `eventTime`, `customerId`, and `payload` with `changes` (`summary`, `details`
 * per arrangement: `consentReceiptId`, `institutionId`, `institutionLoginId`, `accountIds`) and
 * `consent` (read with the consent APIs' schema).
 */
const detailSchema = z
  .object({
    consentReceiptId: z.string().min(1),
    institutionId: flexibleId,
    institutionLoginId: flexibleId.nullish(),
    accountIds: z.array(flexibleId).default([]),
  })
  .passthrough();
const eventSchema = z
  .object({
    eventId: z.string().min(1),
    eventType: z.string().min(1),
    eventContext: z.string(),
    customerId: flexibleId,
    payload: z
      .object({
        changes: z.object({ summary: z.string().nullish(), details: z.array(detailSchema).default([]) }).passthrough().nullish(),
        consent: z.unknown().optional(),
      })
      .passthrough()
      .nullish(),
  })
  .passthrough();

export interface ConsentEventHandlerOptions {
  region: MastercardRegion;
  book: ConsentBook;
  lifecycle: ConsentLifecycle;
}

/** Acts on a verified consent notification; see ConsentNotificationsPort.receive. */
export function createConsentEventHandler(options: ConsentEventHandlerOptions): (body: unknown) => Promise<ConsentEventOutcome> {
  const { region, book, lifecycle } = options;
  const context: ReadContext = { provider: region.provider, operation: 'consentEvents.receive' };

  /** The consent after the change; an unreadable one is skipped with a warning (tolerant reader). */
  async function rememberConsent(raw: unknown): Promise<void> {
    if (raw === undefined || raw === null) return;
    try {
      await book.remember(readOne(consentSchema, raw, context, (wire) => toConsent(region, wire, context), { idField: 'consentReceiptId' }));
    } catch {
      // readOne has already counted the unreadable record as a provider-data warning.
    }
  }

  return async (body) => {
    const parsed = eventSchema.safeParse(body);
    if (!parsed.success) return { action: 'ignored', reason: 'malformed' };
    const event = parsed.data;
    // "1. Check that `Event-Context` is `CONSENT`." (seed 002, Processing Consent Notifications)
    if (event.eventContext !== 'CONSENT') return { action: 'ignored', reason: 'wrong-context' };
    const details = event.payload?.changes?.details ?? [];
    switch (event.eventType) {
      case 'CONSENT_CREATED':
      case 'INSTITUTIONS_ADDED':
        // "No action required"; the consent book learns the receipt id data calls need.
        await rememberConsent(event.payload?.consent);
        return { action: 'remembered' };
      case 'INSTITUTIONS_REVOKED':
      case 'INSTITUTIONS_EXPIRED': {
        // "Check the `changes` structure inside the event payload to see which institutions the
        // revoked arrangements relate to", then delete their data (seed 002).
        const byReceipt = new Map<string, { institutionIds: Set<string>; accountIds: Set<string> }>();
        for (const detail of details) {
          const entry = byReceipt.get(detail.consentReceiptId) ?? { institutionIds: new Set(), accountIds: new Set() };
          entry.institutionIds.add(detail.institutionId);
          for (const id of detail.accountIds) entry.accountIds.add(id);
          byReceipt.set(detail.consentReceiptId, entry);
        }
        if (byReceipt.size === 0) return { action: 'ignored', reason: 'malformed' };
        let last: ConsentEventOutcome = { action: 'remembered' };
        for (const [receiptId, entry] of byReceipt) {
          const record = await lifecycle.ended({
            customerId: event.customerId,
            receiptId,
            institutionIds: [...entry.institutionIds],
            accountIds: [...entry.accountIds],
            kind: event.eventType === 'INSTITUTIONS_EXPIRED' ? 'expired' : 'revoked',
            cause: { type: 'provider-event', eventId: event.eventId, eventType: event.eventType },
          });
          last = record ? { action: 'purged', deletionRecordId: record.id, complete: record.complete } : { action: 'already-purged' };
        }
        // The consent after the change is not remembered: its ended arrangements are what was just
        // purged, and the book's revocation already says they ended.
        return last;
      }
      default:
        return { action: 'ignored', reason: 'unknown-event-type' };
    }
  };
}
