import { decimalFromNumber } from '../../domain/decimal.js';
import { moneyOf } from '../../domain/money.js';
import { ref } from '../../domain/global-id.js';
import type { Transaction, TransactionStatus } from '../../domain/model.js';
import { epochToDate } from './customers.mapper.js';
import { warnProviderData } from '../../observability/data-warnings.js';
import type { ReadContext } from '../record-reader.js';
import type { MastercardRegion } from './region.js';
import type { WireTransaction } from './wire.js';

function knownStatus(status: string): TransactionStatus | undefined {
  switch (status) {
    case 'active':
      return 'POSTED';
    case 'pending':
      return 'PENDING';
    case 'shadow':
      // Mastercard: found in an earlier aggregation, no longer in the institution's current data
      // source (seed 002, Shadow Transactions).
      return 'SHADOW';
    default:
      return undefined;
  }
}

/**
 * Transaction.status is active | pending | shadow (us-notes.md, Transactions). Case is not
 * significant (`ACTIVE` is `active`); any other value, or none, is OTHER with an `unknown_enum`
 * warning, and the raw value stays in `providerStatus` (issue 9: `posted` is not a Mastercard value,
 * so it is not guessed to be POSTED).
 */
export function transactionStatusOf(status: string | null | undefined, context: ReadContext): TransactionStatus {
  const known = status == null ? undefined : (knownStatus(status) ?? knownStatus(status.toLowerCase()));
  if (known !== undefined) return known;
  warnProviderData(context.provider, context.operation, 'status', 'unknown_enum');
  return 'OTHER';
}

/** A Finicity transaction (openbanking-us.yaml Transaction) as a unified Transaction; unknown statuses warn through `context`. */
export function toTransaction(region: MastercardRegion, wire: WireTransaction, customerId: string, context: ReadContext): Transaction {
  const owner = wire.customerId ?? customerId;
  const accountId = wire.accountId ?? null;
  // The reference app reads `currencySymbol` as the ISO currency (au-notes.md, Transactions page).
  const currency = wire.currencySymbol && /^[A-Z]{3}$/.test(wire.currencySymbol) ? wire.currencySymbol : region.defaultCurrency;
  return {
    ref: ref(region.provider, 'Transaction', wire.id, owner),
    provider: region.provider,
    providerId: wire.id,
    accountRef: accountId === null ? null : ref(region.provider, 'Account', accountId, owner),
    customerRef: ref(region.provider, 'Customer', owner),
    // Finicity amounts are already signed: negative is a debit (us-notes.md, Transactions).
    amount: moneyOf(decimalFromNumber(wire.amount), currency),
    status: transactionStatusOf(wire.status, context),
    providerStatus: wire.status ?? null,
    description: wire.description ?? null,
    memo: wire.memo ?? null,
    category: wire.categorization?.category ?? null,
    payee: wire.categorization?.normalizedPayeeName ?? null,
    postedAt: epochToDate(wire.postedDate),
    transactedAt: epochToDate(wire.transactionDate),
    details: { provider: region.provider, type: wire.type || null },
  };
}
