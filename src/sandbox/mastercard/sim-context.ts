import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SeededRandom } from '../seeded-random.js';
import type { TokenAuthority } from './auth.js';
import type { ConnectEventSender } from './connect-event-sender.js';
import type { SimConnectSessions } from './connect-sessions.js';
import { customerNotFound, sendError } from './errors.js';
import type { AuAccessModel, RegionProfile } from './region.js';
import { consentStatus, type MastercardStore, type SimAccount, type SimArrangement, type SimConsent, type SimCustomer } from './store.js';

/** What every route module of one simulator instance shares. */
export interface SimContext {
  profile: RegionProfile;
  store: MastercardStore;
  auth: TokenAuthority;
  /** Epoch milliseconds. */
  now(): number;
  /** Epoch seconds (Finicity dates). */
  nowSeconds(): number;
  accessModel: AuAccessModel;
  testingCustomerLimit: number;
  aggregationDelaySeconds: number;
  partnerId: string;
  /** For data created at run time (new logins); seeded data uses its own per-customer streams. */
  rng: SeededRandom;
  /** AU consent notifications (consent-notifications/): null for US. */
  consentEvents: ConsentEventSink | null;
  /** Connect links with their webhooks, and the signed sender of Connect events (ping included). */
  connect: { sender: ConnectEventSender; sessions: SimConnectSessions };
}

/** Sends a consent notification about `arrangements` of `consent` to every subscription; answers its eventId. */
export interface ConsentEventSink {
  notify(
    eventType: 'CONSENT_CREATED' | 'INSTITUTIONS_ADDED' | 'INSTITUTIONS_REVOKED' | 'INSTITUTIONS_EXPIRED',
    consent: SimConsent,
    arrangements: readonly SimArrangement[],
  ): string;
}

export function findCustomer(ctx: SimContext, reply: FastifyReply, customerId: string): SimCustomer | undefined {
  const customer = ctx.store.customers.get(customerId);
  if (!customer) customerNotFound(reply);
  return customer;
}

/**
 * AU data calls need `Consent-Receipt-Id`: "To be able to fetch any customer financial data, you will
 * need a Consent Receipt ID" (seed 002, Lending and Payment Enablement use cases; the reference app
 * sends it on data calls, au-reference-app-extract.json `dataCalls`). It must name an ACTIVE consent of that customer; the docs name no
 * code for a revoked one, so we answer the consent API's documented 10215 "Consent receipt not
 * found" (openbanking-us.yaml DataSharingConsentNotFoundError): one code for "this consent gives no access".
 */
export function checkConsentHeader(ctx: SimContext, request: FastifyRequest, reply: FastifyReply, customerId: string): boolean {
  if (ctx.profile.region !== 'AU') return true;
  const raw = request.headers['consent-receipt-id'];
  const receiptId = Array.isArray(raw) ? raw[0] : raw;
  // Without the header: 10005 "Missing parameter (Consent-Receipt-Id)", the platform's documented
  // missing-parameter answer (seed 002, API status codes; no dedicated code is documented).
  if (receiptId === undefined || receiptId === '') {
    sendError(reply, 400, '10005', 'Missing parameter (Consent-Receipt-Id)', { status: '400', user_message: '' });
    return false;
  }
  const consent = ctx.store.consents.get(receiptId);
  if (!consent || consent.customerId !== customerId) {
    sendError(reply, 404, '10215', 'Consent receipt not found', { status: '404', user_message: '' });
    return false;
  }
  if (consentStatus(consent) !== 'ACTIVE') {
    sendError(reply, 404, '10215', 'Consent receipt not found', {
      status: '404',
      user_message: 'The consent has been revoked or has expired; the customer must consent again.',
    });
    return false;
  }
  return true;
}

/**
 * AU: "After an account is added to the system an initial aggregation must be made on the account in
 * order to retrieve transactions" (seed 002, Initial Aggregation); until then data calls answer
 * 325/5006 "Account being aggregated", HTTP 500 (seed 002, API Status Codes). The account record
 * carries aggregationStatusCode 325; the error body carries 5006. `Retry-After` is our addition.
 */
export function checkAggregated(ctx: SimContext, reply: FastifyReply, account: SimAccount): boolean {
  if (ctx.profile.region !== 'AU') return true;
  const remaining = account.aggregationReadyAt - ctx.nowSeconds();
  if (remaining <= 0) return true;
  reply.header('Retry-After', String(Math.max(1, Math.ceil(remaining))));
  sendError(reply, 500, 5006, 'Account being aggregated. Check the account status periodically.', {
    status: '500',
    user_message: `Aggregation of account ${account.id} is in progress (aggregationStatusCode 325).`,
  });
  return false;
}

export function isAggregated(ctx: SimContext, account: SimAccount): boolean {
  return ctx.profile.region !== 'AU' || account.aggregationReadyAt <= ctx.nowSeconds();
}
