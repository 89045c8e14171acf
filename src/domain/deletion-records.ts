import { randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import type { PurgeResult } from './purge.js';
import type { ProviderKey } from './provider.js';

/**
 * Records that the gateway deleted a customer's data because an arrangement ended (CDR Rule 1.18,
 * "CDR data deletion process": a data recipient that deletes CDR data makes a record of it; Rule
 * 9.3(2) lists such records among those an accredited person keeps). A record says what was
 * deleted (per store, how many objects), for which customer, consent and institutions, when and
 * why — never the deleted data itself.
 */
export interface DeletionRecord {
  /** `del_…`, unique. */
  id: string;
  provider: ProviderKey;
  /** The provider's native customer id and the gateway's global id of the customer. */
  customerId: string;
  customerGlobalId: string;
  consentReceiptId: string;
  /** Institutions whose arrangements ended (native ids). */
  institutionIds: string[];
  /** `revoked` or `expired`. */
  kind: 'revoked' | 'expired';
  /** What triggered it: a provider event (its `eventId`) or a caller of the gateway (its caller id). */
  cause: { type: 'provider-event'; eventId: string; eventType: string } | { type: 'caller'; callerId: string };
  /** Objects deleted per store (PurgeTarget names). */
  stores: PurgeResult[];
  /** False when a store failed; the record then lists the stores that succeeded. */
  complete: boolean;
  /** ISO-8601 UTC. */
  deletedAt: string;
}

/**
 * How long deletion records are kept: six years, the period CDR Rule 9.3 sets for the records an
 * accredited person must keep ("for a period of 6 years beginning on the day the record was
 * created", Rule 9.3(3)). README "Consent lifecycle" explains the choice.
 */
export const DELETION_RECORD_RETENTION_MS = 6 * 366 * 24 * 60 * 60 * 1000;
/** Records one listing page may return. */
export const MAX_DELETION_RECORD_PAGE = 100;

export interface DeletionRecordPage {
  records: DeletionRecord[];
  /** Offset of the first record in the newest-first list. */
  offset: number;
  hasMore: boolean;
  totalCount: number;
}

export interface DeletionRecords {
  write(record: Omit<DeletionRecord, 'id' | 'deletedAt'>): Promise<DeletionRecord>;
  get(id: string): Promise<DeletionRecord | undefined>;
  /** Newest first; `limit` is capped at {@link MAX_DELETION_RECORD_PAGE}. */
  list(page: { offset: number; limit: number }): Promise<DeletionRecordPage>;
}

interface IndexEntry {
  id: string;
  /** Epoch ms the record expires. */
  expiresAt: number;
}

/**
 * Deletion records in the keyv store (`CACHE_URL`: every instance sees every record), each under its
 * own key with the retention as TTL, plus one index of ids (newest first) for paging, pruned of
 * expired ids on each write. The index is read-modify-write: two instances writing in the same
 * instant can drop one id from the index (the record itself stays readable by id).
 */
export function createDeletionRecords(store: Keyv, now: () => number = Date.now): DeletionRecords {
  const recordKey = (id: string) => `deletion-record:${id}`;
  const INDEX_KEY = 'deletion-records:index';
  const index = async (): Promise<IndexEntry[]> => ((await store.get<IndexEntry[]>(INDEX_KEY)) ?? []).filter((entry) => entry.expiresAt > now());
  return {
    async write(fields) {
      const at = now();
      const record: DeletionRecord = { id: `del_${randomUUID()}`, deletedAt: new Date(at).toISOString(), ...fields };
      await store.set(recordKey(record.id), record, DELETION_RECORD_RETENTION_MS);
      const entries = await index();
      await store.set(INDEX_KEY, [{ id: record.id, expiresAt: at + DELETION_RECORD_RETENTION_MS }, ...entries], DELETION_RECORD_RETENTION_MS);
      return record;
    },
    async get(id) {
      return (await store.get<DeletionRecord>(recordKey(id))) ?? undefined;
    },
    async list({ offset, limit }) {
      const entries = await index();
      const size = Math.min(Math.max(limit, 0), MAX_DELETION_RECORD_PAGE);
      const slice = entries.slice(offset, offset + size);
      const records = (await Promise.all(slice.map((entry) => store.get<DeletionRecord>(recordKey(entry.id))))).filter(
        (record): record is DeletionRecord => record !== undefined && record !== null,
      );
      return { records, offset, hasMore: offset + slice.length < entries.length, totalCount: entries.length };
    },
  };
}
