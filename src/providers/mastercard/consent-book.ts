import type Keyv from 'keyv';
import type { Consent } from '../../domain/consents.port.js';
import type { ProviderKey } from '../../domain/provider.js';
import type { PurgeScope, PurgeTarget } from '../../domain/purge.js';

/**
 * What the gateway knows about its customers' CDR consents (Mastercard AU), kept in the keyv store
 * (`CACHE_URL`) so every instance sharing it agrees: data calls carry `Consent-Receipt-Id` (seed 002:
 * "To be able to fetch any customer financial data, you will need a Consent Receipt ID"), and an
 * arrangement revoked or expired anywhere surfaces as CONSENT_REVOKED on every instance.
 *
 * One entry per customer holds two parts:
 * - `consents`: the consents as last read or notified (receipt, status, arrangements with their
 *   account ids). Derived from the customer's data: the consent purge deletes them (`purgeTarget`).
 * - `revocations`: what ended, when (receipt, institutions, account ids). Not the customer's data but
 *   the refusal itself; kept after a purge so later reads are refused with CONSENT_REVOKED instead
 *   of looking like a customer without accounts.
 *
 * Writes are read-modify-write of one key: two instances changing one customer's entry in the same
 * instant can lose one change; the next consent read or notification writes it again.
 */
export interface ConsentBook {
  remember(consent: Consent): Promise<void>;
  /** The receipt id to send for a customer: the newest ACTIVE consent, else the newest known or revoked one. */
  receiptFor(customerId: string): Promise<string | undefined>;
  /** An arrangement (institutionIds) or the whole consent (null) ended: recorded as a revocation. */
  markInactive(customerId: string, receiptId: string, institutionIds?: readonly string[] | null): Promise<void>;
  /** Whether a revocation of this receipt already covers every one of `institutionIds`. */
  hasEnded(customerId: string, receiptId: string, institutionIds: readonly string[]): Promise<boolean>;
  /** True when the account was shared under an arrangement known to be revoked or expired, and under no active one. */
  isAccountRevoked(customerId: string, accountId: string): Promise<boolean>;
  /** The customer's known consents (for the purge scope: which accounts an institution shared). */
  consentsOf(customerId: string): Promise<readonly KnownConsent[]>;
  /** The purge target `consent-book` (src/domain/purge.ts): the cached consents, never the revocations. */
  readonly purgeTarget: PurgeTarget;
}

export interface KnownArrangement {
  institutionId: string;
  institutionLoginId: string;
  active: boolean;
  accountIds: string[];
}

export interface KnownConsent {
  receiptId: string;
  active: boolean;
  /** Epoch ms; 0 when unknown. */
  createdAt: number;
  arrangements: KnownArrangement[];
}

interface Revocation {
  receiptId: string;
  /** null: every institution of the consent. */
  institutionIds: string[] | null;
  accountIds: string[];
  /** Epoch ms. */
  at: number;
}

interface BookEntry {
  consents: KnownConsent[];
  revocations: Revocation[];
}

/**
 * How long an entry lives after its last change: a CDR consent lasts at most 12 months (seed 002
 * "accessPeriod"; CDR Rule 4.12), plus a month, so a revocation outlives any receipt it refers to.
 */
export const CONSENT_BOOK_TTL_MS = 395 * 24 * 60 * 60 * 1000;
/** Revocations kept per customer (newest first); far more than one customer ever has. */
const MAX_REVOCATIONS = 50;

export interface ConsentBookOptions {
  provider: ProviderKey;
  store: Keyv;
  now?: () => number;
}

