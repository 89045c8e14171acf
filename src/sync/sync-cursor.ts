import { GatewayError } from '../domain/errors.js';

/**
 * transactionsSync cursors: opaque base64url of `["t1", storeId, sequence, scopeHash, more]`. The sequence
 * is the store's change-log position (monotonic, kept in the database, so cursors survive restarts);
 * the store id and the scope hash make a cursor of another store, or of another scope, an error
 * instead of a silently wrong feed. `more` marks a cursor handed out with hasMore: the caller is
 * still paging, so the next call reads on from the store without asking the providers again.
 */
export interface SyncCursor {
  storeId: string;
  seq: number;
  scopeHash: string;
  more: boolean;
}

const VERSION = 't1';
const FIELD = 'cursor';

export function encodeSyncCursor(cursor: SyncCursor): string {
  return Buffer.from(JSON.stringify([VERSION, cursor.storeId, cursor.seq, cursor.scopeHash, cursor.more ? 1 : 0]), 'utf8').toString('base64url');
}

function refused(why: string): GatewayError {
  return new GatewayError('BAD_USER_INPUT', `Invalid cursor: ${why}`, { field: FIELD });
}

/**
 * The caller's cursor, checked against this store and scope: BAD_USER_INPUT (field `cursor`) when it
 * is malformed, from another store, for another scope, or ahead of the store's last sequence.
 */
export function decodeSyncCursor(text: string, expected: { storeId: string; scopeHash: string; lastSeq: number }): SyncCursor {
  if (!/^[A-Za-z0-9_-]{1,512}$/.test(text)) throw refused('not a cursor issued by transactionsSync');
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw refused('not a cursor issued by transactionsSync');
  }
  if (!Array.isArray(parts) || parts.length !== 5 || parts[0] !== VERSION) throw refused('not a cursor issued by transactionsSync');
  const [, storeId, seq, scopeHash, more] = parts as unknown[];
  if (typeof storeId !== 'string' || typeof scopeHash !== 'string' || typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0 || (more !== 0 && more !== 1)) {
    throw refused('not a cursor issued by transactionsSync');
  }
  if (storeId !== expected.storeId || seq > expected.lastSeq) throw refused('issued by another gateway store');
  if (scopeHash !== expected.scopeHash) throw refused('issued for another scope; start again without a cursor or pass the scope it was issued for');
  return { storeId, seq, scopeHash, more: more === 1 };
}
