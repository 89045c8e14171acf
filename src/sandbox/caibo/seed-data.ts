import { createSeededRandom, type SeededRandom } from '../seeded-random.js';
import { outcomeForAmount, type TransactionStatus } from './payment-status.js';
import { isoDateTime, type CustomerRecord, type Merchant, type PayerAttempt, type PaymentRequestRecord } from './records.js';

/**
 * The Caibo sandbox's own seed data: one merchant, five customers and eleven payment requests in every
 * status and four units. Ids are fixed so tests can name them; amounts and times are a pure function of
 * `seed` and `anchorDate`.
 *
 * Ids: Caibo ids are int64 (seed 003). The docs' example ids have 17 digits (`16772761082427695`,
 * docs.caibo.digital/h2h/notifications), which is above `Number.MAX_SAFE_INTEGER`; the sandbox keeps
 * its ids at 16 digits so they survive `JSON.parse`, but an adapter should treat them as strings.
 */

export const DEFAULT_CAIBO_SEED = 4;

export const CAIBO_SANDBOX_MERCHANT: Merchant = {
  ownerId: 1676242040039481,
  userId: 1676242040039482,
  name: 'Caibo Sandbox Merchant',
};

export const CAIBO_SEED_CUSTOMER_IDS = {
  janeDoe: 1677274843291201,
  lukasSchmidt: 1677274843291202,
  aishaKhan: 1677274843291203,
  carlosMendes: 1677274843291204,
  meiTanaka: 1677274843291205,
} as const;

interface SeedCustomer {
  id: number;
  name: string;
  email: string;
  address: string | null;
  phone: string | null;
  memberId: string | null;
  daysAgo: number;
}

const CUSTOMERS: readonly SeedCustomer[] = [
  { id: CAIBO_SEED_CUSTOMER_IDS.janeDoe, name: 'Jane Doe', email: 'jane.doe@example.com', address: '123 Main St, Springfield, IL 62701, US', phone: '+15551234567', memberId: 'CUST-001', daysAgo: 170 },
  { id: CAIBO_SEED_CUSTOMER_IDS.lukasSchmidt, name: 'Lukas Schmidt', email: 'lukas.schmidt@example.de', address: 'Torstrasse 12, 10119 Berlin, DE', phone: '+493012345678', memberId: 'CUST-002', daysAgo: 140 },
  { id: CAIBO_SEED_CUSTOMER_IDS.aishaKhan, name: 'Aisha Khan', email: 'aisha.khan@example.co.uk', address: '221 Baker Street, London NW1 6XE, GB', phone: '+442071234567', memberId: 'CUST-003', daysAgo: 95 },
  { id: CAIBO_SEED_CUSTOMER_IDS.carlosMendes, name: 'Carlos Mendes', email: 'carlos.mendes@example.com', address: null, phone: null, memberId: 'CUST-004', daysAgo: 60 },
  // A customer with no payment requests and only the required fields.
  { id: CAIBO_SEED_CUSTOMER_IDS.meiTanaka, name: 'Mei Tanaka', email: 'mei.tanaka@example.jp', address: null, phone: null, memberId: null, daysAgo: 12 },
];

interface SeedPaymentRequest {
  id: number;
  clientId: number;
  unit: string;
  /** Final outcomes get an amount consistent with `outcomeForAmount`. */
  status: TransactionStatus;
  cancelled?: boolean;
  daysAgo: number;
  payerCountry: string;
}

const PAYMENT_REQUESTS: readonly SeedPaymentRequest[] = [
  { id: 1677276108242701, clientId: CAIBO_SEED_CUSTOMER_IDS.janeDoe, unit: 'USD', status: 'approved', daysAgo: 150, payerCountry: 'US' },
  { id: 1677276108242702, clientId: CAIBO_SEED_CUSTOMER_IDS.janeDoe, unit: 'USD', status: 'approved', daysAgo: 90, payerCountry: 'US' },
  { id: 1677276108242703, clientId: CAIBO_SEED_CUSTOMER_IDS.janeDoe, unit: 'USD', status: 'declined', daysAgo: 30, payerCountry: 'US' },
  { id: 1677276108242704, clientId: CAIBO_SEED_CUSTOMER_IDS.janeDoe, unit: 'USD', status: 'pending', daysAgo: 1, payerCountry: 'US' },
  { id: 1677276108242705, clientId: CAIBO_SEED_CUSTOMER_IDS.lukasSchmidt, unit: 'EUR', status: 'approved', daysAgo: 120, payerCountry: 'DE' },
  { id: 1677276108242706, clientId: CAIBO_SEED_CUSTOMER_IDS.lukasSchmidt, unit: 'EUR', status: 'waiting', daysAgo: 3, payerCountry: 'DE' },
  { id: 1677276108242707, clientId: CAIBO_SEED_CUSTOMER_IDS.lukasSchmidt, unit: 'EUR', status: 'waiting', cancelled: true, daysAgo: 45, payerCountry: 'DE' },
  { id: 1677276108242708, clientId: CAIBO_SEED_CUSTOMER_IDS.aishaKhan, unit: 'GBP', status: 'approved', daysAgo: 80, payerCountry: 'GB' },
  { id: 1677276108242709, clientId: CAIBO_SEED_CUSTOMER_IDS.aishaKhan, unit: 'GBP', status: 'declined', daysAgo: 20, payerCountry: 'GB' },
  { id: 1677276108242710, clientId: CAIBO_SEED_CUSTOMER_IDS.carlosMendes, unit: 'USDT', status: 'approved', daysAgo: 40, payerCountry: 'BR' },
  { id: 1677276108242711, clientId: CAIBO_SEED_CUSTOMER_IDS.carlosMendes, unit: 'USDT', status: 'pending', daysAgo: 0, payerCountry: 'BR' },
];

