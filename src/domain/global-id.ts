import { GatewayError } from './errors.js';
import { safePathSegment } from './native-id.js';
import { isProviderKey, type ProviderKey } from './provider.js';

export const NODE_TYPES = ['Customer', 'Account', 'Transaction', 'Report', 'Consumer', 'Business', 'Institution', 'Bank', 'Consent', 'PaymentRequest'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/**
 * What a global ID carries: enough for the owning adapter to find the object again without any
 * other context. `scope` holds parent identifiers the provider's paths need (Mastercard's
 * customer id for an account, OBP's BANK_ID), in order.
 */
export interface NativeRef {
  provider: ProviderKey;
  type: NodeType;
  id: string;
  scope: readonly string[];
}

// Version prefix so the format can change without old IDs being misread.
const VERSION = 'g1';

/** Printable ASCII that JSON.stringify writes unescaped (no `"`, no `\\`): one byte per character. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * base64url of the UTF-8 JSON array `["g1", provider, type, id, ...scope]`. Ids and scopes of plain
 * ASCII (every provider's so far) are written without JSON.stringify and its array (issue 17: one
 * encoding per returned object and per DataLoader key); the bytes are the same either way.
 */
export function encodeGlobalId(ref: NativeRef): string {
  let payload = `["${VERSION}","${ref.provider}","${ref.type}","${ref.id}"`;
  let plain = PLAIN.test(ref.id);
  for (const part of ref.scope) {
    plain &&= PLAIN.test(part);
    payload += `,"${part}"`;
  }
  if (!plain) payload = JSON.stringify([VERSION, ref.provider, ref.type, ref.id, ...ref.scope]);
  else payload += ']';
  return Buffer.from(payload, plain ? 'latin1' : 'utf8').toString('base64url');
}

export function ref(provider: ProviderKey, type: NodeType, id: string, ...scope: string[]): NativeRef {
  return { provider, type, id, scope };
}

/** Decodes an ID from a caller; anything malformed or of the wrong type is BAD_USER_INPUT. */
export function decodeGlobalId(globalId: string, expected?: NodeType, field = 'id'): NativeRef {
  const malformed = (): GatewayError =>
    new GatewayError('BAD_USER_INPUT', `Malformed ID in ${field}: not an ID issued by this gateway`, { field });
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(globalId)) throw malformed();
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(globalId, 'base64url').toString('utf8'));
  } catch {
    throw malformed();
  }
  if (!Array.isArray(parts) || parts.length < 4 || !parts.every((part) => typeof part === 'string')) throw malformed();
  const [version, provider, type, id, ...scope] = parts as string[];
  if (version !== VERSION || provider === undefined || !isProviderKey(provider)) throw malformed();
  if (type === undefined || !(NODE_TYPES as readonly string[]).includes(type) || !id) throw malformed();
  // Every native id and scope value goes into a provider path: dot segments and separators never do.
  safePathSegment(id, field);
  for (const part of scope) safePathSegment(part, field);
  if (expected !== undefined && type !== expected) {
    throw new GatewayError('BAD_USER_INPUT', `ID in ${field} is a ${type} ID, expected a ${expected} ID`, { field });
  }
  return { provider, type: type as NodeType, id, scope };
}
