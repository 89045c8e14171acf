import { GatewayError } from '../../domain/errors.js';
import type { CustomerWritePort } from '../../domain/ports.js';
import { createAccountFiltersPort, createAccountHistoryPort, createAccountRefreshPort } from './account-aggregation.js';
import { createAvailableBalancePort, createLiveBalancePort } from './account-balances.js';
import { createApplicationsPort } from './applications.js';
import { createAccountOwnerPort } from './account-owner.js';
import { createMastercardAdapter, type MastercardAdapter, type MastercardAdapterOptions } from './adapter.js';
import { AU_REGION, type AuAccessModel } from './au.js';
import { checkAuCustomer } from './au-customer-rules.js';
import type Keyv from 'keyv';
import { createDeletionRecords } from '../../domain/deletion-records.js';
import type { PurgeTargets } from '../../domain/purge.js';
import type { GatewayEvents } from '../../events/gateway-events.js';
import { createConsentEventHandler } from './consent-events.js';
import { createConsentLifecycle } from './consent-lifecycle.js';
import { createConsentSubscriptionCalls } from './consent-subscriptions.js';
import type { ConsentsPort } from '../../domain/consents.port.js';
import { ref } from '../../domain/global-id.js';
import { createConsentBook, type ConsentBook } from './consent-book.js';
import { consentHooks } from './consent-hooks.js';
import { createConsentsPort } from './consents.js';
import { createInstitutionsPort } from './institutions.js';
import { createPaymentDetailsPort } from './payment-details.js';

export interface MastercardAuAdapterOptions extends Omit<MastercardAdapterOptions, 'region' | 'clientHooks'> {
  /** MASTERCARD_AU_ACCESS_MODEL: decides the customer category / ABN rules (seed 000). */
  accessModel: AuAccessModel;
  /** The keyv store (CACHE_URL): the consent book and the deletion records live there, shared by every instance. */
  store: Keyv;
  /** Every store holding customer-derived data: an ended arrangement purges them all. */
  purge: PurgeTargets;
  events: GatewayEvents;
}

export interface MastercardAuAdapter extends MastercardAdapter {
  /** Known consents per customer, shared through the keyv store; consent notifications feed it. */
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
 * call, `Consent-Receipt-Id` on data calls and CONSENT_REVOKED, consents, institutions (Connect is composed on in module.ts),
 * links, and the payment-enablement products (details, balances, owner).
 * The lending products (consumers, reports) plug in from ./lending/ the same way.
 */
export function createMastercardAuAdapter(options: MastercardAuAdapterOptions): MastercardAuAdapter {
  const { accessModel, store, purge, events, ...common } = options;
  const region = AU_REGION;
  const consentBook = createConsentBook({ provider: region.provider, store, ...(options.now ? { now: options.now } : {}) });
  // The consents port needs the client and the client's hooks need the port (to learn a receipt id).
  let consents: ConsentsPort | undefined;
  const learn = async (customerId: string): Promise<void> => {
    // Newest first (the provider's default order); one page is plenty (one consent per purpose).
    await consents?.listForCustomer(ref(region.provider, 'Customer', customerId), null, { offset: 0, limit: 25 });
  };
  const base = createMastercardAdapter({ ...common, region, clientHooks: consentHooks(consentBook, learn) });
  const { client } = base;
  const lifecycle = createConsentLifecycle({
    provider: region.provider,
    book: consentBook,
    purge,
    events,
    records: createDeletionRecords(store, options.now),
  });
  consents = createConsentsPort(region, client, consentBook, lifecycle);
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
    consents,
    consentNotifications: {
      ...createConsentSubscriptionCalls(region, client),
      receive: createConsentEventHandler({ region, book: consentBook, lifecycle }),
    },
    paymentDetails: createPaymentDetailsPort(region, client),
    availableBalance: createAvailableBalancePort(region, client, options.metrics),
    liveBalance: createLiveBalancePort(region, client, options.metrics),
    accountOwner: createAccountOwnerPort(region, client, options.metrics),
    accountFilters: createAccountFiltersPort(region, client),
    accountRefresh: createAccountRefreshPort(region, client),
    accountHistory: createAccountHistoryPort(region, client),
    applications: createApplicationsPort(client, accessModel),
  };
}
