import DataLoader from 'dataloader';
import type { Consent as ConsentModel } from '../domain/consents.port.js';
import { GatewayError } from '../domain/errors.js';
import { encodeGlobalId, type NativeRef } from '../domain/global-id.js';
import type { Institution as InstitutionModel } from '../domain/institutions.port.js';
import type { Business as BusinessModel, Consumer as ConsumerModel, Report as ReportModel, ReportKind } from '../domain/lending.port.js';
import type { Transaction as TransactionModel } from '../domain/model.js';
import type { PaymentRequest as PaymentRequestModel } from '../domain/payment-requests.port.js';
import { requirePort } from '../domain/ports.js';
import { settleEach } from '../loaders/batch.js';
import type { GatewayContext } from './context.js';
import { loadBank } from './obp-banks.js';
import { perRequest } from './request-memo.js';
import { REPORT_TYPE_NAMES } from './types/lending-report.type.js';

/**
 * Objects by reference, once per request: what `node(id:)`, the typed `x(id:)` queries and the
 * fields that follow a reference (Consumer.customer, Report.consumer …) share. Resolvers import
 * these; this module imports no resolver, so the resolvers never import one another.
 */

export const consumersOf = (context: GatewayContext, provider: NativeRef['provider']) =>
  requirePort(context.registry.adapter(provider), 'consumers', 'consumers');

export const businessesOf = (context: GatewayContext, provider: NativeRef['provider']) =>
  requirePort(context.registry.adapter(provider), 'businesses', 'businesses');

export const reportsOf = (context: GatewayContext, provider: NativeRef['provider']) =>
  requirePort(context.registry.adapter(provider), 'reports', 'reports');

/**
 * Per-request payment-request loader, kept beside the context (the shared Loaders are not this
 * feature's), so one request reading the same payment request twice costs one call.
 */
const loaders = new WeakMap<GatewayContext, DataLoader<NativeRef, PaymentRequestModel | null, string>>();

function paymentRequestLoader(context: GatewayContext): DataLoader<NativeRef, PaymentRequestModel | null, string> {
  let loader = loaders.get(context);
  if (!loader) {
    loader = new DataLoader(
      (refs) =>
        settleEach(refs, (target) =>
          requirePort(context.registry.adapter(target.provider), 'paymentRequests', 'payment requests').get(target),
        ),
      { cacheKeyFn: encodeGlobalId },
    );
    loaders.set(context, loader);
  }
  return loader;
}

export function loadPaymentRequest(context: GatewayContext, target: NativeRef): Promise<PaymentRequestModel | null> {
  return paymentRequestLoader(context).load({ ...target, type: 'PaymentRequest' });
}

/** A Transaction that is a payment request (Caibo), refetched through the payment-requests port. */
export async function loadPaymentRequestTransaction(context: GatewayContext, target: NativeRef): Promise<TransactionModel | null> {
  requirePort(context.registry.adapter(target.provider), 'paymentRequests', 'transactions');
  return (await loadPaymentRequest(context, target))?.transaction ?? null;
}

export function loadBusiness(context: GatewayContext, target: NativeRef): Promise<BusinessModel | null> {
  return perRequest(context, `business:${encodeGlobalId(target)}`, () => businessesOf(context, target.provider).get(target));
}

export function loadBusinessesOfCustomer(context: GatewayContext, customer: NativeRef): Promise<BusinessModel[]> {
  return perRequest(context, `businesses-of:${encodeGlobalId(customer)}`, () => businessesOf(context, customer.provider).listForCustomer(customer));
}

/** For node(id:): a Consumer by its global ID, or null. */
export function loadConsumer(context: GatewayContext, target: NativeRef): Promise<ConsumerModel | null> {
  return perRequest(context, `consumer:${encodeGlobalId(target)}`, () => consumersOf(context, target.provider).get(target));
}

/** A customer's consumer, or null when it has none yet. */
export function loadConsumerOfCustomer(context: GatewayContext, customer: NativeRef): Promise<ConsumerModel | null> {
  return perRequest(context, `consumer-of:${encodeGlobalId(customer)}`, () => consumersOf(context, customer.provider).getForCustomer(customer));
}

/** A Report as GraphQL resolves it: the domain report plus its global id and concrete type. */
export interface ReportView extends ReportModel {
  id: string;
  type: ReportKind;
  graphqlType: string;
}

export function toReportView(report: ReportModel): ReportView {
  return { ...report, id: encodeGlobalId(report.ref), type: report.kind, graphqlType: REPORT_TYPE_NAMES[report.kind] };
}

/** For node(id:) and report(id:): identity and status only, so no content call. */
export async function loadReport(context: GatewayContext, target: NativeRef): Promise<ReportView | null> {
  const report = await reportsOf(context, target.provider).get(target);
  return report === null ? null : toReportView(report);
}

/** Newest first: the provider lists in no documented order. */
export function newestFirst(reports: readonly ReportModel[]): ReportView[] {
  return [...reports]
    .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))
    .map(toReportView);
}

/** For node(id:): a Consent by its global ID, or null. */
export function loadConsent(context: GatewayContext, target: NativeRef): Promise<ConsentModel | null> {
  return requirePort(context.registry.adapter(target.provider), 'consents', 'consents').get(target);
}

/** For node(id:): an Institution by its global ID, or null. */
export function loadInstitution(context: GatewayContext, target: NativeRef): Promise<InstitutionModel | null> {
  return requirePort(context.registry.adapter(target.provider), 'institutions', 'institutions').get(target);
}

/** Every type `node(id:)` can refetch, each through its own per-request lookup. */
export async function loadNode(context: GatewayContext, target: NativeRef): Promise<unknown> {
  switch (target.type) {
    case 'Customer':
      return context.loaders.customer.load(target);
    case 'Account':
      return context.loaders.account.load(target);
    case 'Transaction':
      // Providers without account transactions (Caibo) have payment requests as their transactions.
      if (context.registry.adapter(target.provider).accountTransactions === undefined) {
        return loadPaymentRequestTransaction(context, target);
      }
      return context.loaders.transaction.load(target);
    case 'PaymentRequest':
      return loadPaymentRequest(context, target);
    case 'Bank':
      return loadBank(context, target);
    case 'Institution':
      return loadInstitution(context, target);
    case 'Consent':
      return loadConsent(context, target);
    case 'Consumer':
      return loadConsumer(context, target);
    case 'Business':
      return loadBusiness(context, target);
    case 'Report':
      return loadReport(context, target);
    default:
      throw new GatewayError('UNSUPPORTED_BY_PROVIDER', `${target.type} objects cannot be refetched with node(id:) yet`, {
        provider: target.provider,
      });
  }
}

/** The object, or NOT_FOUND: a caller asking for one id learns why it got null. */
export async function loadExisting(context: GatewayContext, target: NativeRef): Promise<unknown> {
  const found = await loadNode(context, target);
  if (found === null || found === undefined) {
    throw new GatewayError('NOT_FOUND', `${target.type} not found`, { provider: target.provider });
  }
  return found;
}

