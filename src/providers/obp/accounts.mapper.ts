import { ref, type NativeRef } from '../../domain/global-id.js';
import type { Account, AccountType } from '../../domain/model.js';
import { warnProviderData } from '../../observability/data-warnings.js';
import type { ReadContext } from '../record-reader.js';
import { textOrNull } from './dates.js';
import { obpMoney } from './transactions.mapper.js';
import type { WireAccount } from './wire.js';

/** OBP's `owner` view: the one through which an account's owner sees everything (obp-notes.md, Accounts). */
export const OWNER_VIEW = 'owner';

/**
 * OBP's product_code / account_type is free text chosen by each bank ("CURRENT PLUS", "BUSINESS
 * CURRENT", "Red Mastercard" in OBP's own sandbox import data; "1234BW" in the resource docs). Known
 * values are listed exactly; anything else goes through keywords, then OTHER, and the raw value
 * always stays in `providerType`.
 */
export function accountTypeOf(productCode: string | null | undefined): AccountType {
  const key = (productCode ?? '').trim().toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  switch (key) {
    case 'CURRENT':
    case 'CURRENT_PLUS':
    case 'BUSINESS_CURRENT':
    case 'CHECKING':
    case 'CACC': // ISO 20022 ExternalCashAccountType: current
      return 'CHECKING';
    case 'SAVINGS':
    case 'SAVING':
    case 'SVGS':
      return 'SAVINGS';
    case 'CREDIT_CARD':
    case 'CARD':
      return 'CREDIT_CARD';
    case 'LOAN':
      return 'LOAN';
    case 'MORTGAGE':
      return 'MORTGAGE';
    case 'TERM_DEPOSIT':
    case 'FIXED_DEPOSIT':
      return 'TERM_DEPOSIT';
    default:
      if (/CURRENT|CHECKING/.test(key)) return 'CHECKING';
      if (/SAVING/.test(key)) return 'SAVINGS';
      if (/CREDIT|MASTERCARD|VISA|AMEX/.test(key)) return 'CREDIT_CARD';
      if (/MORTGAGE/.test(key)) return 'MORTGAGE';
      if (/LOAN/.test(key)) return 'LOAN';
      return 'OTHER';
  }
}

/** Last four digits of a number, for display; never the whole number (common.md). */
export function maskNumber(value: string | null | undefined): string | null {
  const digits = (value ?? '').replace(/\D/g, '');
  return digits.length === 0 ? null : `…${digits.slice(-4)}`;
}

export interface ObpAccountRouting {
  scheme: string;
  /** Masked: account routings (IBAN, AccountNumber) are full account numbers. */
  addressMasked: string | null;
}


/**
 * ModeratedAccountJSON400 → Account. `customerRef` is the customer the caller reached it through
 * (OBP links accounts to users; a customer-account link is how a customer's accounts are found).
 */
export function toAccount(wire: WireAccount, bankId: string, customerRef: NativeRef | null, context: ReadContext): Account {
  // A balance that is not a decimal is OBP's fault: null with a warning, the account still reads.
  const balance = wire.balance ? (obpMoney(wire.balance) ?? null) : null;
  if (wire.balance && balance === null) warnProviderData(context.provider, context.operation, 'balance.amount', 'unparsable');
  const routings: ObpAccountRouting[] = (wire.account_routings ?? []).flatMap((routing) =>
    routing.scheme ? [{ scheme: routing.scheme, addressMasked: maskNumber(routing.address) }] : [],
  );
  return {
    ref: ref('OBP', 'Account', wire.id, bankId),
    provider: 'OBP',
    providerId: wire.id,
    customerRef,
    name: textOrNull(wire.label),
    numberMasked: maskNumber(wire.number),
    type: accountTypeOf(wire.product_code),
    providerType: textOrNull(wire.product_code),
    // OBP reports no account status through the view.
    status: null,
    balance,
    // The view's balance is the current one; OBP gives no timestamp for it.
    balanceAt: null,
    currency: balance?.currency ?? null,
    // The bank is the institution for OBP; there is no institution login.
    institutionId: bankId,
    institutionLoginId: null,
    details: { provider: 'OBP', bankId, accountRoutings: routings, viewId: OWNER_VIEW },
  };
}
