/** The `idempotencyKey` argument's description, shared by the creating mutations (src/domain/idempotency.ts). */
export const IDEMPOTENCY_KEY_DESCRIPTION =
  'Makes a retry safe: a second call with the same key and the same input (same caller, within 24 h) answers the record the first call created instead of creating another; the same key with another input is CONFLICT. 1-255 printable ASCII characters, e.g. a UUID';
