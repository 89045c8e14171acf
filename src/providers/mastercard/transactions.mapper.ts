import { decimalFromNumber } from '../../domain/decimal.js';
import { GatewayError } from '../../domain/errors.js';
import { ref } from '../../domain/global-id.js';
import type { Transaction, TransactionStatus } from '../../domain/model.js';
import { epochToDate } from './customers.mapper.js';
import type { MastercardRegion } from './region.js';
import type { WireTransaction } from './wire.js';

/** Transaction.status is active | pending | shadow (us-notes.md, Transactions). */
export function transactionStatusOf(region: MastercardRegion, status: string): TransactionStatus {
  switch (status) {
    case 'active':
      return 'POSTED';
    case 'pending':
      return 'PENDING';
    case 'shadow':
      // Mastercard: shadow transactions are expected but not yet reported by the institution.
      return 'SHADOW';
    default:
      throw new GatewayError('PROVIDER_UNAVAILABLE', `${region.provider} answered an unknown transaction status`, {
        provider: region.provider,
      });
  }
}

export function toTransaction(region: MastercardRegion, wire: WireTransaction, customerId: string): Transaction {
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
    amount: { amount: decimalFromNumber(wire.amount), currency },
    status: transactionStatusOf(region, wire.status),
    providerStatus: wire.status,
    description: wire.description ?? null,
    memo: wire.memo ?? null,
    category: wire.categorization?.category ?? null,
    payee: wire.categorization?.normalizedPayeeName ?? null,
    postedAt: epochToDate(wire.postedDate),
    transactedAt: epochToDate(wire.transactionDate),
    details: { provider: region.provider, type: wire.type || null },
  };
}
