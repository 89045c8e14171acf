import type { SeededRandom } from '../seeded-random.js';
import { stableUuid } from './ids.js';
import type { Counterparty, ObpTransaction, ProductCode } from './model.js';
import type { BankProfile } from './seed-banks.js';

const DAY_MS = 86_400_000;
/** Seeded history starts this many days before anchorDate: comfortably more than six months. */
export const HISTORY_DAYS = 200;
/** The last seeded day is this many days before anchorDate, so a card payment that completes up
 * to two days after posting still completes before anchorDate. */
const LAST_DAY_GAP = 3;

/** Rough price level per currency so SGD salaries are not GBP-sized. */
const PRICE_LEVEL: Record<string, number> = { GBP: 1, EUR: 1.15, USD: 1.3, SGD: 1.7 };

interface PlannedEvent {
  type: string;
  description: string;
  counterpartyName: string;
  amountMinor: number;
  posted: Date;
  completed: Date;
}

export interface TransactionHistory {
  transactions: ObpTransaction[];
  openingBalanceMinor: number;
  closingBalanceMinor: number;
}

export interface HistoryInput {
  random: SeededRandom;
  seedKey: string;
  bank: BankProfile;
  accountId: string;
  productCode: ProductCode;
  currency: string;
  anchorDate: Date;
}

/**
 * A deterministic history for one account: the events a real account of that product would see,
 * ordered by completion date (OBP orders and filters transactions by their finish date), with
 * `new_balance` the running balance after each one and the account balance the last of them.
 */
export function generateHistory(input: HistoryInput): TransactionHistory {
  const { random, anchorDate, currency } = input;
  const level = PRICE_LEVEL[currency] ?? 1;
  const money = (min: number, max: number): number => Math.round(random.int(min, max) * level);
  const events: PlannedEvent[] = [];
  const start = anchorDate.getTime() - HISTORY_DAYS * DAY_MS;
  const days = HISTORY_DAYS - LAST_DAY_GAP + 1;

  const at = (day: Date, delayDays = 0): { posted: Date; completed: Date } => {
    const posted = new Date(day.getTime() + random.int(7 * 3600, 21 * 3600) * 1000);
    return { posted, completed: new Date(posted.getTime() + delayDays * DAY_MS) };
  };
  const push = (type: string, description: string, counterpartyName: string, amountMinor: number, when: { posted: Date; completed: Date }): void => {
    events.push({ type, description, counterpartyName, amountMinor, ...when });
  };

  const b = input.bank;
  const employer = random.pick(b.employers);
  const utilities = b.utilities.filter(() => random.chance(0.75));
  let cardSpendSinceRepayment = 0;

  for (let d = 0; d < days; d++) {
    const day = new Date(start + d * DAY_MS);
    const dom = day.getUTCDate();
    const weekday = day.getUTCDay() !== 0 && day.getUTCDay() !== 6;
    switch (input.productCode) {
      case 'CURRENT': {
        if (dom === 25) push('PAID_IN', `Salary ${employer}`, employer, money(180_000, 420_000), at(day));
        if (dom === 1) push('STANDING_ORDER', `Rent ${b.housing}`, b.housing, -money(85_000, 160_000), at(day));
        utilities.forEach((name, i) => {
          if (dom === 3 + i * 4) push('DIRECT_DEBIT', name, name, -money(2_500, 14_000), at(day));
        });
        if (random.chance(0.5)) {
          const merchant = random.pick(b.merchants);
          push('DEBIT_CARD', merchant, merchant, -money(250, 8_500), at(day, random.int(0, 2)));
        }
        if (day.getUTCDay() === 5 && random.chance(0.35)) {
          push('CASH_WITHDRAWAL', 'Cash withdrawal', `${b.shortName} ATM`, -random.pick([2_000, 5_000, 10_000]), at(day));
        }
        break;
      }
      case 'SAVINGS': {
        if (dom === 26) push('TRANSFER', 'Transfer from current account', 'Own account', money(10_000, 60_000), at(day));
        if (dom === 28 && random.chance(0.15)) push('TRANSFER', 'Transfer to current account', 'Own account', -money(20_000, 80_000), at(day));
        if (dom === 1) push('INTEREST', 'Interest paid', b.fullName, money(40, 900), at(day));
        break;
      }
      case 'CREDIT_CARD': {
        if (random.chance(0.4)) {
          const merchant = random.pick(b.merchants);
          const amount = money(400, 14_000);
          cardSpendSinceRepayment += amount;
          push('CARD_PAYMENT', merchant, merchant, -amount, at(day, random.int(0, 2)));
        }
        if (dom === 20 && cardSpendSinceRepayment > 0) {
          push('REPAYMENT', 'Card repayment - thank you', 'Own account', cardSpendSinceRepayment, at(day));
          cardSpendSinceRepayment = 0;
        }
        break;
      }
      case 'BUSINESS_CURRENT': {
        if (weekday && random.chance(0.3)) {
          const client = `${random.pick(b.lastNames)} & ${random.pick(b.lastNames)}`;
          push('PAID_IN', `Invoice INV-${random.int(1000, 9999)} ${client}`, client, money(40_000, 450_000), at(day));
        }
        if (weekday && random.chance(0.2)) {
          const supplier = random.pick(b.merchants);
          push('TRANSFER', `Supplier payment ${supplier}`, supplier, -money(15_000, 180_000), at(day));
        }
        if (dom === 28) push('TRANSFER', 'Payroll', 'Payroll', -money(300_000, 800_000), at(day));
        if (dom === 1) push('FEE', 'Monthly account fee', b.fullName, -Math.round(1_500 * level), at(day));
        break;
      }
    }
  }

  // Stable sort keeps generation order for equal completion times.
  events.sort((x, y) => x.completed.getTime() - y.completed.getTime());

  let running = 0;
  let lowest = 0;
  for (const event of events) {
    running += event.amountMinor;
    lowest = Math.min(lowest, running);
  }
  // Deposit accounts never go overdrawn; a card account starts with an outstanding balance.
  const openingBalanceMinor =
    input.productCode === 'CREDIT_CARD' ? -money(0, 40_000) : -lowest + money(20_000, 400_000);

  const counterparties = new Map<string, Counterparty>();
  const counterpartyFor = (name: string): Counterparty => {
    let found = counterparties.get(name);
    if (!found) {
      found = {
        id: stableUuid(`${input.seedKey}:counterparty:${input.accountId}:${name}`),
        name,
        // OBP reports unknown routings as empty strings rather than omitting them.
        bankRouting: { scheme: '', address: '' },
        accountRoutings: [],
      };
      counterparties.set(name, found);
    }
    return found;
  };

  let balance = openingBalanceMinor;
  const transactions = events.map((event, index): ObpTransaction => {
    balance += event.amountMinor;
    return {
      transactionId: stableUuid(`${input.seedKey}:transaction:${input.accountId}:${index}`),
      bankId: b.id,
      accountId: input.accountId,
      type: event.type,
      description: event.description,
      posted: event.posted,
      completed: event.completed,
      currency,
      amountMinor: event.amountMinor,
      newBalanceMinor: balance,
      counterparty: counterpartyFor(event.counterpartyName),
    };
  });
  return { transactions, openingBalanceMinor, closingBalanceMinor: balance };
}
