import type { TransactionStatus } from './payment-status.js';

/** The merchant account (tenant) the sandbox credentials belong to. */
export interface Merchant {
  /** `ownerId` on every record; also the `merchantId` of notifications. */
  ownerId: number;
  /** The control-panel user that logs in with email/password (`PUT /users/{userId}/apikey`). */
  userId: number;
  /** `ownerName` on clients, `recipientName` on payment requests. */
  name: string;
}

/** A customer, stored the way the `Client` schema describes it (seed 003). */
export interface CustomerRecord {
  id: number;
  ownerId: number;
  userId: number | null;
  ownerName: string | null;
  name: string;
  email: string;
  address: string | null;
  phone: string | null;
  memberId: string | null;
  /** ISO date-time. */
  createDate: string;
}

/** Card/device data of the payer's attempt; the sandbox makes it up once a transaction exists. */
export interface PayerAttempt {
  payerCountry: string;
  cardBin: string;
  cardLastDigits: string;
  device: string;
  browser: string;
  osName: string;
}

export interface PaymentRequestRecord {
  id: number;
  clientId: number | null;
  amount: number;
  /** ISO 4217 code (or a crypto unit such as USDT, which the marketing page lists). */
  unit: string;
  referenceId: string | null;
  notes: string | null;
  notifyUrl: string | null;
  successUrl: string | null;
  failureUrl: string | null;
  originDomain: string | null;
  createDate: string;
  status: TransactionStatus;
  cancelled: boolean;
  /** Epoch ms at which the current status began; the next automatic step is due `stepMs` later. */
  stageStartedAt: number;
  /**
   * Seed requests are frozen at their status so tests can rely on them; requests created through the
   * API move on by themselves.
   */
  autoAdvance: boolean;
  transactionId: number | null;
  transactionNumber: string | null;
  attempt: PayerAttempt | null;
  /** Id and time of the latest status log (`lastLog`), set on every change after `waiting`. */
  lastLogId: number | null;
  lastLogAt: string | null;
}

/**
 * ISO date-time the way System.Text.Json writes a UTC `DateTime`: fractional seconds only when there are
 * any (`2024-01-15T10:30:00Z`, `2024-01-15T10:30:00.123Z`).
 */
export function isoDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('.000Z', 'Z');
}
