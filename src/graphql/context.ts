import type { GatewayError } from '../domain/errors.js';
import type { NativeRef } from '../domain/global-id.js';
import type { IdempotencyRecords } from '../domain/idempotency.js';
import type { PurgeTargets } from '../domain/purge.js';
import type { GatewayEvents } from '../events/gateway-events.js';
import type { ProviderRegistry } from '../domain/registry.js';
import type { Loaders } from '../loaders/index.js';
import type { Logger } from '../observability/logger.js';
import type { CallbackUrlPolicy } from '../security/callback-urls.js';
import type { Caller } from '../security/caller.js';
import type { SecretBox } from '../security/secret-box.js';
import type { TransactionStore } from '../store/transaction-store.js';
import type { DeletionRecords } from '../domain/deletion-records.js';
import type { ConsentSigningKeys } from '../webhooks/consent-signing-keys.js';
import type { WebhookEndpoints } from '../events/webhook-endpoints.js';

export interface PartialError {
  error: GatewayError;
  /** Response path of the field that still returned data. */
  path: ReadonlyArray<string | number>;
  /** The customer whose rows are missing, when the fault is that customer's (`extensions.customerId`). */
  customer?: NativeRef | null;
  /** The account whose rows are missing, when the fault is that account's (`extensions.accountId`). */
  account?: NativeRef | null;
}

export interface GatewayContext {
  requestId: string;
  registry: ProviderRegistry;
  loaders: Loaders;
  logger: Logger;
  /** The request's clock, read once so every field of one request agrees on "now". */
  now: number;
  /** Per-provider failures behind partial results, appended to `errors` by the partial-errors plugin. */
  partialErrors: PartialError[];
  /** The authenticated caller (src/security): scopes and providers it may use. */
  caller: Caller;
  /** Whether a caller-supplied report callbackUrl may be used (REPORT_CALLBACK_HOSTS, src/security). */
  callbackUrlAllowed: CallbackUrlPolicy;
  /** Idempotency keys of creating mutations (src/domain/idempotency.ts). */
  idempotency: IdempotencyRecords;
  /** Every store holding customer-derived data (consent purge, src/domain/purge.ts). */
  purge: PurgeTargets;
  /** The gateway's own events (outbound webhooks). */
  events: GatewayEvents;
  /** Encrypts secrets kept in the keyv store (GATEWAY_SECRETS_KEY); null when none is configured. */
  secrets: SecretBox | null;
  /** The change feed's transaction store (src/store); null on servers built without one. */
  transactionStore: TransactionStore | null;
  /** transactionsSync re-reads a scope whose data is older than this (ms). */
  syncMaxAgeMs: number;
  /** The server's clock (GatewayOptions.now; tests move it), for work that reads time as it goes (transactionsSync). */
  clock: () => number;
  /** Consent notification subscriptions' signing keys, sealed with `secrets` (src/webhooks). */
  consentKeys: ConsentSigningKeys;
  /** Records of consent purges (CDR Rule 1.18), for operators. */
  deletionRecords: DeletionRecords;
  /** The operators' outbound webhook endpoints (src/events/webhook-endpoints.ts). */
  webhookEndpoints: WebhookEndpoints;
}
