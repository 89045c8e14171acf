import type { LendingAccount } from './data-source.js';

export type ReportType = 'voa' | 'voi' | 'cfrb' | 'cfrp';

/**
 * Deposit accounts (US and AU type names). VOI: "only supports deposit account types such as
 * Transactions, Savings, and Term Deposits"; VOA adds investments (seed 002, VOI and VOA sections).
 * Cash flow analyses the same deposit accounts (sandbox choice: the docs name credits and debits).
 */
const DEPOSIT_TYPES = new Set(['checking', 'savings', 'moneyMarket', 'cd', 'transactionAndSavings', 'termDeposit']);
const INVESTMENT_TYPES = new Set([
  'investment',
  'investmentTaxDeferred',
  'brokerageAccount',
  'nonTaxableBrokerageAccount',
  'ira',
  '401k',
  'roth',
  '403b',
  '529',
  'rollover',
]);

export function isEligibleAccount(type: ReportType, account: LendingAccount): boolean {
  if (DEPOSIT_TYPES.has(account.type)) return true;
  return type === 'voa' && INVESTMENT_TYPES.has(account.type);
}

/** FinBank test institutions by region (seed 002 "Test Profiles"; US spec report examples). */
const INSTITUTION_NAMES: Record<string, string> = {
  '101732': 'FinBank',
  '102105': 'FinBank Profiles - A',
  '102176': 'FinBank Billing',
  '200003': 'FinBank Aus OAuth',
  '2002119': 'FinBank Aus B OAuth',
  '2002120': 'FinBank OAuth Aus C',
};

export function institutionName(institutionId: string): string {
  return INSTITUTION_NAMES[institutionId] ?? `Institution ${institutionId}`;
}

/** Reports show the account number's last four digits only ("number": "1111" in every example). */
export function maskedNumber(account: LendingAccount): string {
  const digits = (account.accountNumberDisplay ?? account.realAccountNumber ?? account.number ?? account.id).replace(/\D/g, '');
  return digits.slice(-4);
}

/** Numeric ids are numbers in report JSON; anything else stays a string. */
export function numericId(id: string): number | string {
  return /^\d{1,15}$/.test(id) ? Number(id) : id;
}

/** The `institutions[]` block of a report: accounts grouped by institution, in first-seen order. */
export function groupByInstitution(
  accounts: readonly LendingAccount[],
  renderAccount: (account: LendingAccount) => Record<string, unknown>,
): Array<Record<string, unknown>> {
  const groups = new Map<string, LendingAccount[]>();
  for (const account of accounts) {
    const list = groups.get(account.institutionId) ?? [];
    list.push(account);
    groups.set(account.institutionId, list);
  }
  return [...groups].map(([institutionId, members]) => ({
    id: numericId(institutionId),
    name: institutionName(institutionId),
    urlHomeApp: 'https://www.finbank.com',
    accounts: members.map(renderAccount),
  }));
}

export function reportAccountBase(account: LendingAccount): Record<string, unknown> {
  return {
    id: numericId(account.id),
    number: maskedNumber(account),
    name: account.name,
    type: account.type,
    currency: account.currency,
    aggregationStatusCode: 0,
  };
}
