import { z } from 'zod/v4';

/**
 * Finicity-platform JSON as the US spec (openbanking-us.yaml v1.42.0) and the AU docs describe it,
 * parsed tolerantly: the spec itself disagrees with itself on several types (us-notes.md).
 */

/*
 * The flexible scalars below check the type by hand instead of with `z.union`: a union records a
 * failed-branch issue for every value of the "other" type, and with ~1000 transactions per page
 * that bookkeeping was the gateway's largest CPU cost (bench/run.ts profile).
 */

/** `moreAvailable` is a boolean on customers but the string "true" on transactions. */
export const flexibleBoolean = z.custom<boolean | 'true' | 'false'>(
  (value) => typeof value === 'boolean' || value === 'true' || value === 'false',
  { message: 'expected a boolean or "true"/"false"' },
).transform((value) => value === true || value === 'true');

/** Epoch seconds, as a number (create) or a numeric string (get/list), e.g. `createdDate`. */
export const epochSeconds = z.custom<number | string>(
  (value) => (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && /^\d+$/.test(value)),
  { message: 'expected epoch seconds' },
).transform(Number);

/** Ids are strings in some schemas and int64 in others (Transaction.accountId). */
export const flexibleId = z.custom<string | number>(
  (value) => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)),
  { message: 'expected an id' },
).transform(String);

const optionalText = z.string().nullish();

/**
 * A page's records, left raw for record-reader.ts: any array (absent reads as none). Checked, not
 * copied: `z.array(z.unknown())` built a new array and a payload per element — with ~150 to 1000
 * transactions per window, a cost on every record whether a page shows it or not (issue 17).
 */
const rawRecords = z.custom<unknown[]>((value) => Array.isArray(value), { message: 'expected an array of records' }).default([]);

/**
 * The envelope of a single-record answer (a get): any JSON object. The record itself is read with its
 * record schema by record-reader.ts, so an odd optional member does not fail the call.
 */
export const recordBodySchema = z.record(z.string(), z.unknown());

export const customerSchema = z
  .object({
    id: flexibleId,
    username: optionalText,
    firstName: optionalText,
    lastName: optionalText,
    phone: optionalText,
    email: optionalText,
    type: optionalText,
    createdDate: epochSeconds.nullish(),
    lastModifiedDate: epochSeconds.nullish(),
    applicationId: optionalText,
    // AU only (seed 000, Customer category): INDIVIDUAL (default) or BUSINESS, with an ABN.
    category: optionalText,
    abn: optionalText,
  })
  .passthrough();
export type WireCustomer = z.infer<typeof customerSchema>;

export const customerListSchema = z.object({
  found: z.number().nullish(),
  displaying: z.number().nullish(),
  moreAvailable: flexibleBoolean.nullish(),
  /** Records are read one by one with {@link customerSchema} (record-reader.ts): one odd record fails alone. */
  customers: rawRecords,
});

export const createdCustomerSchema = z.object({
  id: flexibleId,
  username: optionalText,
  createdDate: epochSeconds.nullish(),
});

export const accountSchema = z
  .object({
    id: flexibleId,
    number: optionalText,
    accountNumberDisplay: optionalText,
    realAccountNumberLast4: flexibleId.nullish(),
    name: optionalText,
    displayName: optionalText,
    balance: z.number().nullish(),
    type: optionalText,
    aggregationStatusCode: z.number().nullish(),
    status: optionalText,
    customerId: flexibleId.nullish(),
    institutionId: flexibleId.nullish(),
    institutionLoginId: flexibleId.nullish(),
    balanceDate: epochSeconds.nullish(),
    createdDate: epochSeconds.nullish(),
    currency: optionalText,
    marketSegment: optionalText,
  })
  .passthrough();
export type WireAccount = z.infer<typeof accountSchema>;

/** Records are read one by one with {@link accountSchema} (record-reader.ts). */
export const accountListSchema = z.object({ accounts: rawRecords });

// Not passthrough: a page holds up to 1000 of these, and copying fields we never read was the
// largest cost of the reference query (bench/run.ts profile).
export const transactionSchema = z
  .object({
    id: flexibleId,
    amount: z.number(),
    accountId: flexibleId.nullish(),
    customerId: flexibleId.nullish(),
    // Documented active | pending | shadow; anything else (or nothing) maps to OTHER in the mapper.
    status: optionalText,
    description: optionalText,
    memo: optionalText,
    type: optionalText,
    transactionDate: epochSeconds.nullish(),
    postedDate: epochSeconds.nullish(),
    createdDate: epochSeconds.nullish(),
    currencySymbol: optionalText,
    categorization: z
      .object({ normalizedPayeeName: optionalText, category: optionalText, bestRepresentation: optionalText })
      .nullish(),
  });
export type WireTransaction = z.infer<typeof transactionSchema>;

export const transactionListSchema = z.object({
  found: z.number().nullish(),
  displaying: z.number().nullish(),
  moreAvailable: flexibleBoolean.nullish(),
  /** Records are read one by one with {@link transactionSchema} (record-reader.ts). */
  transactions: rawRecords,
});

export const tokenSchema = z.object({ token: z.string().min(1) });

/** Error bodies: `{code, message}`, `code` a number or a string (us-notes.md, Errors). */
export const errorSchema = z
  .object({
    code: flexibleId.nullish(),
    message: z.string().nullish(),
    title: z.string().nullish(),
  })
  .passthrough();