export function createConsentBook(options: ConsentBookOptions): ConsentBook {
  const { store, provider } = options;
  const now = options.now ?? Date.now;
  const keyOf = (customerId: string) => `consent-book:${provider}:${customerId}`;
  const read = async (customerId: string): Promise<BookEntry> =>
    (await store.get<BookEntry>(keyOf(customerId))) ?? { consents: [], revocations: [] };
  const write = async (customerId: string, entry: BookEntry): Promise<void> => {
    if (entry.consents.length === 0 && entry.revocations.length === 0) await store.delete(keyOf(customerId));
    else await store.set(keyOf(customerId), entry, CONSENT_BOOK_TTL_MS);
  };

  const inScope = (scope: PurgeScope, arrangement: KnownArrangement): boolean =>
    scope.institutionIds === null || scope.institutionIds.includes(arrangement.institutionId);

  async function countOrPurge(scope: PurgeScope, purge: boolean): Promise<number> {
    if (scope.provider !== provider) return 0;
    const entry = await read(scope.customerId);
    let matched = 0;
    const consents: KnownConsent[] = [];
    for (const consent of entry.consents) {
      const kept = consent.arrangements.filter((arrangement) => !inScope(scope, arrangement));
      matched += consent.arrangements.length - kept.length;
      // A consent with none of its arrangements left says nothing worth keeping.
      if (kept.length > 0) consents.push({ ...consent, arrangements: kept });
    }
    if (purge && matched > 0) await write(scope.customerId, { ...entry, consents });
    return matched;
  }

  return {
    async remember(consent) {
      const customerId = consent.customerRef.id;
      const entry = await read(customerId);
      const known: KnownConsent = {
        receiptId: consent.receiptId,
        active: consent.status === 'ACTIVE',
        createdAt: consent.createdAt?.getTime() ?? 0,
        arrangements: consent.arrangements.map((arrangement) => ({
          institutionId: arrangement.institutionId,
          institutionLoginId: arrangement.institutionLoginId,
          active: arrangement.status === 'ACTIVE',
          accountIds: [...arrangement.accountIds],
        })),
      };
      await write(customerId, { ...entry, consents: [...entry.consents.filter((c) => c.receiptId !== consent.receiptId), known] });
    },
    async receiptFor(customerId) {
      const entry = await read(customerId);
      const newestFirst = [...entry.consents].sort((a, b) => b.createdAt - a.createdAt);
      return (newestFirst.find((consent) => consent.active) ?? newestFirst[0])?.receiptId ?? entry.revocations[0]?.receiptId;
    },
    async markInactive(customerId, receiptId, institutionIds = null) {
      const entry = await read(customerId);
      const accountIds = new Set<string>();
      const consents = entry.consents.map((consent) => {
        if (consent.receiptId !== receiptId) return consent;
        const arrangements = consent.arrangements.map((arrangement) => {
          if (institutionIds !== null && !institutionIds.includes(arrangement.institutionId)) return arrangement;
          for (const id of arrangement.accountIds) accountIds.add(id);
          return { ...arrangement, active: false };
        });
        return { ...consent, arrangements, active: arrangements.some((arrangement) => arrangement.active) };
      });
      const revocation: Revocation = { receiptId, institutionIds: institutionIds === null ? null : [...institutionIds], accountIds: [...accountIds], at: now() };
      await write(customerId, { consents, revocations: [revocation, ...entry.revocations].slice(0, MAX_REVOCATIONS) });
    },
    async hasEnded(customerId, receiptId, institutionIds) {
      const revocations = (await read(customerId)).revocations.filter((revocation) => revocation.receiptId === receiptId);
      return institutionIds.every((id) => revocations.some((revocation) => revocation.institutionIds === null || revocation.institutionIds.includes(id)));
    },
    async isAccountRevoked(customerId, accountId) {
      const entry = await read(customerId);
      const shares = (arrangement: KnownArrangement) => arrangement.accountIds.includes(accountId);
      const stillShared = entry.consents.some((consent) => consent.active && consent.arrangements.some((a) => a.active && shares(a)));
      // An inactive consent revoked all of its arrangements (openbanking-us.yaml RevokeDataSharingConsentById).
      const withdrawn =
        entry.consents.some((consent) => consent.arrangements.some((a) => (!a.active || !consent.active) && shares(a))) ||
        entry.revocations.some((revocation) => revocation.accountIds.includes(accountId));
      return withdrawn && !stillShared;
    },
    async consentsOf(customerId) {
      return (await read(customerId)).consents;
    },
    purgeTarget: {
      name: 'consent-book',
      count: (scope) => countOrPurge(scope, false),
      purge: (scope) => countOrPurge(scope, true),
    },
  };
}
