import type { RecordSchema } from '../record-reader.js';
import { customerSchema, transactionSchema, type WireCustomer, type WireTransaction } from './wire.js';

/**
 * A hand-written reader for the hot Mastercard transaction record (issue 17: zod's per-member
 * payloads and transform closures were ~12 % of the reference query's allocations). It only ever
 * answers for a record it is sure of: every member is absent, null or of the one type the zod
 * schema in wire.ts accepts, and the data it builds is what `transactionSchema.safeParse` would
 * build (same members, same order, unknown members stripped). Anything else — a record that fails,
 * or one it is unsure of — goes to the zod schema, which stays the definition: its issues drive the
 * tolerant repair of record-reader.ts exactly as before. A property test holds the two together.
 */

type Out = Record<string, unknown>;

/** `optionalText`: absent, null or a string. False when zod must decide. */
function text(raw: Out, key: string, out: Out): boolean {
  const value = raw[key];
  if (typeof value === 'string' || value === null) out[key] = value;
  else if (value !== undefined || key in raw) return false;
  return true;
}

/** `flexibleId` (required unless `optional`): a string, or a finite number as its string. */
function id(raw: Out, key: string, out: Out, optional: boolean): boolean {
  const value = raw[key];
  if (typeof value === 'string') out[key] = value;
  else if (typeof value === 'number' && Number.isFinite(value)) out[key] = String(value);
  else if (optional && value === null) out[key] = null;
  else if (!optional || value !== undefined || key in raw) return false;
  return true;
}

const DIGITS = /^\d+$/;

/** `epochSeconds.nullish()`: a finite number, or a string of digits as its number. */
function epoch(raw: Out, key: string, out: Out): boolean {
  const value = raw[key];
  if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
  else if (typeof value === 'string' && DIGITS.test(value)) out[key] = Number(value);
  else if (value === null) out[key] = null;
  else if (value !== undefined || key in raw) return false;
  return true;
}

const isPlainRecord = (value: unknown): value is Out => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `categorization`: null, or an object of three optional texts (others stripped). */
function categorization(raw: Out, out: Out): boolean {
  const value = raw.categorization;
  if (value === null) out.categorization = null;
  else if (isPlainRecord(value)) {
    const inner: Out = {};
    if (!text(value, 'normalizedPayeeName', inner) || !text(value, 'category', inner) || !text(value, 'bestRepresentation', inner)) return false;
    out.categorization = inner;
  } else if (value !== undefined || 'categorization' in raw) return false;
  return true;
}

/** The record as `transactionSchema` reads it when the fast path is sure, else undefined. */
export function fastTransaction(raw: unknown): WireTransaction | undefined {
  if (!isPlainRecord(raw)) return undefined;
  const out: Out = {};
  if (!id(raw, 'id', out, false)) return undefined;
  const amount = raw.amount;
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return undefined;
  out.amount = amount;
  const ok =
    id(raw, 'accountId', out, true) &&
    id(raw, 'customerId', out, true) &&
    text(raw, 'status', out) &&
    text(raw, 'description', out) &&
    text(raw, 'memo', out) &&
    text(raw, 'type', out) &&
    epoch(raw, 'transactionDate', out) &&
    epoch(raw, 'postedDate', out) &&
    epoch(raw, 'createdDate', out) &&
    text(raw, 'currencySymbol', out) &&
    categorization(raw, out);
  return ok ? (out as WireTransaction) : undefined;
}

/** {@link transactionSchema} with the fast path in front: what record-reader.ts reads transactions with. */
export const transactionRecord: RecordSchema<WireTransaction> = {
  safeParse(raw) {
    const data = fastTransaction(raw);
    return data === undefined ? transactionSchema.safeParse(raw) : { success: true, data };
  },
};

const CUSTOMER_TEXTS = ['username', 'firstName', 'lastName', 'phone', 'email', 'type'] as const;
const CUSTOMER_MEMBERS = new Set(['id', ...CUSTOMER_TEXTS, 'createdDate', 'lastModifiedDate', 'applicationId', 'category', 'abn']);

/**
 * The record as `customerSchema` reads it when the fast path is sure, else undefined (issue 17: zod
 * on the 20 customers of a list was ~6 % of a customers query's CPU). The schema is `passthrough`:
 * its members in schema order, then every other member in the record's order, as zod builds it.
 */
export function fastCustomer(raw: unknown): WireCustomer | undefined {
  if (!isPlainRecord(raw)) return undefined;
  const out: Out = {};
  const ok =
    id(raw, 'id', out, false) &&
    CUSTOMER_TEXTS.every((key) => text(raw, key, out)) &&
    epoch(raw, 'createdDate', out) &&
    epoch(raw, 'lastModifiedDate', out) &&
    text(raw, 'applicationId', out) &&
    text(raw, 'category', out) &&
    text(raw, 'abn', out);
  if (!ok) return undefined;
  for (const key of Object.keys(raw)) {
    if (CUSTOMER_MEMBERS.has(key)) continue;
    // zod does not copy an own `__proto__` member; leave such a record to zod.
    if (key === '__proto__') return undefined;
    out[key] = raw[key];
  }
  return out as WireCustomer;
}

/** {@link customerSchema} with the fast path in front: what the adapter reads customers with. */
export const customerRecord: RecordSchema<WireCustomer> = {
  safeParse(raw) {
    const data = fastCustomer(raw);
    return data === undefined ? customerSchema.safeParse(raw) : { success: true, data };
  },
};
