import Fastify, { type FastifyReply } from 'fastify';
import { listen, type RunningSimulator } from '../../../src/sandbox/simulator.js';
import {
  registerLendingRoutes,
  type LendingAccount,
  type LendingCustomer,
  type LendingHandle,
  type LendingOptions,
  type LendingTransaction,
} from '../../../src/sandbox/mastercard/lending/index.js';

export const TOKEN = 'lending-test-token';
export const DAY_S = 86_400;

/** Epoch seconds of a UTC calendar date at noon. */
export const at = (date: string): number => Date.parse(`${date}T12:00:00Z`) / 1000;

/** A deposit series: one credit per date. */
export function credits(
  startId: number,
  accountId: string,
  dates: readonly string[],
  amount: number,
  description: string,
  payee?: string,
): LendingTransaction[] {
  return dates.map((date, index) => ({
    id: startId + index,
    accountId,
    amount,
    description,
    postedDate: at(date),
    transactionDate: at(date),
    status: 'active' as const,
    ...(payee ? { categorization: { normalizedPayeeName: payee, category: 'Paycheck' } } : {}),
  }));
}

/** Every `stepDays` from `first` while not after `last`. */
export function everyNDays(first: string, last: string, stepDays: number): string[] {
  const out: string[] = [];
  for (let day = Date.parse(`${first}T00:00:00Z`); day <= Date.parse(`${last}T00:00:00Z`); day += stepDays * DAY_S * 1000) {
    out.push(new Date(day).toISOString().slice(0, 10));
  }
  return out;
}

export const BIWEEKLY_PAYDAYS = everyNDays('2024-01-05', '2024-06-21', 14);
export const RENT_DAYS = ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01', '2024-06-01'];

/** Customer 1005061234: checking with payroll and rent, savings, a credit card. */
export function seedCustomers(): {
  customers: LendingCustomer[];
  accounts: LendingAccount[];
  transactions: Map<string, LendingTransaction[]>;
} {
  const customers: LendingCustomer[] = [
    { id: '1005061234', username: 'lending_main', firstName: 'Ada', lastName: 'Lovelace', type: 'testing' },
    { id: '1005061235', username: 'lending_empty', firstName: 'No', lastName: 'Accounts', type: 'testing' },
    { id: '1005061236', username: 'lending_cards', firstName: 'Only', lastName: 'Cards', type: 'active' },
  ];
  const accounts: LendingAccount[] = [
    { id: '5011648377', customerId: '1005061234', institutionLoginId: 7008461438, institutionId: '101732', type: 'checking', name: 'Checking', balance: 5000, currency: 'USD', number: '1234561111', accountNumberDisplay: '1111' },
    { id: '5011648378', customerId: '1005061234', institutionLoginId: 7008461438, institutionId: '101732', type: 'savings', name: 'Savings', balance: 12000, currency: 'USD', number: '1234562222', accountNumberDisplay: '2222' },
    { id: '5011648379', customerId: '1005061234', institutionLoginId: 7008461438, institutionId: '101732', type: 'creditCard', name: 'Credit Card', balance: -300, currency: 'USD', accountNumberDisplay: '3333' },
    { id: '5011648390', customerId: '1005061236', institutionLoginId: 7008461499, institutionId: '101732', type: 'creditCard', name: 'Card', balance: -20, currency: 'USD', accountNumberDisplay: '4444' },
  ];
  const main: LendingTransaction[] = [
    ...credits(100, '5011648377', BIWEEKLY_PAYDAYS, 2000, 'ACME CORP PAYROLL', 'Acme Corp'),
    ...credits(200, '5011648377', RENT_DAYS, 1500, 'RENT FROM TENANT UNIT 2'),
    ...credits(300, '5011648378', ['2024-03-10'], 500, 'TRANSFER FROM CHECKING'),
    ...credits(310, '5011648378', ['2024-02-29', '2024-05-31'], 12.5, 'INTEREST PAYMENT'),
    { id: 400, accountId: '5011648377', amount: -1200, description: 'LANDLORD RENT PAYMENT', postedDate: at('2024-03-03'), transactionDate: at('2024-03-03'), status: 'active' },
    { id: 401, accountId: '5011648377', amount: -35, description: 'NSF FEE', postedDate: at('2024-05-20'), transactionDate: at('2024-05-20'), status: 'active' },
    { id: 402, accountId: '5011648377', amount: 999, description: 'PENDING PAYROLL', postedDate: at('2024-06-29'), transactionDate: at('2024-06-29'), status: 'pending' },
  ];
  return { customers, accounts, transactions: new Map([['1005061234', main]]) };
}

export interface LendingServer {
  sim: RunningSimulator;
  handle: LendingHandle;
  clock: { ms: number };
  /** Every error body the fake `sendError` produced, to check nothing sensitive leaks. */
  errors: unknown[];
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; json: unknown; text: string }>;
}

/** A fastify app with only the lending routes, over a fake core simulator context. */
export async function startLendingServer(region: 'US' | 'AU', options: LendingOptions = {}): Promise<LendingServer> {
  const seed = seedCustomers();
  const clock = { ms: Date.parse('2024-06-30T12:00:00Z') };
  const errors: unknown[] = [];
  const app = Fastify({ logger: false });
  const tokenHeader = region === 'US' ? 'finicity-app-token' : 'app-token';
  const sendError = (reply: FastifyReply, status: number, code: number | string, message: string): FastifyReply => {
    errors.push({ code, message });
    return reply.code(status).send({ code, message });
  };
  const handle = registerLendingRoutes(
    app,
    {
      region,
      now: () => clock.ms,
      authenticate: (request, reply) => {
        if (request.headers[tokenHeader] === TOKEN) return true;
        void sendError(reply, 401, 10022, 'Invalid (Finicity-App-Token)');
        return false;
      },
      customer: (id) => seed.customers.find((customer) => customer.id === id),
      accountsOf: (id) => seed.accounts.filter((account) => account.customerId === id),
      transactionsOf: (id) => seed.transactions.get(id) ?? [],
      listCustomers: () => seed.customers,
      sendError,
    },
    { reportDelayMs: 60_000, callbackRetryDelayMs: 20, callbackTimeoutMs: 2000, ...options },
  );
  const sim = await listen(app, {});
  return {
    sim,
    handle,
    clock,
    errors,
    async call(method, path, body, headers = {}) {
      const response = await fetch(`${sim.url}${path}`, {
        method,
        headers: {
          [tokenHeader]: TOKEN,
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      let json: unknown = undefined;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: response.status, json, text };
    },
  };
}

export const VALID_CONSUMER = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  address: '434 W Ascension Way',
  city: 'Murray',
  state: 'UT',
  zip: '84123',
  phone: '1-801-984-4200',
  ssn: '123456789',
  birthday: { year: 1989, month: 8, dayOfMonth: 13 },
  email: 'ada@example.com',
};
