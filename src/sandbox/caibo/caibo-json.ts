import type { CaiboStore } from './caibo-store.js';
import {
  lastLogFor,
  paymentRequestStatusId,
  roundMoney,
  SANDBOX_FEE_RATE,
  TRANSACTION_STATUS_IDS,
} from './payment-status.js';
import type { CustomerRecord, PaymentRequestRecord } from './records.js';

/**
 * Response bodies. ASP.NET's System.Text.Json writes camelCase names and keeps `null` members, so
 * every documented field is present, `null` where the sandbox has nothing to say.
 */

export interface ClientJson {
  id: number;
  ownerId: number;
  userId: number | null;
  ownerName: string | null;
  name: string;
  email: string;
  address: string | null;
  phone: string | null;
  memberId: string | null;
  hasPaymentRequests: boolean | null;
  totalDeposits: number | null;
  createDate: string;
}

/**
 * `hasPaymentRequests` and `totalDeposits` are computed (seed 003 lists them as nullable read-only-looking
 * fields). Sandbox rule: `totalDeposits` is the sum of the customer's approved, non-cancelled payment
 * request amounts. The schema gives it no currency; seed customers pay in one unit each, so the sum is
 * meaningful for them, and mixed units are simply added, as a plain `number` field implies.
 */
export function toClientJson(customer: CustomerRecord, store: CaiboStore): ClientJson {
  const requests = store.paymentRequests({ clientId: customer.id });
  const deposits = requests
    .filter((request) => request.status === 'approved' && !request.cancelled)
    .reduce((sum, request) => sum + request.amount, 0);
  return {
    id: customer.id,
    ownerId: customer.ownerId,
    userId: customer.userId,
    ownerName: customer.ownerName,
    name: customer.name,
    email: customer.email,
    address: customer.address,
    phone: customer.phone,
    memberId: customer.memberId,
    hasPaymentRequests: requests.length > 0,
    totalDeposits: roundMoney(deposits),
    createDate: customer.createDate,
  };
}

/**
 * The hosted pay page. Real links look like `https://pay.caibo.digital/main?merchantId=…&requestId=…`
 * (docs.caibo.digital/ipg/iframe-checkout/create-payment-request); the sandbox serves its own page with
 * the same query under `/_sandbox/pay` so nothing points at a real payment site.
 */
export function payLink(origin: string, merchantId: number, requestId: number): string {
  return `${origin}/_sandbox/pay?merchantId=${merchantId}&requestId=${requestId}`;
}

interface Money {
  grossAmount: number | null;
  feeAmount: number | null;
  netAmount: number | null;
}

function moneyOf(request: PaymentRequestRecord): Money {
  if (request.transactionId === null) return { grossAmount: null, feeAmount: null, netAmount: null };
  if (request.status !== 'approved') return { grossAmount: request.amount, feeAmount: null, netAmount: null };
  const fee = roundMoney(request.amount * SANDBOX_FEE_RATE);
  return { grossAmount: request.amount, feeAmount: fee, netAmount: roundMoney(request.amount - fee) };
}

