import { encodeGlobalId, ref } from '../../domain/global-id.js';
import type { DeletionRecord, DeletionRecords } from '../../domain/deletion-records.js';
import type { PurgeResult, PurgeScope, PurgeTargets } from '../../domain/purge.js';
import type { ProviderKey } from '../../domain/provider.js';
import type { GatewayEvents } from '../../events/gateway-events.js';
import type { ConsentBook } from './consent-book.js';

/** Arrangements of one consent that ended, and what says so. */
export interface EndedArrangements {
  customerId: string;
  receiptId: string;
  /** Institutions whose arrangements ended (native ids); never empty. */
  institutionIds: string[];
  /** Accounts those arrangements shared, when known. */
  accountIds: string[];
  kind: DeletionRecord['kind'];
  cause: DeletionRecord['cause'];
}

export interface ConsentLifecycle {
  /**
   * CDR: when an arrangement is revoked or expires, "Delete all the customer's data collected from
   * these institutions, as well as the data derived from it" (seed 002, Consent Notification Event
   * Types). In order: the consent book records the revocation (every instance refuses reads with
   * CONSENT_REVOKED from then on); every purge target deletes what it holds for the scope; a
   * deletion record is written; `consent.revoked` / `consent.expired` is published. A purge target
   * that fails leaves an incomplete record and the others still run. Answers the record, or null
   * when the same ending was already handled and nothing was left to delete (a notification
   * arriving after the gateway's own revokeConsent).
   */
  ended(ended: EndedArrangements): Promise<DeletionRecord | null>;
}

export interface ConsentLifecycleOptions {
  provider: ProviderKey;
  book: ConsentBook;
  purge: PurgeTargets;
  events: GatewayEvents;
  records: DeletionRecords;
  onPurgeFailure?: (error: unknown, scope: PurgeScope) => void;
}

export function createConsentLifecycle(options: ConsentLifecycleOptions): ConsentLifecycle {
  const { provider, book } = options;
  return {
    async ended(ended) {
      const wasEnded = await book.hasEnded(ended.customerId, ended.receiptId, ended.institutionIds);
      await book.markInactive(ended.customerId, ended.receiptId, ended.institutionIds);
      const scope: PurgeScope = { provider, customerId: ended.customerId, institutionIds: ended.institutionIds, accountIds: ended.accountIds };
      let stores: PurgeResult[];
      let complete = true;
      try {
        stores = await options.purge.purgeAll(scope);
      } catch (error) {
        complete = false;
        stores = (error as { results?: PurgeResult[] }).results ?? [];
        options.onPurgeFailure?.(error, scope);
      }
      if (wasEnded && complete && stores.every((store) => store.deleted === 0)) return null;
      const customerGlobalId = encodeGlobalId(ref(provider, 'Customer', ended.customerId));
      const record = await options.records.write({
        provider,
        customerId: ended.customerId,
        customerGlobalId,
        consentReceiptId: ended.receiptId,
        institutionIds: ended.institutionIds,
        kind: ended.kind,
        cause: ended.cause,
        stores,
        complete,
      });
      options.events.publish(ended.kind === 'expired' ? 'consent.expired' : 'consent.revoked', {
        provider,
        customerId: customerGlobalId,
        consentReceiptId: ended.receiptId,
        institutionIds: ended.institutionIds,
        purged: Object.fromEntries(stores.map((store) => [store.store, store.deleted])),
        deletionRecordId: record.id,
        cause: ended.cause,
      });
      return record;
    },
  };
}
