import { GatewayError } from './errors.js';
import type { BanksPort, UserCustomerLinksPort } from './banks.port.js';
import type { NativeRef } from './global-id.js';
import type { Account, Customer, CustomerCategory, CustomerKind, CustomerSearch, Page, PageRequest, Transaction, TransactionQuery } from './model.js';
import type { PaymentRequestsPort } from './payment-requests.port.js';
import type { AccountOwnerPort, AvailableBalancePort, LiveBalancePort, PaymentDetailsPort } from './account-details.port.js';
import type { AccountFiltersPort, AccountHistoryPort, AccountRefreshPort } from './account-aggregation.port.js';
import type { ApplicationsPort } from './applications.port.js';
import type { ReportPdfPort } from './report-pdf.port.js';
import type { ConnectEventsPort, ConnectPort } from './connect.port.js';
import type { ConsentsPort } from './consents.port.js';
import type { CustomerExtraPorts } from './customer-extras.port.js';
import type { ConsentNotificationsPort } from './consent-notifications.port.js';
import type { InstitutionsPort } from './institutions.port.js';
import type { AuthorizationPeriodPort, BusinessesPort, ConsumersPort, ReportEventsPort, ReportsPort } from './lending.port.js';
import type { ProviderKey } from './provider.js';
import type { TransactionHistory } from './transaction-query.js';

/**
 * The adapter port: one small interface per capability (STYLE.md, habit 1). An adapter implements
 * the ports its provider supports; `capabilitiesOf` derives the public capability list from which
 * ports are present, so it is never written twice.
 */

export interface CreateCustomerInput {
  /** Null when the caller gave none; providers with a default (Mastercard: TESTING) apply it. */
  kind: CustomerKind | null;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  category: CustomerCategory | null;
  /**
   * The caller's provider-specific fields, typed per provider (GraphQL `input.mastercardAu` …). An
   * adapter refuses details of another provider with BAD_USER_INPUT naming the sub-input.
   */
  details: CustomerInputDetails | null;
}

/** `createCustomer` fields only Mastercard US takes (seed 001/002). */
export interface MastercardUsCustomerInputDetails {
  provider: 'MASTERCARD_US';
  /** Active customers: the registered application. */
  applicationId: string | null;
}

/** `createCustomer` fields only Mastercard AU takes (seed 000/002). */
export interface MastercardAuCustomerInputDetails {
  provider: 'MASTERCARD_AU';
  /** Active customers: the registered application. */
  applicationId: string | null;
  /** The ABN of a BUSINESS customer, as typed (spaces allowed). */
  abn: string | null;
}

/** Caibo IPG `Client` fields (seed 003): create and update. */
export interface CaiboCustomerInputDetails {
  provider: 'CAIBO_IPG';
  address: string | null;
  memberId: string | null;
}

/** OBP PostCustomerJsonV500 fields beyond the unified ones. */
export interface ObpCustomerInputDetails {
  provider: 'OBP';
  /** The BANK_ID to create the customer at. */
  bankId: string;
  customerNumber: string | null;
  /** A calendar date, `YYYY-MM-DD`. */
  dateOfBirth: string | null;
  relationshipStatus: string | null;
  kycStatus: boolean | null;
  employmentStatus: string | null;
  /** Links this OBP user on create (v2.0.0 createCustomer `user_id`, seed 004); absent/null: no link. */
  userId?: string | null;
}

export type CustomerInputDetails =
  | MastercardUsCustomerInputDetails
  | MastercardAuCustomerInputDetails
  | CaiboCustomerInputDetails
  | ObpCustomerInputDetails;

/** The GraphQL sub-input each provider's details come in, for error messages naming the field. */
export const CUSTOMER_INPUT_FIELD: Readonly<Record<CustomerInputDetails['provider'], string>> = {
  MASTERCARD_US: 'input.mastercardUs',
  MASTERCARD_AU: 'input.mastercardAu',
  CAIBO_IPG: 'input.caiboIpg',
  OBP: 'input.obp',
};

/**
 * The caller's details when they belong to `provider`; BAD_USER_INPUT naming the sub-input when
 * they belong to another provider.
 */
export function inputDetailsFor<D extends CustomerInputDetails | CustomerUpdateDetails, P extends D['provider']>(
  details: D | null | undefined,
  ...providers: P[]
): Extract<D, { provider: P }> | null {
  if (details === null || details === undefined) return null;
  if (!(providers as string[]).includes(details.provider)) {
    throw new GatewayError('BAD_USER_INPUT', `${providers.join('/')} customers take no ${CUSTOMER_INPUT_FIELD[details.provider]}`, {
      field: CUSTOMER_INPUT_FIELD[details.provider],
    });
  }
  return details as Extract<D, { provider: P }>;
}

