import type { AnalysisTransaction } from './report-transactions.js';

/**
 * The VOI transactional attributes, in the order of the AU docs' table (seed 002, "Verification of
 * Income Attributes"). Three are umbrellas: NET_INCOME = PAYCHECK + NON_PAYCHECK; NON_PAYCHECK_INCOME
 * = every other income kind (retirement included, per the note under "Transactional Attributes");
 * GOVERNMENT_BENEFIT_INCOME groups the four benefit kinds.
 */
export const INCOME_ATTRIBUTES = [
  'NET_INCOME',
  'PAYCHECK_INCOME',
  'NON_PAYCHECK_INCOME',
  'BONUS_INCOME',
  'SELF_EMPLOYMENT_INCOME',
  'CHILD_SUPPORT_INCOME',
  'CASH_AND_CHECK_DEPOSIT_INCOME',
  'RESIDENTIAL_RENTAL_INCOME',
  'RETIREMENT_INCOME',
  'DIVIDEND_INCOME',
  'INTEREST_INCOME',
  'GOVERNMENT_BENEFIT_INCOME',
  'DISABILITY_BENEFIT_INCOME',
  'UNEMPLOYMENT_BENEFIT_INCOME',
  'SOCIAL_SECURITY_BENEFIT_INCOME',
  'OTHER_GOVERNMENT_BENEFIT_INCOME',
  'OTHER_INCOME',
] as const;

export type IncomeAttribute = (typeof INCOME_ATTRIBUTES)[number];

/** The leaf kinds a single credit can be classified as. */
export type IncomeKind = Exclude<IncomeAttribute, 'NET_INCOME' | 'NON_PAYCHECK_INCOME' | 'GOVERNMENT_BENEFIT_INCOME'>;

const GOVERNMENT_KINDS: readonly IncomeKind[] = [
  'DISABILITY_BENEFIT_INCOME',
  'UNEMPLOYMENT_BENEFIT_INCOME',
  'SOCIAL_SECURITY_BENEFIT_INCOME',
  'OTHER_GOVERNMENT_BENEFIT_INCOME',
];

/** Whether a credit of `kind` counts towards `attribute`. */
export function attributeIncludes(attribute: IncomeAttribute, kind: IncomeKind): boolean {
  switch (attribute) {
    case 'NET_INCOME':
      return true;
    case 'NON_PAYCHECK_INCOME':
      return kind !== 'PAYCHECK_INCOME';
    case 'GOVERNMENT_BENEFIT_INCOME':
      return GOVERNMENT_KINDS.includes(kind);
    default:
      return attribute === kind;
  }
}

/**
 * Keyword rules, first match wins (bonus before paycheck, benefit pensions before retirement).
 * The provider's classifier is a model we cannot see; these rules are the sandbox's own, chosen so
 * the seeded descriptions ("ACME CORP PAYROLL", "CENTRELINK JOBSEEKER", "INTEREST PAYMENT"…) land
 * where a reader expects them.
 */
const KIND_RULES: ReadonlyArray<readonly [IncomeKind, RegExp]> = [
  ['BONUS_INCOME', /\bbonus\b/],
  ['CHILD_SUPPORT_INCOME', /child ?support|\bcsa\b/],
  ['DISABILITY_BENEFIT_INCOME', /disability|\bdsp\b|\bndis\b/],
  ['UNEMPLOYMENT_BENEFIT_INCOME', /unemployment|job ?seeker|\bui benefit/],
  ['SOCIAL_SECURITY_BENEFIT_INCOME', /social security|\bssa\b|\bssi\b|age pension/],
  ['OTHER_GOVERNMENT_BENEFIT_INCOME', /centrelink|services australia|government|\bgovt\b|treas\b|\bbenefit/],
  ['RETIREMENT_INCOME', /superannuation|\bsuper\b|pension|annuity|retirement|\b401k\b|\bira\b/],
  ['DIVIDEND_INCOME', /dividend|\bdiv\b/],
  ['INTEREST_INCOME', /\binterest\b|\bint(?:erest)? (?:paid|credit)\b/],
  ['RESIDENTIAL_RENTAL_INCOME', /\brent(?:al)?\b|tenant/],
  ['PAYCHECK_INCOME', /payroll|salary|salaries|\bwages?\b|pay ?check|\bdir(?:ect)? dep/],
  ['SELF_EMPLOYMENT_INCOME', /invoice|freelance|self.?employ|contractor|\bstripe\b|\bsquare\b|\buber\b|airtasker|\betsy\b/],
  ['CASH_AND_CHECK_DEPOSIT_INCOME', /\bcash\b|\batm\b|\bche(?:ck|que)\b|mobile deposit|branch deposit/],
];

/** Credits that are money coming back or moving between the customer's own accounts, not income. */
const NOT_INCOME = /transfer|\bxfer\b|\btfr\b|refund|reversal|returned|chargeback|cash ?back|\bloan\b|advance/;

/** Classifies a credit; `undefined` for a debit or a credit that is not income. */
export function classifyIncome(transaction: AnalysisTransaction): IncomeKind | undefined {
  if (transaction.amount <= 0) return undefined;
  const text = [transaction.description, transaction.memo, transaction.payee, transaction.category]
    .filter((part): part is string => typeof part === 'string')
    .join(' ')
    .toLowerCase();
  if (NOT_INCOME.test(text)) return undefined;
  for (const [kind, pattern] of KIND_RULES) if (pattern.test(text)) return kind;
  return 'OTHER_INCOME';
}
