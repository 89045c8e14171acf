import { z } from 'zod/v4';

/**
 * Tolerant schemas of Caibo's JSON (seed 003 `Client`; caibo-notes.md, Payment requests). Unknown
 * members pass through unchecked; documented nullable members may be null or missing. Bodies are
 * parsed with lossless-json.ts first, so an int64 id arrives as a number or, when long, a string.
 */

/** int64 ids become strings, never numbers (see lossless-json.ts). */
const id = z.union([z.string().regex(/^-?\d+$/), z.number().int()]).transform(String);
const nullableId = id.nullish().transform((value) => value ?? null);
const text = z.string().nullish().transform((value) => value ?? null);
/** `number` members; a long integer may have been quoted, and ASP.NET may write decimals as strings. */
const numberOrText = z.union([z.number(), z.string()]);

export const clientSchema = z
  .object({
    id,
    ownerId: nullableId,
    userId: nullableId,
    ownerName: text,
    name: text,
    email: text,
    address: text,
    phone: text,
    memberId: text,
    hasPaymentRequests: z.boolean().nullish().transform((value) => value ?? null),
    totalDeposits: numberOrText.nullish().transform((value) => value ?? null),
    createDate: text,
  })
  .passthrough();
export type WireClient = z.infer<typeof clientSchema>;

export const lastLogSchema = z
  .object({
    transactionStatusId: z.number().int().nullish(),
    code: text,
    message: text,
    createDate: text,
  })
  .passthrough();

/**
 * Both the full model (`GET /payment-requests/{id}`) and the status answer
 * (`GET /payment-requests/status/{id}`) share these members; the status answer lacks `createDate`
 * and `clientId` but nests `client`.
 */
export const paymentRequestSchema = z
  .object({
    id,
    paymentRequestStatusId: z.number().int().nullish().transform((value) => value ?? null),
    transactionStatusId: z.number().int().nullish().transform((value) => value ?? null),
    transactionId: nullableId,
    transactionNumber: text,
    recipientName: text,
    amount: numberOrText,
    unit: z.string(),
    referenceId: text,
    notes: text,
    link: text,
    createDate: text,
    clientId: nullableId,
    client: clientSchema.nullish().transform((value) => value ?? null),
    logCreateDate: text,
    lastLog: lastLogSchema.nullish().transform((value) => value ?? null),
  })
  .passthrough();
export type WirePaymentRequest = z.infer<typeof paymentRequestSchema>;

/**
 * SANDBOX ASSUMPTION: `GET /payment-requests?clientId=` answering a JSON array is served by our
 * simulator only; no Caibo source shows a list endpoint (caibo-notes.md, "Not found"). Its records
 * are read one by one with {@link paymentRequestSchema} (record-reader.ts).
 */
export const paymentRequestListSchema = z.array(z.unknown());

/**
 * The envelope of a single-record answer: any JSON object; the record is read with its record schema
 * by record-reader.ts, so an odd optional member does not fail the call.
 */
export const recordBodySchema = z.record(z.string(), z.unknown());

/** `POST /auth/login` -> `{"accessToken":"<JWT>","expireDate":"2024-01-15T10:30:00Z"}` (caibo-notes.md, Auth). */
export const loginSchema = z.object({
  accessToken: z.string().min(1),
  expireDate: z.string().min(1),
});

/** RFC 7807 ProblemDetails (seed 003), with ASP.NET's `errors` for validation failures. */
export const problemDetailsSchema = z
  .object({
    type: z.string().nullish(),
    title: z.string().nullish(),
    status: z.number().int().nullish(),
    detail: z.string().nullish(),
    errors: z.record(z.string(), z.array(z.string())).nullish(),
  })
  .passthrough();

/** Seed 003 "Error Response Format": `{"error":{"code":"CUSTOMER_NOT_FOUND","message","details"}}`. */
export const caiboErrorSchema = z.object({
  error: z
    .object({
      code: z.string(),
      message: z.string().nullish(),
    })
    .passthrough(),
});
