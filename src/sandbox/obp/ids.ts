import { createHash, randomUUID } from 'node:crypto';

/**
 * A UUID-shaped id derived from a name, so seed ids are a pure function of the seed (OBP ids such
 * as customer_id and account_id are UUIDs). Hash-based rather than drawn from the PRNG so adding a
 * record does not shift every id after it.
 */
export function stableUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  // Version 5-style nibble and RFC 4122 variant, like the UUIDs OBP generates.
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Ids for records created at run time (customers, links): random, like OBP's own. */
export function randomUuid(): string {
  return randomUUID();
}
