import type { SeededRandom } from '../seeded-random.js';
import type { AccountPlan } from './account-factory.js';
import type { IncomeSource } from './merchants.js';
import type { MastercardRegion } from './region.js';

/** Six-plus months before the anchor (issue 2: "at least six months of transactions"). */
export const STANDARD_HISTORY_DAYS = 200;
/** VOI reads up to 12 months (seed 002, VOI Overview), so income profiles go back further. */
export const VOI_HISTORY_DAYS = 400;

/** AU FinBank test profiles (seed 002, Test Profiles); the password equals the username. */
export const AU_TEST_PROFILES = [
  'profile_4110', 'profile_4111', 'profile_4112', 'profile_4113', 'profile_4114', 'profile_4115', 'profile_4116',
  'profile_4117', 'profile_4118', 'profile_voi_001', 'profile_voi_002', 'profile_voi_003', 'profile_voi_004',
] as const;

/** Each AU test profile's "Testing Purpose" (seed 002, Test Profiles), for the sandbox profile list. */
export const AU_TEST_PROFILE_PURPOSES: Record<(typeof AU_TEST_PROFILES)[number], string> = {
  profile_4110: 'Personal Transaction, Savings, Loan, Mortgage and Credit Card',
  profile_4111: 'Personal Transaction, Savings, Loan, Mortgage and Credit Card',
  profile_4112: 'Personal Transaction, Savings, Loan, Mortgage and Credit Card',
  profile_4113: 'Personal Transaction, Savings, Loan, Mortgage and Credit Card',
  profile_4114: 'Personal Transaction, Savings, Loan, Mortgage and Credit Card',
  profile_4115: 'Personal Transaction, Savings, Loan, Mortgage and Credit Card',
  profile_4116: 'Personal Transaction, Savings, Loan, Mortgage and Credit Card',
  profile_4117: 'Personal Transaction, Savings',
  profile_4118: 'Business Account, Credit Card -- Large number of transactions',
  profile_voi_001: 'Verification of income testing',
  profile_voi_002: 'Verification of income testing',
  profile_voi_003: 'Verification of income testing',
  profile_voi_004: 'Verification of income testing',
};

/** Regular income per VOI profile: each has a clear payer and cadence; voi_004 also has a stopped stream. */
export const VOI_INCOME: Record<string, IncomeSource[]> = {
  profile_voi_001: [
    { payer: 'Northwind Logistics', descriptor: 'NORTHWIND LOGISTICS PTY LTD PAYROLL', category: 'Paycheck', amount: 2412.5, jitter: 0.005, cadenceDays: 14, startDaysAgo: 395 },
  ],
  profile_voi_002: [
    { payer: "St Vincent's Health Australia", descriptor: 'ST VINCENTS HEALTH AUST SALARY', category: 'Paycheck', amount: 6150, jitter: 0, cadenceDays: 30, startDaysAgo: 390 },
    { payer: 'Services Australia', descriptor: 'SERVICES AUSTRALIA FAMILY TAX BENEFIT', category: 'Government Benefits', amount: 312.46, jitter: 0, cadenceDays: 14, startDaysAgo: 380 },
  ],
  profile_voi_003: [
    { payer: 'BuildRite Constructions', descriptor: 'BUILDRITE CONSTRUCTIONS WAGES', category: 'Paycheck', amount: 1180, jitter: 0.15, cadenceDays: 7, startDaysAgo: 392 },
    { payer: 'Ray White Rental Trust', descriptor: 'RAY WHITE RENTAL TRUST RENT', category: 'Rental Income', amount: 2100, jitter: 0, cadenceDays: 30, startDaysAgo: 385 },
  ],
  profile_voi_004: [
    { payer: 'Services Australia', descriptor: 'SERVICES AUSTRALIA AGE PENSION', category: 'Government Benefits', amount: 1116.3, jitter: 0, cadenceDays: 14, startDaysAgo: 140 },
    { payer: 'Coastal City Council', descriptor: 'COASTAL CITY COUNCIL PAYROLL', category: 'Paycheck', amount: 2030, jitter: 0.01, cadenceDays: 14, startDaysAgo: 398, endDaysAgo: 150 },
  ],
};

const auPayroll = (rng: SeededRandom): IncomeSource[] => [
  {
    payer: rng.pick(['Harbour Health Group', 'Greenfield Engineering', 'Pacific Retail Co']),
    descriptor: 'SALARY PAYMENT',
    category: 'Paycheck',
    amount: rng.int(1800, 3600) + 0.5,
    jitter: 0.01,
    cadenceDays: 14,
    startDaysAgo: STANDARD_HISTORY_DAYS,
  },
];