/** Only the fields the caller set; `undefined` = leave unchanged. */
export interface UpdateCustomerInput {
  firstName?: string;
  lastName?: string;
  name?: string;
  email?: string;
  phone?: string;
  /** Provider-specific changes (GraphQL `input.caiboIpg`); only the fields set change. */
  details?: CustomerUpdateDetails;
}

/** `updateCustomer` fields only Caibo IPG takes; `undefined` = leave unchanged. */
export interface CaiboCustomerUpdateDetails {
  provider: 'CAIBO_IPG';
  address?: string;
  memberId?: string;
}

export type CustomerUpdateDetails = CaiboCustomerUpdateDetails;

export interface CustomerListPort {
  list(query: CustomerSearch, page: PageRequest): Promise<Page<Customer>>;
}

export interface CustomerReadPort {
  /** `null` when the provider says the customer does not exist. */
  get(ref: NativeRef): Promise<Customer | null>;
}

export interface CustomerWritePort {
  create(input: CreateCustomerInput): Promise<Customer>;
  update(ref: NativeRef, input: UpdateCustomerInput): Promise<Customer>;
}

export interface CustomerDeletePort {
  delete(ref: NativeRef): Promise<void>;
}

export interface AccountsPort {
  listForCustomer(customer: NativeRef): Promise<Account[]>;
  get(ref: NativeRef): Promise<Account | null>;
}

export interface AccountTransactionsPort {
  listForAccount(account: NativeRef, query: TransactionQuery, page: PageRequest): Promise<Page<Transaction>>;
  get(ref: NativeRef): Promise<Transaction | null>;
}

/**
 * A provider endpoint that returns every account's transactions for a customer in one call
 * (Mastercard's v3 customer-level endpoint). The loaders prefer it over one call per account.
 */
export interface CustomerTransactionsPort {
  listForCustomer(customer: NativeRef, query: TransactionQuery, page: PageRequest): Promise<Page<Transaction>>;
  /** The provider's largest page size, so the loaders can fetch a whole window at once. */
  readonly maxPageSize: number;
  /**
   * The customer whose window holds this account's transactions, read from the account's ID alone
   * (no call), or null when the ID does not say (the loaders then read the account on its own).
   * Mastercard account IDs carry their customer id in `scope[0]`; the contract suite checks the link
   * against `accounts.listForCustomer`.
   */
  customerOfAccount(account: NativeRef): NativeRef | null;
  /**
   * Whether the customer window already holds this account's transactions. False for an account
   * the provider is still aggregating for the first time (Mastercard: `aggregationStatusCode` 325,
   * seed 002 "API Status Codes"): the window simply lacks it, which would read as "no
   * transactions", so the loaders ask the account's own endpoint, which answers what the provider
   * means (5006, retryable). Absent = every account the link names is in the window.
   */
  holdsAccount?(account: Account): boolean;
}

