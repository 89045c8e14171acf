import type { ClientInput } from './client-validation.js';
import { nextAutomaticStatus, type SandboxStatus, type TransactionStatus } from './payment-status.js';
import { isoDateTime, type CustomerRecord, type Merchant, type PaymentRequestRecord } from './records.js';
import { buildCaiboSeedData, FIRST_CREATED_ID, FIRST_LOG_ID, transactionNumberFor } from './seed-data.js';

export interface StatusChange {
  paymentRequest: PaymentRequestRecord;
  previous: SandboxStatus;
  current: SandboxStatus;
}

export interface CaiboStoreOptions {
  seed: number;
  anchorDate: Date;
  now: () => number;
  /** How long each automatic step takes (waiting → pending → approved/declined). */
  stepMs: number;
  onStatusChange: (change: StatusChange) => void;
}

export interface NewPaymentRequest {
  amount: number;
  unit: string;
  clientId: number | null;
  referenceId: string | null;
  notes: string | null;
  notifyUrl: string | null;
  successUrl: string | null;
  failureUrl: string | null;
  originDomain: string | null;
}

export interface CaiboStore {
  readonly merchant: Merchant;
  customer(id: number): CustomerRecord | undefined;
  customerByEmail(email: string): CustomerRecord | undefined;
  createCustomer(input: Required<Pick<ClientInput, 'name' | 'email'>> & ClientInput): CustomerRecord;
  updateCustomer(customer: CustomerRecord, input: ClientInput): CustomerRecord;
  /** The request with its automatic steps applied up to `now()`. */
  paymentRequest(id: number): PaymentRequestRecord | undefined;
  /** Newest first, automatic steps applied. */
  paymentRequests(filter?: { clientId?: number }): PaymentRequestRecord[];
  createPaymentRequest(input: NewPaymentRequest): PaymentRequestRecord;
  setStatus(request: PaymentRequestRecord, status: SandboxStatus): void;
  /** Applies due automatic steps everywhere; the simulator's timer calls it so callbacks fire. */
  syncAll(): void;
}

export function createCaiboStore(options: CaiboStoreOptions): CaiboStore {
  const seed = buildCaiboSeedData(options.seed, options.anchorDate);
  const merchant = seed.merchant;
  const customers = new Map(seed.customers.map((customer) => [customer.id, customer]));
  const requests = new Map(seed.paymentRequests.map((request) => [request.id, request]));
  let nextId = FIRST_CREATED_ID;
  let nextTransactionId = seed.nextTransactionId;
  let nextLogId = FIRST_LOG_ID;
  const isoNow = (): string => isoDateTime(options.now());

  const sandboxStatus = (request: PaymentRequestRecord): SandboxStatus =>
    request.cancelled ? 'cancelled' : request.status;

  const moveTo = (request: PaymentRequestRecord, status: TransactionStatus, cancelled: boolean, at: number): void => {
    const previous = sandboxStatus(request);
    request.status = status;
    request.cancelled = cancelled;
    request.stageStartedAt = at;
    if (status !== 'waiting' && request.transactionId === null) {
      request.transactionId = nextTransactionId++;
      request.transactionNumber = transactionNumberFor(request.transactionId);
      request.attempt = {
        payerCountry: 'US',
        cardBin: '424242',
        cardLastDigits: '4242',
        device: 'desktop',
        browser: 'Chrome',
        osName: 'Windows',
      };
    }
    if (status !== 'waiting' || cancelled) {
      request.lastLogId = nextLogId++;
      request.lastLogAt = isoDateTime(at);
    }
    const current = sandboxStatus(request);
    if (current !== previous) options.onStatusChange({ paymentRequest: request, previous, current });
  };

  const sync = (request: PaymentRequestRecord): PaymentRequestRecord => {
    if (!request.autoAdvance) return request;
    const now = options.now();
    for (;;) {
      if (request.cancelled) return request;
      const next = nextAutomaticStatus(request.status, request.amount);
      const dueAt = request.stageStartedAt + options.stepMs;
      if (next === undefined || now < dueAt) return request;
      // Each step starts when the previous one was due, so a late read replays the same timeline.
      moveTo(request, next, false, dueAt);
    }
  };

  return {
    merchant,
    customer: (id) => customers.get(id),
    customerByEmail: (email) => {
      const wanted = email.toLowerCase();
      return [...customers.values()].find((customer) => customer.email.toLowerCase() === wanted);
    },
    createCustomer: (input) => {
      const customer: CustomerRecord = {
        id: nextId++,
        ownerId: merchant.ownerId,
        userId: merchant.userId,
        ownerName: merchant.name,
        name: input.name,
        email: input.email,
        address: input.address ?? null,
        phone: input.phone ?? null,
        memberId: input.memberId ?? null,
        createDate: isoNow(),
      };
      customers.set(customer.id, customer);
      return customer;
    },
    updateCustomer: (customer, input) => {
      if (input.name !== undefined) customer.name = input.name;
      if (input.email !== undefined) customer.email = input.email;
      if (input.address !== undefined) customer.address = input.address;
      if (input.phone !== undefined) customer.phone = input.phone;
      if (input.memberId !== undefined) customer.memberId = input.memberId;
      return customer;
    },
    paymentRequest: (id) => {
      const request = requests.get(id);
      return request === undefined ? undefined : sync(request);
    },
    paymentRequests: (filter) =>
      [...requests.values()]
        .filter((request) => filter?.clientId === undefined || request.clientId === filter.clientId)
        .map(sync)
        .sort((a, b) => Date.parse(b.createDate) - Date.parse(a.createDate) || b.id - a.id),
    createPaymentRequest: (input) => {
      const request: PaymentRequestRecord = {
        id: nextId++,
        ...input,
        createDate: isoNow(),
        status: 'waiting',
        cancelled: false,
        stageStartedAt: options.now(),
        autoAdvance: true,
        transactionId: null,
        transactionNumber: null,
        attempt: null,
        lastLogId: null,
        lastLogAt: null,
      };
      requests.set(request.id, request);
      return request;
    },
    setStatus: (request, status) => {
      sync(request);
      if (status === 'cancelled') moveTo(request, request.status, true, options.now());
      else moveTo(request, status, false, options.now());
    },
    syncAll: () => {
      for (const request of requests.values()) sync(request);
    },
  };
}
