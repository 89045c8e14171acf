import type { SeededRandom } from '../seeded-random.js';
import { billsFor, merchantsFor, type IncomeSource, type Merchant } from './merchants.js';
import type { RegionProfile } from './region.js';
import type { MastercardStore, SimAccount, SimAccountType, SimInstitutionLogin, SimTransaction } from './store.js';

const DAY = 86_400;

/** What one seeded or freshly connected account looks like. */
export interface AccountPlan {
  type: SimAccountType;
  name: string;
  balance: number;
  /** Target number of transactions; recurring items count towards it. */
  transactionCount: number;
  /** How far back the history goes (VOI needs ~12 months, others 6+). */
  historyDays: number;
  incomes?: IncomeSource[];
  bills?: boolean;
  marketSegment?: 'personal' | 'business';
  /** A savings-like history (interest and transfers) on a type that has no savings flavour, e.g. AU transactionAndSavings. */
  savingsStyle?: boolean;
}

interface Draft {
  amount: number;
  day: number; // days before the anchor
  payee: string;
  descriptor: string;
  memo: string;
  category: string;
  type: string;
  merchant?: Merchant;
  checkNum?: number;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Creates one account under a login and lays out its history back from `anchor` (epoch seconds,
 * UTC midnight). Pure in (rng state, plan, anchor), so seeds are deterministic.
 */
export function createAccount(
  store: MastercardStore,
  profile: RegionProfile,
  rng: SeededRandom,
  login: SimInstitutionLogin,
  plan: AccountPlan,
  anchor: number,
  aggregationReadyAt: number,
): SimAccount {
  const id = store.newAccountId();
  const realAccountNumber =
    profile.region === 'US' ? String(rng.int(1_000_000_000, 9_999_999_999)) : String(rng.int(100_000_000, 999_999_999)).padStart(12, '0');
  const account: SimAccount = {
    id,
    customerId: login.customerId,
    institutionId: login.institutionId,
    institutionLoginId: login.id,
    realAccountNumber,
    name: plan.name,
    type: plan.type,
    status: 'active',
    balance: plan.balance,
    currency: profile.currency,
    createdDate: login.createdDate,
    aggregationReadyAt,
    marketSegment: plan.marketSegment ?? 'personal',
    detail: accountDetail(plan, anchor, rng),
    clearedRatio: 0.9 + rng.next() * 0.1,
  };
  if (plan.type === 'transactionAndSavings') {
    // BSB `XXY-ZZZ`: XX parent FI, Y state, ZZZ branch (seed 002, Account Details).
    account.bsb = `03${rng.int(2, 7)}-${String(rng.int(1, 999)).padStart(3, '0')}`;
  }
  if (profile.region === 'US' && ['checking', 'savings', 'moneyMarket'].includes(plan.type)) {
    account.routingNumber = rng.pick(['091000019', '121000248', '026009593']);
  }
  store.accounts.set(id, account);
  store.addTransactions(id, buildHistory(store, profile, rng, account, plan, anchor));
  return account;
}

function accountDetail(plan: AccountPlan, anchor: number, rng: SeededRandom): Record<string, number | string> {
  const openDate = anchor - rng.int(400, 3000) * DAY;
  switch (plan.type) {
    case 'creditCard': {
      const limit = rng.pick([5000, 8000, 12000, 20000]);
      return {
        creditMaxAmount: limit,
        creditAvailableAmount: round2(limit + plan.balance),
        paymentMinAmount: round2(Math.max(25, -plan.balance * 0.02)),
        paymentDueDate: anchor + rng.int(5, 25) * DAY,
      };
    }
    case 'loan':
    case 'mortgage': {
      const initial = plan.type === 'mortgage' ? rng.pick([450000, 620000, 800000]) : rng.pick([15000, 25000, 40000]);
      return {
        // interestRate is a string in the spec's example ("15.789").
        interestRate: plan.type === 'mortgage' ? '6.1400' : '8.9900',
        initialMlAmount: initial,
        initialMlDate: openDate,
        loanPaymentFreq: plan.type === 'mortgage' ? 'FORTNIGHTLY' : 'MONTHLY',
        paymentMinAmount: round2(initial / (plan.type === 'mortgage' ? 780 : 60)),
        nextPaymentDate: anchor + rng.int(2, 14) * DAY,
        payoffAmount: round2(-plan.balance * 1.002),
      };
    }
    case 'cd':
      return {
        openDate,
        maturityDate: anchor + rng.int(30, 360) * DAY,
        maturityAmount: round2(plan.balance * 1.045),
        interestRate: '4.5000',
        availableBalanceAmount: 0,
      };
    default:
      return { openDate, availableBalanceAmount: round2(plan.balance * 0.97) };
  }
}

function buildHistory(
  store: MastercardStore,
  profile: RegionProfile,
  rng: SeededRandom,
  account: SimAccount,
  plan: AccountPlan,
  anchor: number,
): SimTransaction[] {
  const drafts: Draft[] = [];
  const days = plan.historyDays;
  const monthlyDays = (dayOfMonth: number): number[] => {
    const out: number[] = [];
    const anchorDate = new Date(anchor * 1000);
    for (let m = 0; m * 30 <= days + 31; m++) {
      const d = Date.UTC(anchorDate.getUTCFullYear(), anchorDate.getUTCMonth() - m, dayOfMonth) / 1000;
      const ago = Math.round((anchor - d) / DAY);
      if (ago >= 1 && ago <= days) out.push(ago);
    }
    return out;
  };

  for (const income of plan.incomes ?? []) {
    const until = income.endDaysAgo ?? 1;
    for (let ago = Math.min(income.startDaysAgo, days); ago >= until; ago -= income.cadenceDays) {
      const amount = income.amount * (1 + (rng.next() * 2 - 1) * income.jitter);
      drafts.push({
        amount: round2(amount),
        day: ago,
        payee: income.payer,
        descriptor: income.descriptor,
        memo: income.category === 'Paycheck' ? 'PAYROLL DEPOSIT' : 'DIRECT CREDIT',
        category: income.category,
        type: 'directDeposit',
      });
    }
  }

  const kind: SimAccountType = plan.savingsStyle ? 'savings' : plan.type;
  if (kind === 'checking' || kind === 'transactionAndSavings') {
    if (plan.bills !== false) {
      for (const bill of billsFor(profile.region)) {
        for (const ago of monthlyDays(bill.dayOfMonth)) {
          drafts.push({ amount: -bill.amount, day: ago, payee: bill.payee, descriptor: bill.descriptor, memo: 'DIRECT DEBIT', category: bill.category, type: bill.type });
        }
      }
    }
    fillWithSpending(drafts, rng, merchantsFor(profile.region), plan, profile);
  } else if (kind === 'savings' || kind === 'moneyMarket') {
    for (const ago of monthlyDays(28)) {
      drafts.push({ amount: round2(plan.balance * 0.0035), day: ago, payee: 'Interest', descriptor: 'INTEREST CREDIT', memo: 'INTEREST', category: 'Interest Income', type: 'interest' });
    }
    while (drafts.length < plan.transactionCount) {
      const out = rng.chance(0.25);
      drafts.push({
        amount: round2((out ? -1 : 1) * rng.int(50, 800)),
        day: rng.int(1, days),
        payee: out ? 'Transfer to Checking' : 'Transfer from Checking',
        descriptor: out ? 'ONLINE TRANSFER TO CHK' : 'ONLINE TRANSFER FROM CHK',
        memo: 'INTERNAL TRANSFER',
        category: 'Transfer',
        type: 'transfer',
      });
    }
  } else if (kind === 'creditCard') {
    for (const ago of monthlyDays(20)) {
      drafts.push({ amount: round2(rng.int(300, 1500) + rng.next()), day: ago, payee: 'Payment - Thank You', descriptor: 'PAYMENT RECEIVED - THANK YOU', memo: 'PAYMENT', category: 'Credit Card Payment', type: 'payment' });
    }
    fillWithSpending(drafts, rng, merchantsFor(profile.region), plan, profile);
  } else if (kind === 'loan' || kind === 'mortgage') {
    const cadence = kind === 'mortgage' ? 14 : 30;
    const repayment = Number(accountDetailNumber(account, 'paymentMinAmount'));
    for (let ago = days; ago >= 1; ago -= cadence) {
      drafts.push({ amount: round2(repayment), day: ago, payee: 'Loan Repayment', descriptor: kind === 'mortgage' ? 'HOME LOAN REPAYMENT' : 'PERSONAL LOAN REPAYMENT', memo: 'REPAYMENT', category: kind === 'mortgage' ? 'Mortgage & Rent' : 'Loan Payment', type: 'payment' });
    }
    for (const ago of monthlyDays(1)) {
      drafts.push({ amount: round2(plan.balance * (kind === 'mortgage' ? 0.0051 : 0.0075)), day: ago, payee: 'Interest Charged', descriptor: 'INTEREST CHARGED', memo: 'INTEREST', category: 'Interest Exp', type: 'interest' });
    }
    while (drafts.length < plan.transactionCount) {
      drafts.push({ amount: -rng.pick([10, 12.5, 15]), day: rng.int(1, days), payee: 'Account Fee', descriptor: 'ACCOUNT KEEPING FEE', memo: 'FEE', category: 'Bank Fee', type: 'fee' });
    }
  } else if (kind === 'cd') {
    for (const ago of monthlyDays(15)) {
      drafts.push({ amount: round2(plan.balance * 0.0037), day: ago, payee: 'Interest', descriptor: 'TERM DEPOSIT INTEREST', memo: 'INTEREST', category: 'Interest Income', type: 'interest' });
    }
  }

  drafts.sort((a, b) => b.day - a.day || a.amount - b.amount);
  const transactions: SimTransaction[] = [];
  const canBePending = kind === 'checking' || kind === 'transactionAndSavings' || kind === 'creditCard';
  let pendingCount = 0;
  for (const draft of drafts) {
    const transactionDate = anchor - draft.day * DAY + rng.int(8, 20) * 3600;
    const isCard = draft.type === 'pointOfSale' || draft.type === 'debit';
    // Recent card items are still pending; the two newest spending items always are.
    const recent = draft.day <= 2 && isCard && canBePending;
    const pending = recent && (pendingCount < 2 || rng.chance(0.5));
    if (pending) pendingCount++;
    // Card items post the next day, but nothing posts on or after the anchor (the seed's "now").
    const postedDate = pending ? transactionDate : Math.min(transactionDate + (isCard ? DAY : 0), anchor - 60);
    const status: SimTransaction['status'] = pending ? 'pending' : draft.day > 10 && rng.chance(0.02) ? 'shadow' : 'active';
    const m = draft.merchant;
    transactions.push({
      id: store.nextTransactionId++,
      accountId: account.id,
      customerId: account.customerId,
      amount: draft.amount,
      status,
      description: draft.descriptor,
      memo: draft.memo,
      type: draft.type,
      transactionDate,
      postedDate,
      createdDate: Math.max(postedDate, Math.min(postedDate + 6 * 3600, anchor - 1)),
      categorization: {
        normalizedPayeeName: draft.payee,
        category: draft.category,
        city: m?.city,
        state: m?.state,
        postalCode: m?.postalCode,
        country: profile.country,
      },
      checkNum: draft.checkNum,
    });
  }
  // Every checking/transaction account carries at least one shadow item so clients see the status.
  if (canBePending && !transactions.some((t) => t.status === 'shadow')) {
    const old = transactions.find((t) => t.status === 'active' && anchor - t.postedDate > 30 * DAY);
    if (old) old.status = 'shadow';
  }
  return transactions;
}

function accountDetailNumber(account: SimAccount, key: string): number {
  const v = account.detail[key];
  return typeof v === 'number' ? v : Number(v ?? 0);
}

function fillWithSpending(drafts: Draft[], rng: SeededRandom, merchants: Merchant[], plan: AccountPlan, profile: RegionProfile): void {
  // Two very recent purchases so pending items always exist near the anchor.
  const recentDays = [1, 2];
  let checkNum = 1001;
  while (drafts.length < plan.transactionCount) {
    const m = rng.pick(merchants);
    const day = recentDays.shift() ?? rng.int(1, plan.historyDays);
    const isCheck = profile.region === 'US' && plan.type === 'checking' && rng.chance(0.03);
    drafts.push({
      amount: -round2(m.min + rng.next() * (m.max - m.min)),
      day,
      payee: isCheck ? 'Check' : m.payee,
      descriptor: isCheck ? `CHECK ${checkNum}` : m.descriptor,
      memo: isCheck ? 'CHECK PAID' : m.type === 'atm' ? 'ATM CASH WITHDRAWAL' : 'CARD PURCHASE',
      category: isCheck ? 'Check' : m.category,
      type: isCheck ? 'check' : m.type,
      merchant: isCheck ? undefined : m,
      checkNum: isCheck ? checkNum++ : undefined,
    });
  }
}
