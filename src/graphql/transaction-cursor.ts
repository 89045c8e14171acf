import { createHash } from 'node:crypto';
import { GatewayError } from '../domain/errors.js';
import type { SortOrder, TransactionKey } from '../domain/keyset.js';
import { isProviderKey } from '../domain/provider.js';

/**
 * Transaction cursors (issue 15, item 4): opaque base64url of
 * `['t1', sort, fingerprint, snapshotTo, at, provider, id]` — the keyset position (domain/keyset.ts),
 * the sort direction, a fingerprint of the list and filter the cursor was issued for, and the
 * snapshot bound: the `to` instant the first page resolved (its "now" when `filter.to` was not
 * given), which every later page keeps, so rows dated after the first page never join the pull.
 */
export interface TransactionCursor {
  sort: SortOrder;
  fingerprint: string;
  /** Epoch ms: the first page's resolved `to`. */
  snapshotTo: number;
  key: TransactionKey;
}

/** Longest cursor accepted (a native id of up to ~200 characters fits). */
const MAX_CURSOR_LENGTH = 400;

/**
 * A short, stable digest of a list's identity and filter: `list` names the connection (a parent's
 * global id, or the root field), `filter` is the caller's filter as given. Key order and the order
 * of list values do not matter; Dates are compared as instants.
 */
export function filterFingerprint(list: string, filter: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.map(canonical).map((item) => JSON.stringify(item)).sort();
    if (value !== null && typeof value === 'object') {
      return Object.keys(value)
        .filter((name) => (value as Record<string, unknown>)[name] !== undefined && (value as Record<string, unknown>)[name] !== null)
        .sort()
        .map((name) => [name, canonical((value as Record<string, unknown>)[name])]);
    }
    return value;
  };
  return createHash('sha256').update(JSON.stringify([list, canonical(filter ?? null)])).digest('base64url').slice(0, 16);
}

export function encodeTransactionCursor(cursor: TransactionCursor): string {
  const { sort, fingerprint, snapshotTo, key } = cursor;
  return Buffer.from(JSON.stringify(['t1', sort, fingerprint, snapshotTo, key.at, key.provider, key.id])).toString('base64url');
}

/**
 * Reads `cursor` for a list whose fingerprint is `fingerprint`. BAD_USER_INPUT (field `after`) when
 * it is not a transaction cursor of this gateway, or was issued for another list, filter or sort.
 */
export function decodeTransactionCursor(cursor: string, fingerprint: string, sort: SortOrder): TransactionCursor {
  const invalid = () => new GatewayError('BAD_USER_INPUT', 'after is not a transaction cursor issued by this gateway', { field: 'after' });
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parts) || parts.length !== 7 || parts[0] !== 't1') throw invalid();
  const [, sortOf, print, snapshotTo, at, provider, id] = parts as unknown[];
  if (sortOf !== 'asc' && sortOf !== 'desc') throw invalid();
  if (typeof print !== 'string' || !Number.isSafeInteger(snapshotTo)) throw invalid();
  if (at !== null && !Number.isSafeInteger(at)) throw invalid();
  if (typeof provider !== 'string' || !isProviderKey(provider) || typeof id !== 'string' || id === '') throw invalid();
  if (sortOf !== sort || print !== fingerprint) {
    throw new GatewayError(
      'BAD_USER_INPUT',
      'after is a cursor of another transaction list, filter or sort; use it with the arguments it was issued for, or start again without after',
      { field: 'after' },
    );
  }
  return { sort: sortOf, fingerprint: print, snapshotTo: snapshotTo as number, key: { at: at as number | null, provider, id } };
}
