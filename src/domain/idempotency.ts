import { createHash } from 'node:crypto';
import type Keyv from 'keyv';
import { GatewayError } from './errors.js';
import type { NativeRef } from './global-id.js';

/**
 * Idempotency keys for creating mutations (`createCustomer`, `createPaymentRequest`; issue 16,
 * row 12). None of the providers' documents offers an idempotency header, so the gateway honours the
 * key itself: the first call with a key records what it created (the record's NativeRef and a
 * SHA-256 fingerprint of the input) in the keyv store, per caller, for {@link IDEMPOTENCY_TTL_MS};
 * a retry with the same key and the same input answers that record again (read anew) without
 * creating a second one. The same key with another input is CONFLICT. Concurrent retries in one
 * process wait for the first; across gateway instances sharing Redis, two retries arriving at the
 * same instant can still both create (keyv has no atomic set-if-absent) — send retries after a
 * timeout, not in parallel.
 */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** Printable ASCII, 1–255 characters (a UUID fits; the key is hashed before it is stored). */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

interface StoredRecord {
  fingerprint: string;
  ref: NativeRef;
}

export interface IdempotentCreate<T> {
  /** Who asks (the caller id): keys of different callers never meet. */
  caller: string;
  /** The mutation (`createCustomer`). */
  operation: string;
  /** The caller's key, or null/undefined for a plain call. */
  key: string | null | undefined;
  /** The mutation's input; equal inputs must serialise equally. */
  input: unknown;
  create(): Promise<T>;
  refOf(created: T): NativeRef;
  /** Reads the recorded record again (null when it no longer exists: then NOT_FOUND). */
  read(ref: NativeRef): Promise<T | null>;
}

export interface IdempotencyRecords {
  run<T>(call: IdempotentCreate<T>): Promise<T>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function createIdempotencyRecords(store: Keyv): IdempotencyRecords {
  const inFlight = new Map<string, { fingerprint: string; done: Promise<unknown> }>();
  return {
    async run<T>(call: IdempotentCreate<T>): Promise<T> {
      if (call.key === null || call.key === undefined) return call.create();
      if (!KEY_PATTERN.test(call.key)) {
        throw new GatewayError('BAD_USER_INPUT', 'idempotencyKey must be 1-255 printable ASCII characters without spaces', { field: 'idempotencyKey' });
      }
      const storeKey = `idempotency:${call.operation}:${sha256(`${call.caller}\u0000${call.key}`)}`;
      const fingerprint = sha256(JSON.stringify(call.input));
      const mismatch = () =>
        new GatewayError('CONFLICT', `idempotencyKey was already used for ${call.operation} with a different input`, { field: 'idempotencyKey' });
      const running = inFlight.get(storeKey);
      if (running) {
        if (running.fingerprint !== fingerprint) throw mismatch();
        await running.done.catch(() => undefined);
      }
      const recorded = (await store.get(storeKey)) as StoredRecord | undefined;
      if (recorded) {
        if (recorded.fingerprint !== fingerprint) throw mismatch();
        const again = await call.read(recorded.ref);
        if (again === null) throw new GatewayError('NOT_FOUND', `The record this idempotencyKey created no longer exists`, { field: 'idempotencyKey' });
        return again;
      }
      const done = (async () => {
        const created = await call.create();
        await store.set(storeKey, { fingerprint, ref: call.refOf(created) } satisfies StoredRecord, IDEMPOTENCY_TTL_MS);
        return created;
      })();
      inFlight.set(storeKey, { fingerprint, done });
      try {
        return await done;
      } finally {
        inFlight.delete(storeKey);
      }
    },
  };
}
