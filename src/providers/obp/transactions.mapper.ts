import { decimalFromNumber, decimalFromString } from '../../domain/decimal.js';
import { moneyOf } from '../../domain/money.js';
import { ref } from '../../domain/global-id.js';
import type { Money, Transaction } from '../../domain/model.js';
import { warnProviderData } from '../../observability/data-warnings.js';
import { UnreadableRecord, type ReadContext } from '../record-reader.js';
import { obpDate, textOrNull } from './dates.js';
import type { WireAmount, WireTransaction } from './wire.js';

/**
 * An OBP amount — a decimal string, or a JSON number some connectors send — as an exact decimal;
 * throws a RangeError when it is neither (a non-decimal string, a number JSON.parse made infinite).
 */
export function obpDecimal(amount: string | number): string {
  return typeof amount === 'number' ? decimalFromNumber(amount) : decimalFromString(amount);
}

/** An OBP amount as Money (currency as currencyCode: `jpy` is JPY); undefined when `amount` is not a decimal. */
export function obpMoney(amount: WireAmount): Money | undefined {
  try {
    return moneyOf(obpDecimal(amount.amount), amount.currency);
  } catch {
    return undefined;
  }
}

/**
 * TransactionJsonV300 → Transaction.
 * - `details.value.amount` is already a signed decimal string, negative for money out (OBP's import
 *   data: "value": "-351.25" for a paid invoice): kept exactly, never through a float. An amount
 *   that cannot be read drops the row alone, with an `invalid_record` warning (record-reader.ts).
 * - `details.posted` is OBP's start date and `details.completed` its finish date (the view flags
 *   can_see_transaction_start_date / _finish_date): the finish date is when it was booked, so it is
 *   `postedAt`; the start date is `transactedAt`. OBP filters and orders by the finish date.
 * - Transactions read through a view are booked ones: OBP has no pending state there, so POSTED.
 */
export function toTransaction(wire: WireTransaction, bankId: string, accountId: string, context: ReadContext): Transaction {
  const amount = obpMoney(wire.details.value);
  if (amount === undefined) throw new UnreadableRecord(context, 'details.value.amount');
  const newBalance = wire.details.new_balance ? (obpMoney(wire.details.new_balance) ?? null) : null;
  if (wire.details.new_balance && newBalance === null) warnProviderData(context.provider, context.operation, 'details.new_balance.amount', 'unparsable');
  const ownAccount = textOrNull(wire.this_account?.id) ?? accountId;
  return {
    ref: ref('OBP', 'Transaction', wire.id, bankId, ownAccount),
    provider: 'OBP',
    providerId: wire.id,
    accountRef: ref('OBP', 'Account', ownAccount, bankId),
    // OBP transactions name account holders, not customers.
    customerRef: null,
    amount,
    status: 'POSTED',
    providerStatus: null,
    description: textOrNull(wire.details.description),
    memo: null,
    category: null,
    payee: textOrNull(wire.other_account?.holder?.name),
    postedAt: obpDate(wire.details.completed, { context, field: 'details.completed' }),
    transactedAt: obpDate(wire.details.posted, { context, field: 'details.posted' }),
    details: { provider: 'OBP', type: textOrNull(wire.details.type), newBalance, counterpartyId: textOrNull(wire.other_account?.id) },
  };
}
