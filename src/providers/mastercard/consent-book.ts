import { LRUCache } from 'lru-cache';
import { GatewayError } from '../../domain/errors.js';
import type { Consent } from '../../domain/consents.port.js';
import type { FinicityClientOptions } from './finicity-client.js';

/**
 * What this gateway instance knows about its customers' CDR consents (Mastercard AU), so data
 * calls can carry `Consent-Receipt-Id` "once a consent receipt id is known" (au-notes.md,
 * Transport and auth; the reference app does the same) and a revoked consent surfaces as
 * CONSENT_REVOKED instead of as accounts silently disappearing.
 *
 * It learns from the consent operations (list, get, revoke) and from `remember()` (the consent
 * webhooks, CONSENT_CREATED / CONSENT_REVOKED, can feed it). It never looks a consent up on its
 * own: a customer whose consent it has not seen gets data calls without the header, exactly as
 * before. It is per process and bounded; with several instances each learns on its own.
 */
export interface ConsentBook {
  remember(consent: Consent): void;
  /** The receipt id to send for a customer: the newest ACTIVE consent, else the newest known one. */
  receiptFor(customerId: string): string | undefined;
  /** After the provider or the caller said the consent no longer gives access. */
  markInactive(customerId: string, receiptId: string): void;
  /** True when the account was shared under an arrangement known to be revoked or expired. */
  isAccountRevoked(customerId: string, accountId: string): boolean;
  forget(customerId: string): void;
}

interface KnownConsent {
  receiptId: string;
  active: boolean;
  createdAt: number;
  /** Accounts shared under an arrangement that is still ACTIVE. */
  sharedAccountIds: ReadonlySet<string>;
  /** Accounts shared under a revoked or expired arrangement. */
  revokedAccountIds: ReadonlySet<string>;
}

/** Customers remembered at most; the least recently used is dropped first. */
const MAX_CUSTOMERS = 10_000;

export function createConsentBook(maxCustomers = MAX_CUSTOMERS): ConsentBook {
  const byCustomer = new LRUCache<string, Map<string, KnownConsent>>({ max: maxCustomers });

  function consentsOf(customerId: string): Map<string, KnownConsent> {
    let known = byCustomer.get(customerId);
    if (!known) {
      known = new Map();
      byCustomer.set(customerId, known);
    }
    return known;
  }

  return {
    remember(consent) {
      const sharedAccountIds = new Set<string>();
      const revokedAccountIds = new Set<string>();
      for (const arrangement of consent.arrangements) {
        const into = arrangement.status === 'ACTIVE' ? sharedAccountIds : revokedAccountIds;
        for (const id of arrangement.accountIds) into.add(id);
      }
      consentsOf(consent.customerRef.id).set(consent.receiptId, {
        receiptId: consent.receiptId,
        active: consent.status === 'ACTIVE',
        createdAt: consent.createdAt?.getTime() ?? 0,
        sharedAccountIds,
        revokedAccountIds,
      });
    },
    receiptFor(customerId) {
      const known = [...(byCustomer.get(customerId)?.values() ?? [])];
      if (known.length === 0) return undefined;
      const newestFirst = known.sort((a, b) => b.createdAt - a.createdAt);
      return (newestFirst.find((consent) => consent.active) ?? newestFirst[0])?.receiptId;
    },
    markInactive(customerId, receiptId) {
      const consent = byCustomer.get(customerId)?.get(receiptId);
      if (consent) consent.active = false;
    },
    isAccountRevoked(customerId, accountId) {
      const known = byCustomer.get(customerId);
      if (!known) return false;
      const consents = [...known.values()];
      // An inactive consent revoked all of its arrangements (openbanking-us.yaml RevokeDataSharingConsentById).
      const stillShared = consents.some((consent) => consent.active && consent.sharedAccountIds.has(accountId));
      const withdrawn = consents.some(
        (consent) => consent.revokedAccountIds.has(accountId) || (!consent.active && consent.sharedAccountIds.has(accountId)),
      );
      return withdrawn && !stillShared;
    },
    forget(customerId) {
      byCustomer.delete(customerId);
    },
  };
}

function consentRevoked(error: GatewayError): GatewayError {
  return new GatewayError(
    'CONSENT_REVOKED',
    `${error.provider ?? 'MASTERCARD_AU'}: the customer's consent for this data has been revoked or has expired; the customer must consent again through Connect`,
    {
      ...(error.provider === undefined ? {} : { provider: error.provider }),
      ...(error.providerStatus === undefined ? {} : { providerStatus: error.providerStatus }),
      ...(error.providerCode === undefined ? {} : { providerCode: error.providerCode }),
      retryable: false,
      cause: error,
    },
  );
}

/**
 * The AU hooks on the platform client. A data call carries the customer's known receipt id. A
 * revoked consent is decided from two signals (the docs name no dedicated code):
 * - 10215 "Consent receipt not found" on a data call: the receipt we sent no longer gives access
 *   (the provider's consent API answers the same code for revoked and unknown receipts);
 * - 38003 "account not found" for an account the book knows was shared under a revoked or expired
 *   arrangement: CDR hides such accounts (openbanking-us.yaml InstitutionArrangementStatusDetails).
 */
export function consentHooks(book: ConsentBook): Pick<FinicityClientOptions, 'dataHeaders' | 'mapError'> {
  return {
    dataHeaders(request): Record<string, string> {
      const receiptId = request.data ? book.receiptFor(request.data.customerId) : undefined;
      // Mastercard AU: `Consent-Receipt-Id` on data calls (au-reference-app-extract.json, headers.dataCalls).
      return receiptId ? { 'Consent-Receipt-Id': receiptId } : {};
    },
    mapError(error, request) {
      if (!request.data) return error;
      const { customerId, accountId } = request.data;
      if (error.providerCode === '10215') {
        const receiptId = book.receiptFor(customerId);
        if (receiptId === undefined) return error;
        book.markInactive(customerId, receiptId);
        return consentRevoked(error);
      }
      if (error.providerCode === '38003' && accountId !== undefined && book.isAccountRevoked(customerId, accountId)) {
        return consentRevoked(error);
      }
      return error;
    },
  };
}
