import { GatewayError } from '../../domain/errors.js';
import type { ConsentBook } from './consent-book.js';
import type { FinicityClientOptions } from './finicity-client.js';

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
 * A data call for a customer with no consent at all, which the provider refuses for the missing
 * `Consent-Receipt-Id`. NOT_FOUND: nothing of the customer is shared; the accounts list reads it as
 * "no accounts" (adapter.ts).
 */
export class NoConsentError extends GatewayError {
  constructor() {
    super('NOT_FOUND', 'MASTERCARD_AU: the customer has not consented to share any data yet (no consent receipt); the customer must finish Connect first', {
      provider: 'MASTERCARD_AU',
      retryable: false,
    });
  }
}

/**
 * The AU hooks on the platform client.
 *
 * Every data call carries the customer's receipt id (seed 002: "To be able to fetch any customer
 * financial data, you will need a Consent Receipt ID"; the reference app sends `Consent-Receipt-Id`
 * on data calls, au-reference-app-extract.json `dataCalls`). The receipt comes from the shared
 * consent book; for a customer the book has not seen, `learn` lists the customer's consents once
 * (one `GET /data-sharing-consents` per customer, shared by concurrent calls) and the book
 * remembers them for every instance. A customer with no consent at all is sent without the header
 * (an unknown customer is then the provider's 14001) and its 10005 "Missing parameter" becomes
 * {@link NoConsentError}; the consents are listed again on the next call (a consent can appear any time).
 *
 * A revoked consent is decided from two signals (the docs name no dedicated code):
 * - 10215 "Consent receipt not found" on a data call: the receipt we sent no longer gives access
 *   (the provider's consent API answers the same code for revoked and unknown receipts);
 * - 38003 "account not found" for an account the book knows was shared under a revoked or expired
 *   arrangement: CDR hides such accounts (openbanking-us.yaml InstitutionArrangementStatusDetails).
 */
export function consentHooks(
  book: ConsentBook,
  learn?: (customerId: string) => Promise<void>,
): Pick<FinicityClientOptions, 'dataHeaders' | 'mapError'> {
  const learning = new Map<string, Promise<void>>();

  async function receiptOf(customerId: string): Promise<string | undefined> {
    const known = await book.receiptFor(customerId);
    if (known !== undefined || !learn) return known;
    let pending = learning.get(customerId);
    if (!pending) {
      pending = learn(customerId).finally(() => learning.delete(customerId));
      learning.set(customerId, pending);
    }
    await pending;
    return book.receiptFor(customerId);
  }

  return {
    async dataHeaders(request): Promise<Record<string, string>> {
      if (!request.data) return {};
      const receiptId = await receiptOf(request.data.customerId);
      return receiptId ? { 'Consent-Receipt-Id': receiptId } : {};
    },
    async mapError(error, request) {
      if (!request.data) return error;
      const { customerId, accountId } = request.data;
      // Sent without a receipt because the customer has none: the provider's 10005 "Missing parameter".
      if (error.providerCode === '10005' && request.extraHeaders?.['Consent-Receipt-Id'] === undefined) return new NoConsentError();
      if (error.providerCode === '10215') {
        const sent = request.extraHeaders?.['Consent-Receipt-Id'];
        if (sent === undefined) return error;
        const consents = await book.consentsOf(customerId);
        if (consents.some((consent) => consent.receiptId === sent && consent.active)) await book.markInactive(customerId, sent);
        return consentRevoked(error);
      }
      if (error.providerCode === '38003' && accountId !== undefined && (await book.isAccountRevoked(customerId, accountId))) {
        return consentRevoked(error);
      }
      return error;
    },
  };
}
