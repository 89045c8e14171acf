import { GatewayError } from '../../domain/errors.js';
import type { CustomerWritePort } from '../../domain/ports.js';
import { createAvailableBalancePort, createLiveBalancePort } from './account-balances.js';
import { createAccountOwnerPort } from './account-owner.js';
import { createMastercardAdapter, type MastercardAdapter, type MastercardAdapterOptions } from './adapter.js';
import { AU_REGION, type AuAccessModel } from './au.js';
import { checkAuCustomer } from './au-customer-rules.js';
import { consentHooks, createConsentBook, type ConsentBook } from './consent-book.js';
import { createConsentsPort } from './consents.js';
import { createConnectPort } from './connect.js';
import { createInstitutionsPort } from './institutions.js';
import { createPaymentDetailsPort } from './payment-details.js';

export interface MastercardAuAdapterOptions extends Omit<MastercardAdapterOptions, 'region' | 'clientHooks'> {
  /** MASTERCARD_AU_ACCESS_MODEL: decides the customer category / ABN rules (seed 000). */
  accessModel: AuAccessModel;
}

export interface MastercardAuAdapter extends MastercardAdapter {
  /** Known consents per customer; consent webhooks may feed it (`remember`, `markInactive`). */
  readonly consentBook: ConsentBook;
}

/** The provider's own "Invalid parameter (abn)" / "Missing parameter (abn)" names the input field. */
const PARAMETER_IN_MESSAGE = /(?:Invalid|Missing) parameter \((\w+)\)/;
/** Body fields that come from `input.mastercardAu` rather than the unified input. */
const AU_INPUT_FIELDS: ReadonlySet<string> = new Set(['abn', 'applicationId']);

function withInputField(error: unknown): never {
  if (error instanceof GatewayError && error.code === 'BAD_USER_INPUT' && error.field === undefined) {
    const name = PARAMETER_IN_MESSAGE.exec(error.message)?.[1];
    if (name) {
      throw new GatewayError(error.code, error.message, {
        ...(error.provider === undefined ? {} : { provider: error.provider }),
        ...(error.providerStatus === undefined ? {} : { providerStatus: error.providerStatus }),
        ...(error.providerCode === undefined ? {} : { providerCode: error.providerCode }),
        field: AU_INPUT_FIELDS.has(name) ? `input.mastercardAu.${name}` : `input.${name}`,
        cause: error,
      });
    }
  }
  throw error;
}

/**
 * Mastercard Open Banking Australia: the shared Finicity-platform adapter with the AU region
 * (headers, v3 paths, AUD), plus the CDR specifics: customer category/ABN rules checked before any
 * call, `Consent-Receipt-Id` on data calls and CONSENT_REVOKED, consents, institutions, Connect
 * links, and the payment-enablement products (details, balances, owner).
 * The lending products (consumers, reports) plug in from ./lending/ the same way.
 */
export function createMastercardAuAdapter(options: MastercardAuAdapterOptions): MastercardAuAdapter {
  const { accessModel, ...common } = options;
  const region = AU_REGION;
  const consentBook = createConsentBook();
  const base = createMastercardAdapter({ ...common, region, clientHooks: consentHooks(consentBook) });
  const { client } = base;
  const baseWrite = base.customerWrite!;
  const customerWrite: CustomerWritePort = {
    // Checked inside the promise chain: a port method rejects, it never throws synchronously.
    create: (input) =>
      Promise.resolve()
        .then(() => baseWrite.create(checkAuCustomer(input, accessModel)))
        .catch(withInputField),
    update: (target, input) => baseWrite.update(target, input),
  };
  return {
    ...base,
    customerWrite,
    consentBook,
    institutions: createInstitutionsPort(region, client),
    consents: createConsentsPort(region, client, consentBook),
    connect: createConnectPort(region, client, options.credentials.partnerId, options.now ?? Date.now),
    paymentDetails: createPaymentDetailsPort(region, client),
    availableBalance: createAvailableBalancePort(region, client, options.metrics),
    liveBalance: createLiveBalancePort(region, client, options.metrics),
    accountOwner: createAccountOwnerPort(region, client, options.metrics),
  };
}
