import { decimalFromNumber } from '../../domain/decimal.js';
import { currencyCode, moneyOf } from '../../domain/money.js';
import { ref } from '../../domain/global-id.js';
import type { Account, AccountType } from '../../domain/model.js';
import { warnProviderData } from '../../observability/data-warnings.js';
import type { ReadContext } from '../record-reader.js';
import { epochToDate } from './customers.mapper.js';
import type { MastercardRegion } from './region.js';
import type { WireAccount } from './wire.js';

/**
 * Finicity account types (openbanking-us.yaml AccountType; AU adds transactionAndSavings,
 * au-notes.md "Shapes specific to AU") onto unified ones; undefined for a value not documented.
 */
function knownAccountType(type: string): AccountType | undefined {
  switch (type) {
    case 'checking':
      return 'CHECKING';
    case 'savings':
      return 'SAVINGS';
    case 'transactionAndSavings':
      return 'TRANSACTION_AND_SAVINGS';
    case 'cd':
      return 'TERM_DEPOSIT';
    case 'moneyMarket':
      return 'MONEY_MARKET';
    case 'creditCard':
      return 'CREDIT_CARD';
    case 'lineOfCredit':
      return 'LINE_OF_CREDIT';
    case 'loan':
    case 'studentLoan':
    case 'studentLoanGroup':
    case 'studentLoanAccount':
    case 'autoLoan':
    case 'homeEquityLoan':
    case 'personalLoan':
      return 'LOAN';
    case 'mortgage':
      return 'MORTGAGE';
    case 'investment':
    case 'investmentTaxDeferred':
    case 'brokerageAccount':
    case 'employeeStockPurchasePlan':
    case 'cryptocurrency':
    case '529plan':
    case 'educationSavings':
    case 'ugma':
    case 'utma':
      return 'INVESTMENT';
    case 'healthSavingsAccount':
      return 'SAVINGS';
    case 'ira':
    case '401k':
    case '403b':
    case '457plan':
    case '401a':
    case 'roth':
    case 'roth401k':
    case 'sepIRA':
    case 'simpleIRA':
    case 'keogh':
    case 'pension':
    case 'profitSharingPlan':
    case 'thriftSavingsPlan':
    case 'rollover':
    case 'variableAnnuity':
      return 'RETIREMENT';
    default:
      return undefined;
  }
}

/**
 * The unified type of a Finicity account type. A value not documented is OTHER with an
 * `unknown_enum` warning; the raw value always stays in `providerType`, so it is visible, not lost.
 */
export function accountTypeOf(type: string | null | undefined, context: ReadContext): AccountType {
  if (type == null) return 'OTHER';
  const known = knownAccountType(type);
  if (known !== undefined) return known;
  warnProviderData(context.provider, context.operation, 'type', 'unknown_enum');
  return 'OTHER';
}

/** A Finicity account (openbanking-us.yaml CustomerAccount) as a unified Account; only display digits of the number. */
export function toAccount(region: MastercardRegion, wire: WireAccount, customerId: string, context: ReadContext): Account {
  // The same code as the balance's Money (currencyCode), so Account.currency and balance.currency agree.
  const currency = currencyCode(wire.currency ?? region.defaultCurrency);
  const owner = wire.customerId ?? customerId;
  return {
    ref: ref(region.provider, 'Account', wire.id, owner),
    provider: region.provider,
    providerId: wire.id,
    customerRef: ref(region.provider, 'Customer', owner),
    name: wire.name ?? wire.displayName ?? null,
    // `number` can be the full account number on some institutions: only display digits leave the adapter.
    numberMasked: wire.accountNumberDisplay ?? (wire.realAccountNumberLast4 ? `…${wire.realAccountNumberLast4}` : null),
    type: accountTypeOf(wire.type, context),
    providerType: wire.type ?? null,
    status: wire.status ?? null,
    balance: wire.balance == null ? null : moneyOf(decimalFromNumber(wire.balance), currency),
    balanceAt: epochToDate(wire.balanceDate),
    currency,
    institutionId: wire.institutionId ?? null,
    institutionLoginId: wire.institutionLoginId ?? null,
    details: { provider: region.provider, aggregationStatusCode: wire.aggregationStatusCode ?? null, marketSegment: wire.marketSegment || null },
  };
}
