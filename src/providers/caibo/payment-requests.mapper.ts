import { ref } from '../../domain/global-id.js';
import { moneyOf } from '../../domain/money.js';
import type { Transaction, TransactionStatus } from '../../domain/model.js';
import type { PaymentRequest, PaymentRequestStatus } from '../../domain/payment-requests.port.js';
import { caiboDate, caiboDecimal } from './customers.mapper.js';
import { warnProviderData } from '../../observability/data-warnings.js';
import { UnreadableRecord, type ReadContext } from '../record-reader.js';
import type { WirePaymentRequest } from './wire.js';

const PROVIDER = 'CAIBO_IPG' as const;

/** `transactionStatusId`: 0 waiting, 1 approved, 2 declined, 3 pending (caibo-notes.md, Payment requests). */
type TransactionStatusName = 'waiting' | 'approved' | 'declined' | 'pending';
function transactionStatusName(id: number | null): TransactionStatusName | undefined {
  switch (id) {
    // No attempt yet: some answers leave the member null rather than 0.
    case null:
    case 0:
      return 'waiting';
    case 1:
      return 'approved';
    case 2:
      return 'declined';
    case 3:
      return 'pending';
    default:
      return undefined;
  }
}

/** `paymentRequestStatusId`: 1 paid, 2 unpaid, 3 cancelled (caibo-notes.md, Payment requests). */
type RequestStatusName = 'paid' | 'unpaid' | 'cancelled';
function requestStatusName(id: number | null): RequestStatusName | undefined {
  switch (id) {
    case null:
    case 2:
      return 'unpaid';
    case 1:
      return 'paid';
    case 3:
      return 'cancelled';
    default:
      return undefined;
  }
}

type StatusIds = Pick<WirePaymentRequest, 'transactionStatusId' | 'paymentRequestStatusId'>;

/**
 * The request-level status decides paid and cancelled; otherwise the last attempt's status says where
 * an unpaid request stands (a declined attempt leaves it unpaid, and the payer may try again). An id
 * the document does not list, where it decides, is OTHER.
 */
export function paymentRequestStatusOf(wire: StatusIds): PaymentRequestStatus {
  switch (requestStatusName(wire.paymentRequestStatusId)) {
    case 'cancelled':
      return 'CANCELLED';
    case 'paid':
      return 'APPROVED';
    case undefined:
      return 'OTHER';
    case 'unpaid':
      switch (transactionStatusName(wire.transactionStatusId)) {
        case 'waiting':
          return 'WAITING';
        case 'pending':
          return 'PENDING';
        case 'approved':
          return 'APPROVED';
        case 'declined':
          return 'DECLINED';
        case undefined:
          return 'OTHER';
      }
  }
}

/** `waiting/unpaid`; an undocumented id is shown as the raw number (`7/unpaid`), with an `unknown_enum` warning. */
function providerStatusOf(wire: StatusIds, context: ReadContext): string {
  const attempt = transactionStatusName(wire.transactionStatusId);
  const request = requestStatusName(wire.paymentRequestStatusId);
  if (attempt === undefined) warnProviderData(context.provider, context.operation, 'transactionStatusId', 'unknown_enum');
  if (request === undefined) warnProviderData(context.provider, context.operation, 'paymentRequestStatusId', 'unknown_enum');
  return `${attempt ?? wire.transactionStatusId}/${request ?? wire.paymentRequestStatusId}`;
}

/** The unified Transaction status of a payment request. */
export function transactionStatusOf(status: PaymentRequestStatus): TransactionStatus {
  switch (status) {
    case 'WAITING':
    case 'PENDING':
      return 'PENDING';
    case 'APPROVED':
      return 'POSTED';
    case 'DECLINED':
      return 'DECLINED';
    case 'CANCELLED':
      return 'CANCELLED';
    case 'OTHER':
      return 'OTHER';
  }
}

/**
 * A payment request seen as a unified Transaction (issue 4, item 3). Caibo has no bank accounts, so
 * `accountRef` is always null; the transaction belongs to the customer the request addresses. The
 * amount is what the customer is asked to pay in (Caibo calls approved ones `totalDeposits`), so it is
 * positive: money into the merchant's Caibo balance, the only "account" there is.
 */
export function toPaymentRequest(wire: WirePaymentRequest, context: ReadContext): PaymentRequest {
  const status = paymentRequestStatusOf(wire);
  const customerId = wire.clientId ?? wire.client?.id ?? null;
  const customerRef = customerId === null ? null : ref(PROVIDER, 'Customer', customerId);
  const decimal = caiboDecimal(wire.amount);
  if (decimal === undefined) throw new UnreadableRecord(context, 'amount');
  const amount = moneyOf(decimal, wire.unit.toUpperCase());
  const createdAt = caiboDate(wire.createDate, 'createDate', context);
  const statusChangedAt =
    wire.logCreateDate != null
      ? caiboDate(wire.logCreateDate, 'logCreateDate', context)
      : caiboDate(wire.lastLog?.createDate ?? null, 'lastLog.createDate', context);
  const providerStatus = providerStatusOf(wire, context);
  const transaction: Transaction = {
    ref: ref(PROVIDER, 'Transaction', wire.id),
    provider: PROVIDER,
    providerId: wire.id,
    accountRef: null,
    customerRef,
    amount,
    status: transactionStatusOf(status),
    providerStatus,
    description: wire.notes,
    memo: wire.referenceId,
    category: null,
    payee: wire.recipientName,
    // Settled once approved: the approval is the last status change.
    postedAt: status === 'APPROVED' ? statusChangedAt : null,
    transactedAt: createdAt,
    details: { provider: PROVIDER, paymentRequestId: wire.id, referenceId: wire.referenceId, transactionNumber: wire.transactionNumber },
  };
  return {
    ref: ref(PROVIDER, 'PaymentRequest', wire.id),
    provider: PROVIDER,
    providerId: wire.id,
    customerRef,
    amount,
    status,
    providerStatus,
    link: wire.link,
    referenceId: wire.referenceId,
    notes: wire.notes,
    transactionNumber: wire.transactionNumber,
    statusMessage: wire.lastLog?.message ?? null,
    statusCode: wire.lastLog?.code ?? null,
    createdAt,
    statusChangedAt,
    transaction,
    attemptId: wire.transactionId,
  };
}