/** The full `PaymentRequest` model (caibo-notes.md, "Full PaymentRequest model"). */
export function toPaymentRequestJson(request: PaymentRequestRecord, store: CaiboStore, origin: string): Record<string, unknown> {
  const client = request.clientId === null ? undefined : store.customer(request.clientId);
  const log = lastLogFor(request.status);
  const money = moneyOf(request);
  const attempt = request.attempt;
  return {
    id: request.id,
    ownerId: store.merchant.ownerId,
    userId: store.merchant.userId,
    recipientName: store.merchant.name,
    paymentRequestStatusId: paymentRequestStatusId(request.status, request.cancelled),
    transactionId: request.transactionId,
    transactionNumber: request.transactionNumber,
    amount: request.amount,
    unit: request.unit,
    payerCountry: attempt?.payerCountry ?? null,
    referenceId: request.referenceId,
    notes: request.notes,
    link: payLink(origin, store.merchant.ownerId, request.id),
    createDate: request.createDate,
    clientId: client?.id ?? null,
    clientName: client?.name ?? null,
    clientEmail: client?.email ?? null,
    clientAddress: client?.address ?? null,
    clientPhone: client?.phone ?? null,
    clientMemberId: client?.memberId ?? null,
    client: client === undefined ? null : toClientJson(client, store),
    notifyUrl: request.notifyUrl,
    successUrl: request.successUrl,
    failureUrl: request.failureUrl,
    transactionStatusId: TRANSACTION_STATUS_IDS[request.status],
    targetAccountTypeId: null,
    originDomain: request.originDomain,
    chargedBack: false,
    feeAmount: money.feeAmount,
    grossAmount: money.grossAmount,
    netAmount: money.netAmount,
    transactionCurrency: request.transactionId === null ? null : request.unit,
    exchangeRate: request.transactionId === null ? null : 1,
    cardBin: attempt?.cardBin ?? null,
    device: attempt?.device ?? null,
    browser: attempt?.browser ?? null,
    osName: attempt?.osName ?? null,
    cardLastDigits: attempt?.cardLastDigits ?? null,
    sumSubApplicantId: null,
    threeDs: null,
    logMessage: log?.message ?? null,
    logTransactionId: log === null ? null : request.transactionId,
    logTransactionStatusId: log?.transactionStatusId ?? null,
    logPayerCountry: log === null ? null : (attempt?.payerCountry ?? null),
    logPaymentProviderId: null,
    // Test H2H payment method id (caibo-notes.md, Server: "test 35, live 36").
    paymentMethodId: request.transactionId === null ? null : 35,
    paymentProviderId: null,
    logCreateDate: log === null ? null : request.lastLogAt,
    lastLog:
      log === null
        ? null
        : {
            id: request.lastLogId,
            paymentRequestId: request.id,
            transactionId: request.transactionId,
            transactionStatusId: log.transactionStatusId,
            code: log.code,
            message: log.message,
            payerCountry: attempt?.payerCountry ?? null,
            createDate: request.lastLogAt,
          },
  };
}

/**
 * `GET /payment-requests/status/{id}` (docs page "Payment Status", Response Fields).
 * Contradiction: that page's example response shows `status: "pending"` and `currency`; its own field
 * table and the generated model use `paymentRequestStatusId`/`transactionStatusId` and `unit`. The
 * simulator follows the field table (two sources against one example).
 */
export function toPaymentStatusJson(request: PaymentRequestRecord, store: CaiboStore, origin: string): Record<string, unknown> {
  const client = request.clientId === null ? undefined : store.customer(request.clientId);
  const log = lastLogFor(request.status);
  return {
    id: request.id,
    recipientName: store.merchant.name,
    paymentRequestStatusId: paymentRequestStatusId(request.status, request.cancelled),
    transactionId: request.transactionId,
    transactionNumber: request.transactionNumber,
    transactionStatusId: TRANSACTION_STATUS_IDS[request.status],
    link: payLink(origin, store.merchant.ownerId, request.id),
    unit: request.unit,
    amount: request.amount,
    referenceId: request.referenceId,
    notes: request.notes,
    client: client === undefined ? null : toClientJson(client, store),
    notifyUrl: request.notifyUrl,
    successUrl: request.successUrl,
    failureUrl: request.failureUrl,
    lastLog: log,
  };
}

/**
 * Notification fields, in the documented order (docs.caibo.digital/h2h/notifications, "Notification
 * Fields"): sent as `application/x-www-form-urlencoded`, empty string for a missing value.
 */
export function toNotificationFields(request: PaymentRequestRecord, store: CaiboStore): Array<[string, string]> {
  const client = request.clientId === null ? undefined : store.customer(request.clientId);
  const log = lastLogFor(request.status);
  const money = moneyOf(request);
  const text = (value: string | number | null | undefined): string => (value === null || value === undefined ? '' : String(value));
  return [
    ['id', text(request.id)],
    ['transactionId', text(request.transactionId)],
    ['transactionStatusId', text(TRANSACTION_STATUS_IDS[request.status])],
    ['paymentRequestStatusId', text(paymentRequestStatusId(request.status, request.cancelled))],
    ['merchantId', text(store.merchant.ownerId)],
    ['unit', request.unit],
    ['grossAmount', text(money.grossAmount)],
    ['fee', text(money.feeAmount)],
    ['netAmount', text(money.netAmount)],
    ['referenceId', text(request.referenceId)],
    ['notes', text(request.notes)],
    ['clientId', text(client?.id)],
    ['clientName', text(client?.name)],
    ['clientEmail', text(client?.email)],
    ['clientPhone', text(client?.phone)],
    ['clientMemberId', text(client?.memberId)],
    ['message', text(log?.message)],
    ['code', text(log?.code)],
  ];
}
