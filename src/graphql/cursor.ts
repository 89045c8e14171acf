import { GatewayError } from '../domain/errors.js';
import { PAGE_LIMITS } from '../domain/paging.js';
import type { PageRequest } from '../domain/model.js';
import { isProviderKey, type ProviderKey } from '../domain/provider.js';

/**
 * Cursors are opaque to callers: base64url of the 0-based offset of an edge, plus the provider for
 * merged fan-out lists. Providers page by offset (Mastercard 1-based `start`, OBP `offset`), so an
 * offset is all a cursor needs.
 */
export interface CursorPosition {
  offset: number;
  provider: ProviderKey | null;
}

/** Cursors of plain offsets, made once each: every edge of every connection has one (issue 17). */
const offsetCursors: string[] = [];

export function encodeCursor(offset: number, provider: ProviderKey | null = null): string {
  if (provider === null && Number.isSafeInteger(offset) && offset >= 0 && offset < PAGE_LIMITS.maxSize * PAGE_LIMITS.maxFilterWindows) {
    return (offsetCursors[offset] ??= Buffer.from(JSON.stringify(['c1', offset])).toString('base64url'));
  }
  return Buffer.from(JSON.stringify(provider ? ['c1', offset, provider] : ['c1', offset])).toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): CursorPosition {
  const invalid = () => new GatewayError('BAD_USER_INPUT', `${field} is not a cursor issued by this gateway`, { field });
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw invalid();
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parts) || parts[0] !== 'c1' || !Number.isSafeInteger(parts[1]) || (parts[1] as number) < 0) throw invalid();
  const provider = parts[2];
  if (provider !== undefined && (typeof provider !== 'string' || !isProviderKey(provider))) throw invalid();
  return { offset: parts[1] as number, provider: (provider as ProviderKey | undefined) ?? null };
}

/** `first`/`after` → a provider page request, with the limits of PAGE_LIMITS. */
export function pageRequestOf(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const limit = first ?? PAGE_LIMITS.defaultSize;
  if (!Number.isInteger(limit) || limit < 0 || limit > PAGE_LIMITS.maxSize) {
    throw new GatewayError('BAD_USER_INPUT', `first must be between 0 and ${PAGE_LIMITS.maxSize}`, { field: 'first' });
  }
  const offset = after ? decodeCursor(after).offset + 1 : 0;
  return { offset, limit };
}
