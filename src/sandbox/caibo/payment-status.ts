/**
 * Payment request statuses (caibo-notes.md, Payment requests; docs page "Payment Status"):
 * - `transactionStatusId`: 0 waiting, 1 approved, 2 declined, 3 pending.
 * - `paymentRequestStatusId`: 1 paid, 2 unpaid, 3 cancelled.
 *
 * The sandbox lifecycle: a new request is `waiting` (nobody has opened the pay link yet), moves to
 * `pending` (the payer submitted, the processor has not answered), then to `approved` or `declined`.
 * Cancelling only happens through the sandbox trigger; the transaction status is kept as it was.
 */
export type TransactionStatus = 'waiting' | 'pending' | 'approved' | 'declined';
export type SandboxStatus = TransactionStatus | 'cancelled';

export const TRANSACTION_STATUS_IDS: Record<TransactionStatus, number> = {
  waiting: 0,
  approved: 1,
  declined: 2,
  pending: 3,
};

export const PAYMENT_REQUEST_STATUS_IDS = { paid: 1, unpaid: 2, cancelled: 3 } as const;

export const SANDBOX_STATUSES: readonly SandboxStatus[] = ['waiting', 'pending', 'approved', 'declined', 'cancelled'];

export function isSandboxStatus(value: unknown): value is SandboxStatus {
  return typeof value === 'string' && (SANDBOX_STATUSES as readonly string[]).includes(value);
}

export function paymentRequestStatusId(status: TransactionStatus, cancelled: boolean): number {
  if (cancelled) return PAYMENT_REQUEST_STATUS_IDS.cancelled;
  // A declined attempt leaves the request unpaid: the payer may try again with another card.
  return status === 'approved' ? PAYMENT_REQUEST_STATUS_IDS.paid : PAYMENT_REQUEST_STATUS_IDS.unpaid;
}

/**
 * Sandbox rule (no Caibo test-amount table was found): an amount from 2000 up to, but not including,
 * 3000 (in any currency) is declined; every other amount is approved. The same convention as the
 * well-known processor sandboxes, so a partner can pick the outcome by choosing the amount.
 */
export function outcomeForAmount(amount: number): 'approved' | 'declined' {
  return amount >= 2000 && amount < 3000 ? 'declined' : 'approved';
}

/** The automatic next step, or undefined once the status is final. */
export function nextAutomaticStatus(status: TransactionStatus, amount: number): TransactionStatus | undefined {
  switch (status) {
    case 'waiting':
      return 'pending';
    case 'pending':
      return outcomeForAmount(amount);
    case 'approved':
    case 'declined':
      return undefined;
  }
}

export interface LastLog {
  transactionStatusId: number;
  message: string;
  code: string;
}

/**
 * `lastLog{transactionStatusId, message, code}` (caibo-notes.md). The texts are the sandbox's own;
 * the codes follow ISO 8583 response codes (00 approved, 51 insufficient funds), which card processors
 * commonly pass through. A waiting request has had no attempt, so no log.
 */
export function lastLogFor(status: TransactionStatus): LastLog | null {
  switch (status) {
    case 'waiting':
      return null;
    case 'pending':
      return { transactionStatusId: TRANSACTION_STATUS_IDS.pending, message: 'Awaiting processor response', code: '' };
    case 'approved':
      return { transactionStatusId: TRANSACTION_STATUS_IDS.approved, message: 'Approved', code: '00' };
    case 'declined':
      return { transactionStatusId: TRANSACTION_STATUS_IDS.declined, message: 'Insufficient funds', code: '51' };
  }
}

/**
 * Fee of an approved payment. The H2H notification example (docs.caibo.digital/h2h/notifications:
 * `grossAmount=10&fee=0.5&netAmount=9.5`) shows 5 %, so the sandbox charges 5 %.
 */
export const SANDBOX_FEE_RATE = 0.05;

export function roundMoney(amount: number): number {
  return Math.round(amount * 100) / 100;
}