const usPayroll = (rng: SeededRandom): IncomeSource[] => [
  {
    payer: rng.pick(['Acme Manufacturing', 'Globex Corporation', 'Initech', 'Wasatch Health']),
    descriptor: 'PAYROLL DIRECT DEP',
    category: 'Paycheck',
    amount: rng.int(1500, 4200) + 0.25,
    jitter: 0.01,
    cadenceDays: 14,
    startDaysAgo: STANDARD_HISTORY_DAYS,
  },
];

/** Accounts a FinBank AU test profile yields when a customer signs in with it. */
export function auProfilePlans(profile: string, rng: SeededRandom): AccountPlan[] {
  const h = STANDARD_HISTORY_DAYS;
  const voi = VOI_INCOME[profile];
  if (voi) {
    return [
      { type: 'transactionAndSavings', name: 'Everyday Account', balance: rng.int(2000, 9000) + 0.35, transactionCount: 160, historyDays: VOI_HISTORY_DAYS, incomes: voi },
      { type: 'transactionAndSavings', name: 'Savings', balance: rng.int(5000, 30000) + 0.1, transactionCount: 24, historyDays: VOI_HISTORY_DAYS, savingsStyle: true },
    ];
  }
  if (profile === 'profile_4118') {
    // "Business Account, Credit Card -- Large number of transactions" (seed 002, Test Profiles).
    return [
      { type: 'transactionAndSavings', name: 'Business Transaction', balance: 48210.77, transactionCount: 1500, historyDays: h, marketSegment: 'business', incomes: [{ payer: 'Square Settlements', descriptor: 'SQUARE AU SETTLEMENT', category: 'Income', amount: 3400, jitter: 0.3, cadenceDays: 7, startDaysAgo: h }] },
      { type: 'creditCard', name: 'Business Credit Card', balance: -7312.4, transactionCount: 1100, historyDays: h, marketSegment: 'business' },
    ];
  }
  const plans: AccountPlan[] = [
    { type: 'transactionAndSavings', name: 'Transaction', balance: rng.int(1500, 25000) + 0.3, transactionCount: rng.int(50, 80), historyDays: h, incomes: auPayroll(rng) },
    { type: 'transactionAndSavings', name: 'Savings', balance: rng.int(5000, 80000), transactionCount: rng.int(20, 30), historyDays: h, savingsStyle: true },
  ];
  if (profile === 'profile_4117') return plans; // "Personal Transaction, Savings"
  plans.push(
    { type: 'creditCard', name: 'Credit Card', balance: -(rng.int(300, 4000) + 0.71), transactionCount: rng.int(30, 60), historyDays: h },
    { type: 'loan', name: 'Personal Loan', balance: -(rng.int(4000, 30000) + 0.5), transactionCount: 20, historyDays: h },
    { type: 'mortgage', name: 'Home Loan', balance: -(rng.int(250000, 700000) + 0.25), transactionCount: 21, historyDays: h },
  );
  if (profile === 'profile_4110' || profile === 'profile_4113') {
    plans.push({ type: 'cd', name: 'Term Deposit', balance: rng.int(10000, 50000), transactionCount: 7, historyDays: h });
  }
  return plans;
}

/** US FinBank accounts; `index` spreads the account types over the seeded customers. */
export function usPlans(index: number, rng: SeededRandom): AccountPlan[] {
  const h = STANDARD_HISTORY_DAYS;
  const plans: AccountPlan[] = [
    // Customer 0's checking has >1000 transactions so paging past one page is exercised.
    { type: 'checking', name: 'Super Checking', balance: rng.int(400, 12000) + 0.26, transactionCount: index === 0 ? 1250 : rng.int(40, 80), historyDays: h, incomes: usPayroll(rng) },
  ];
  if (index % 4 !== 3) plans.push({ type: 'savings', name: 'Super Saver', balance: rng.int(1000, 40000) + 0.12, transactionCount: rng.int(20, 30), historyDays: h });
  if (index % 3 !== 2) plans.push({ type: 'creditCard', name: 'Rewards Visa', balance: -(rng.int(100, 5000) + 0.44), transactionCount: index === 1 ? 1100 : rng.int(25, 70), historyDays: h });
  if (index % 4 === 1) plans.push({ type: 'loan', name: 'Auto Loan', balance: -(rng.int(5000, 30000) + 0.9), transactionCount: 20, historyDays: h });
  if (index % 5 === 0 || index % 5 === 2) plans.push({ type: 'mortgage', name: 'Home Mortgage', balance: -(rng.int(150000, 500000) + 0.6), transactionCount: 21, historyDays: h });
  if (index % 7 === 3) plans.push({ type: 'cd', name: '12 Month CD', balance: rng.int(5000, 25000), transactionCount: 7, historyDays: h });
  return plans;
}

/** Accounts for a login created through the sandbox Connect trigger. */
export function plansForProfile(region: MastercardRegion, profile: string, rng: SeededRandom): AccountPlan[] {
  return region === 'AU' ? auProfilePlans(profile, rng) : usPlans(2, rng);
}