export interface ProviderAdapter extends CustomerExtraPorts {
  readonly key: ProviderKey;
  readonly customerList?: CustomerListPort;
  readonly customerRead?: CustomerReadPort;
  readonly customerWrite?: CustomerWritePort;
  readonly customerDelete?: CustomerDeletePort;
  readonly accounts?: AccountsPort;
  readonly accountTransactions?: AccountTransactionsPort;
  readonly customerTransactions?: CustomerTransactionsPort;
  /** Hosted payment requests (Caibo IPG); see payment-requests.port.ts. */
  readonly paymentRequests?: PaymentRequestsPort;
  /** Banks as a scope (OBP); see banks.port.ts. */
  readonly banks?: BanksPort;
  /** Which provider users may act for a customer (OBP user-customer links); see banks.port.ts. */
  readonly userCustomerLinks?: UserCustomerLinksPort;
  /** Institution search, lookup and certification (Mastercard); see institutions.port.ts. */
  readonly institutions?: InstitutionsPort;
  /** CDR consents (Mastercard AU); see consents.port.ts. */
  readonly consents?: ConsentsPort;
  /** Hosted Connect links (Mastercard); see connect.port.ts. */
  readonly connect?: ConnectPort;
  /** Account number + BSB for payments (Mastercard AU); see account-details.port.ts. */
  readonly paymentDetails?: PaymentDetailsPort;
  readonly availableBalance?: AvailableBalancePort;
  /** Billable per call: a separate port so nothing reaches it by accident. */
  readonly liveBalance?: LiveBalancePort;
  readonly accountOwner?: AccountOwnerPort;
  /** Mastercard: accounts by institution login / institution, refresh, historic load (account-aggregation.port.ts). */
  readonly accountFilters?: AccountFiltersPort;
  readonly accountRefresh?: AccountRefreshPort;
  readonly accountHistory?: AccountHistoryPort;
  /** Application registration (Mastercard AU); see applications.port.ts. */
  readonly applications?: ApplicationsPort;
  /** Lending records (Mastercard AU/US); see lending.port.ts. */
  readonly consumers?: ConsumersPort;
  /** Mastercard US only. */
  readonly businesses?: BusinessesPort;
  /** Mastercard US only. */
  readonly authorizationPeriods?: AuthorizationPeriodPort;
  readonly reports?: ReportsPort;
  readonly reportPdf?: ReportPdfPort;
  /** Report events posted to the gateway's own callback URL; not a capability callers use. */
  readonly reportEvents?: ReportEventsPort;
  /** Consent notification subscriptions and events (Mastercard AU); operator administration. */
  readonly consentNotifications?: ConsentNotificationsPort;
  readonly connectEvents?: ConnectEventsPort; // Connect webhooks to the gateway's receiver (X-Signature); not a caller capability
  /** How much transaction history the provider holds (default window, limit); unset = the fallback. */
  readonly transactionHistory?: TransactionHistory;
  /** Releases pools and timers. */
  close(): Promise<void>;
}

/** Each capability and the port that provides it; the list order is the `Capability` enum's. */
const PORT_OF_CAPABILITY = {
  CUSTOMER_LIST: 'customerList',
  CUSTOMER_READ: 'customerRead',
  CUSTOMER_WRITE: 'customerWrite',
  CUSTOMER_DELETE: 'customerDelete',
  ACCOUNTS: 'accounts',
  TRANSACTIONS: 'accountTransactions',
  CUSTOMER_TRANSACTIONS: 'customerTransactions',
  PAYMENT_REQUESTS: 'paymentRequests',
  BANKS: 'banks',
  USER_CUSTOMER_LINKS: 'userCustomerLinks',
  INSTITUTIONS: 'institutions',
  CONSENTS: 'consents',
  CONNECT_URL: 'connect',
  PAYMENT_DETAILS: 'paymentDetails',
  AVAILABLE_BALANCE: 'availableBalance',
  LIVE_BALANCE: 'liveBalance',
  ACCOUNT_OWNER: 'accountOwner',
  ACCOUNT_FILTERS: 'accountFilters',
  ACCOUNT_REFRESH: 'accountRefresh',
  ACCOUNT_HISTORY: 'accountHistory',
  APPLICATIONS: 'applications',
  CONSUMERS: 'consumers',
  BUSINESSES: 'businesses',
  AUTHORIZATION_PERIOD: 'authorizationPeriods',
  REPORTS: 'reports',
  REPORT_PDF: 'reportPdf',
  SOCIAL_MEDIA_HANDLES: 'socialMediaHandles',
  CRM_EVENTS: 'crmEvents',
  MY_CUSTOMERS: 'myCustomers',
  SAVED_PAYMENT_METHODS: 'savedPaymentMethods',
} as const satisfies Record<string, keyof ProviderAdapter>;
export type Capability = keyof typeof PORT_OF_CAPABILITY;
export const CAPABILITIES = Object.keys(PORT_OF_CAPABILITY) as readonly Capability[];

export function capabilitiesOf(adapter: ProviderAdapter): Capability[] {
  return CAPABILITIES.filter((capability) => adapter[PORT_OF_CAPABILITY[capability]] !== undefined);
}

/** The port, or UNSUPPORTED_BY_PROVIDER naming what the caller asked for. */
export function requirePort<K extends keyof ProviderAdapter>(
  adapter: ProviderAdapter,
  port: K,
  what: string,
): NonNullable<ProviderAdapter[K]> {
  const found = adapter[port];
  if (found === undefined || found === null) {
    throw new GatewayError('UNSUPPORTED_BY_PROVIDER', `${adapter.key} does not support ${what}`, {
      provider: adapter.key,
    });
  }
  return found as NonNullable<ProviderAdapter[K]>;
}
