/**
 * Upstream cost of the schema's fields, in the conventions of IBM's GraphQL Cost Directives
 * specification and Apollo Router's demand control (`@cost(weight:)`, `@listSize(assumedSize:,
 * slicingArguments:, sizedFields:)`), kept as a table beside the schema instead of directives in it
 * (type-graphql would print them into every type file). The unit is one provider call; a billable
 * call weighs its relative price.
 *
 * Rules not written here (src/security/cost/estimate.ts): every root field costs 1 (a fan-out
 * over the enabled providers costs 1 per provider); a field returning a gateway object with an ID
 * (a Node) or a connection costs 1, except inside connections and edges, whose items are already
 * loaded; everything else costs 0. A connection's size is its `first`, else its `assumedSize`,
 * else the default page size.
 */
export interface FieldCost {
  /** `@cost(weight:)`: provider calls per resolved instance of the field. */
  weight?: number;
  /** `@listSize`: how many items the field returns. */
  listSize?: { assumedSize?: number; slicingArguments?: readonly string[] };
  /** The field fans out over every enabled provider the caller may use unless `provider:` is given. */
  fanOut?: boolean;
  /**
   * DataLoader batching by id: the items of one list that ask for this field share one call (every
   * transaction of an account has the same account), so it is counted once per list, not per item.
   */
  batchedPerList?: boolean;
  /** Fields with the same key on one object share one memoized fetch (a report's content). */
  sharedFetch?: string;
  /**
   * Each item of the sliced list is its own provider call (`nodes(ids:)`: one read per id, no
   * provider has a batch read), so the weight is multiplied by the list's size.
   */
  weightPerItem?: boolean;
  /**
   * The top-level `transactions` (issue 15): one call per customer it reads — the customers named in
   * `filter.customers`, else up to FAN_OUT_LIMITS.maxCustomersPerProvider per provider plus that
   * provider's customer list — for each provider in `filter.providers` or the caller's fan-out.
   */
  transactionsFanOut?: boolean;
}

/** Relative prices of Mastercard's billable calls (seed 002: "a billable event each time the API is called"). */
export const BILLABLE_WEIGHTS = {
  /** Live balance: a real-time call to the institution; the dearest read. */
  liveBalance: 10,
  /** Cached balance and account owner: billed per call, served from Mastercard's cache. */
  cachedRead: 5,
} as const;

const REPORT_CONTENT: FieldCost = { weight: 1, sharedFetch: 'report-content' };
const BY_ID: FieldCost = { weight: 1, batchedPerList: true };

export const FIELD_COSTS: Readonly<Record<string, FieldCost>> = {
  'Query.providers': { weight: 0 },
  // Read from the gateway's own store (Connect webhooks), no provider call.
  'Query.connectSession': { weight: 0 },
  'Mutation.generateConnectDashboardUrl': { weight: 1 },
  // Outbound webhook endpoints live in the gateway's store: no provider call.
  'Mutation.createWebhookEndpoint': { weight: 0 },
  'Mutation.deleteWebhookEndpoint': { weight: 0 },
  'Query.webhookEndpoints': { weight: 0 },
  'Query.webhookEndpoint': { weight: 0 },
  'Query.customers': { weight: 1, fanOut: true },
  'Query.transactions': { weight: 1, transactionsFanOut: true },
  'Query.nodes': { weight: 1, weightPerItem: true, listSize: { slicingArguments: ['ids'] } },
  'Query.banks': { weight: 1, listSize: { assumedSize: 10 } },
  // Consent notifications (operator): one provider call each; deletion records are read from the gateway's store.
  'Query.consentNotificationSubscriptions': { weight: 1, listSize: { assumedSize: 5 } },
  'Query.consentNotificationSubscription': { weight: 1 },
  'Mutation.createConsentNotificationSubscription': { weight: 1 },
  'Mutation.changeConsentNotificationSubscriptionUrl': { weight: 1 },
  'Mutation.deleteConsentNotificationSubscription': { weight: 0 },
  'Query.deletionRecords': { weight: 0, listSize: { slicingArguments: ['first'] } },
  // A refresh lists a provider's customers, then reads each one's accounts and transactions: about 25
  // calls per provider on the sandbox; a call within TRANSACTION_SYNC_MAX_AGE_SECONDS makes none, but
  // for a customer waiting for an AU account's first aggregation (one read a minute, src/sync/sync-limits.ts).
  'Query.transactionsSync': { weight: 25, fanOut: true },
  // The feed's rows come from the store, not a provider call each.
  'SyncedTransaction.transaction': { weight: 0 },
  // A retail customer typically holds two to five accounts; `first` overrides.
  'Customer.accounts': { weight: 1, listSize: { assumedSize: 5, slicingArguments: ['first'] } },
  'Bank.accounts': { weight: 1, listSize: { slicingArguments: ['first'] } },
  'Customer.businesses': { weight: 1, listSize: { assumedSize: 5 } },
  'Customer.authorizationPeriod': { weight: 1 },
  'Customer.userLinks': { weight: 1, listSize: { assumedSize: 5 } },
  // OBP customer extras (seed 004). Adding a handle reads the customer first (its customer_number).
  'Customer.socialMediaHandles': { weight: 1, listSize: { assumedSize: 3 } },
  'Bank.crmEvents': { weight: 1, listSize: { assumedSize: 10 } },
  'Query.myCustomers': { weight: 1, listSize: { assumedSize: 5 } },
  'Mutation.addSocialMediaHandle': { weight: 2 },
  // Caibo saved payment methods (seed 003): one call per customer.
  'Customer.savedPaymentMethods': { weight: 1, listSize: { assumedSize: 3 } },
  'Account.paymentDetails': { weight: 1 },
  'Account.availableBalance': { weight: BILLABLE_WEIGHTS.cachedRead },
  'Account.owners': { weight: BILLABLE_WEIGHTS.cachedRead, listSize: { assumedSize: 2 } },
  'Account.liveAvailableBalance': { weight: BILLABLE_WEIGHTS.liveBalance },
  // Both connect to the institution now, as a live balance does; the historic load is a premium,
  // billable service (seed 002, Account History), the refresh one Mastercard asks not to automate.
  'Mutation.refreshAccounts': { weight: BILLABLE_WEIGHTS.liveBalance },
  'Mutation.loadAccountHistory': { weight: BILLABLE_WEIGHTS.liveBalance },
  'LoadAccountHistoryPayload.account': { weight: 1 },
  // Loaded by id through DataLoaders, deduplicated within a list.
  'Account.customer': BY_ID,
  'Account.bank': BY_ID,
  'Customer.bank': BY_ID,
  'Transaction.account': BY_ID,
  'Transaction.customer': BY_ID,
  'PaymentRequest.customer': BY_ID,
  'Consumer.customer': BY_ID,
  'Business.customer': BY_ID,
  'Consent.customer': BY_ID,
  'UserCustomerLink.customer': BY_ID,
  'Report.customer': BY_ID,
  'Report.consumer': BY_ID,
  // A report's content is one fetch, memoized per request (REPORT_NOT_READY until it exists).
  'Report.period': REPORT_CONTENT,
  'Report.seasoned': REPORT_CONTENT,
  'Report.rawProviderJson': REPORT_CONTENT,
  'VoaReport.assets': REPORT_CONTENT,
  'VoiReport.analytics': REPORT_CONTENT,
  'VoiReport.accounts': REPORT_CONTENT,
  'CashFlowReport.summary': REPORT_CONTENT,
};
