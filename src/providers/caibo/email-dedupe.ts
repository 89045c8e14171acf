import { createHash } from 'node:crypto';
import type Keyv from 'keyv';
import { GatewayError } from '../../domain/errors.js';
import { encodeGlobalId, ref } from '../../domain/global-id.js';

/**
 * Deduplication of Caibo customers by email (issue 16, row 12). Seed 003 lists "Deduplication:
 * Prevent duplicate customer records" as a best practice for the partner, but Caibo documents no
 * search or list of customers and no duplicate error, so the gateway keeps its own index: the
 * SHA-256 of (base URL, lower-cased email) → the Caibo id of the customer it created or updated
 * with that email, in the keyv store (shared Redis with CACHE_URL, so every instance sees it).
 * Only customers created or changed through the gateway are known; a recorded id whose customer no
 * longer has that email (changed elsewhere, deleted) no longer counts.
 */
export interface EmailIndex {
  /** CONFLICT naming the existing customer's global ID when `email` already belongs to one (`except` = the customer being updated). */
  assertFree(email: string | null | undefined, currentEmailOf: (id: string) => Promise<string | null>, except?: string): Promise<void>;
  remember(email: string | null | undefined, customerId: string): Promise<void>;
}

const normalise = (email: string) => email.trim().toLowerCase();

export function createEmailIndex(store: Keyv, baseUrl: string): EmailIndex {
  const keyOf = (email: string) => `caibo:customer-email:${createHash('sha256').update(`${baseUrl}\u0000${normalise(email)}`).digest('hex')}`;
  return {
    async assertFree(email, currentEmailOf, except) {
      if (!email) return;
      const id = (await store.get(keyOf(email))) as string | undefined;
      if (id === undefined || id === except) return;
      const current = await currentEmailOf(id);
      if (current === null || normalise(current) !== normalise(email)) return;
      // The message names the customer by its global ID, never by the email (personal data).
      throw new GatewayError('CONFLICT', `A CAIBO_IPG customer with this email already exists: ${encodeGlobalId(ref('CAIBO_IPG', 'Customer', id))}`, {
        provider: 'CAIBO_IPG',
        field: 'input.email',
      });
    },
    async remember(email, customerId) {
      if (email) await store.set(keyOf(email), customerId);
    },
  };
}