export const CAIBO_SEED_PAYMENT_REQUEST_IDS = PAYMENT_REQUESTS.map((request) => request.id);

/** First ids handed out by the API: above every seeded id, so they never collide. */
export const FIRST_CREATED_ID = 1677300000000001;
export const FIRST_TRANSACTION_ID = 265101;
export const FIRST_LOG_ID = 903001;

export interface CaiboSeedData {
  merchant: Merchant;
  customers: CustomerRecord[];
  paymentRequests: PaymentRequestRecord[];
  /** Next transaction id / log id after the seeded ones. */
  nextTransactionId: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export function buildCaiboSeedData(seed: number, anchorDate: Date): CaiboSeedData {
  const random = createSeededRandom(seed);
  const anchor = anchorDate.getTime();
  const merchant = { ...CAIBO_SANDBOX_MERCHANT };

  const customers = CUSTOMERS.map((customer): CustomerRecord => ({
    id: customer.id,
    ownerId: merchant.ownerId,
    userId: merchant.userId,
    ownerName: merchant.name,
    name: customer.name,
    email: customer.email,
    address: customer.address,
    phone: customer.phone,
    memberId: customer.memberId,
    createDate: isoDateTime(anchor - customer.daysAgo * DAY_MS - random.int(1, 20) * HOUR_MS),
  }));

  let transactionId = FIRST_TRANSACTION_ID;
  const paymentRequests = PAYMENT_REQUESTS.map((request, index): PaymentRequestRecord => {
    // daysAgo 0 stays before the anchor (midnight) by starting from the previous evening.
    const created = anchor - request.daysAgo * DAY_MS - random.int(2, 10) * HOUR_MS;
    const settled = created + random.int(1, 30) * 60_000;
    const hasTransaction = request.status !== 'waiting';
    const id = hasTransaction ? transactionId++ : null;
    return {
      id: request.id,
      clientId: request.clientId,
      amount: seedAmount(random, request.status),
      unit: request.unit,
      referenceId: `ORDER-${1001 + index}`,
      notes: `Sandbox order ${1001 + index}`,
      notifyUrl: null,
      successUrl: 'https://merchant.example.com/thank-you',
      failureUrl: 'https://merchant.example.com/payment-failed',
      originDomain: 'shop.example.com',
      createDate: isoDateTime(created),
      status: request.status,
      cancelled: request.cancelled ?? false,
      stageStartedAt: hasTransaction ? settled : created,
      autoAdvance: false,
      transactionId: id,
      transactionNumber: id === null ? null : transactionNumberFor(id),
      attempt: hasTransaction ? seedAttempt(random, request.payerCountry, request.status) : null,
      lastLogId: id === null ? null : FIRST_LOG_ID - 1000 + index,
      lastLogAt: hasTransaction ? isoDateTime(settled) : null,
    };
  });

  return { merchant, customers, paymentRequests, nextTransactionId: transactionId };
}

function seedAmount(random: SeededRandom, status: TransactionStatus): number {
  const cents = random.int(1_000, 150_000); // 10.00 .. 1500.00
  const amount = status === 'declined' ? 2000 + random.int(0, 99_999) / 100 : cents / 100;
  // Keep the seed consistent with the sandbox's outcome rule.
  if (status === 'declined' && outcomeForAmount(amount) !== 'declined') throw new Error('seed amount rule');
  return amount;
}

function seedAttempt(random: SeededRandom, payerCountry: string, status: TransactionStatus): PayerAttempt {
  return {
    payerCountry,
    // Well-known public test card ranges, never a real PAN.
    cardBin: status === 'declined' ? '400000' : '424242',
    cardLastDigits: status === 'declined' ? '0002' : '4242',
    device: random.pick(['desktop', 'mobile']),
    browser: random.pick(['Chrome', 'Safari', 'Firefox']),
    osName: random.pick(['Windows', 'macOS', 'iOS', 'Android']),
  };
}

/**
 * `transactionNumber` is the transaction's "public identifier" (Payment Status page); its format was not
 * seen, so the sandbox uses a prefixed, zero-padded number derived from the internal id.
 */
export function transactionNumberFor(transactionId: number): string {
  return `TRX${String(transactionId).padStart(10, '0')}`;
}
