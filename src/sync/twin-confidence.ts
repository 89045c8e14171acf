import { encodeGlobalId } from '../domain/global-id.js';
import type { Transaction } from '../domain/model.js';
import type { FetchedTransaction, StoredTransaction } from '../store/stored-rows.js';

/**
 * How sure the feed is that a pending transaction which disappeared became a given posted one.
 * No provider links the two (Mastercard: "Pending transactions are ephemeral … if any of those
 * transactions are not found in a subsequent connection, they will be deleted", seed 002, Pending
 * Transactions), so the score compares what both carry:
 *
 *   0 when they are not the same account (same customer for account-less rows), not the same
 *   currency, or not the same direction (sign); otherwise
 *   confidence = 0.5 · amount + 0.25 · date + 0.25 · description, rounded to 2 decimals, where
 *   - amount      = 1 − |a − b| / (20 % of the larger |amount|), floored at 0: equal amounts score 1,
 *                   a 10 % difference (a tip added when a card payment settles) 0.5, 20 % or more 0;
 *   - date        = 1 within 1 day, falling linearly to 0 at 7 days apart (settlement takes 1–5 business
 *                   days); 0.5 when either has no date;
 *   - description = Sørensen–Dice coefficient of the character bigrams of both descriptions, lower-cased
 *                   with digits and punctuation dropped (card references and dates change on settling,
 *                   the merchant's name does not); 0.5 when either has none.
 *
 * A link needs TWIN_THRESHOLD: with equal amounts, either a close date or a similar description;
 * never the amount alone.
 */
export const TWIN_THRESHOLD = 0.6;

const DAY_MS = 86_400_000;
const AMOUNT_TOLERANCE = 0.2;

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.split(' ')) {
    const padded = ` ${word} `;
    for (let i = 0; i < padded.length - 1; i += 1) {
      const gram = padded.slice(i, i + 2);
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
  }
  return counts;
}

/** Dice coefficient (0–1) of two descriptions' character bigrams; symmetric; 1 for equal texts. */
export function descriptionSimilarity(a: string, b: string): number {
  const left = normalise(a);
  const right = normalise(b);
  if (left === right) return 1;
  if (left === '' || right === '') return 0;
  const x = bigrams(left);
  const y = bigrams(right);
  let shared = 0;
  let total = 0;
  for (const [gram, count] of x) {
    shared += Math.min(count, y.get(gram) ?? 0);
    total += count;
  }
  for (const count of y.values()) total += count;
  return (2 * shared) / total;
}

function owner(transaction: Transaction): string | null {
  if (transaction.accountRef) return encodeGlobalId(transaction.accountRef);
  return transaction.customerRef ? encodeGlobalId(transaction.customerRef) : null;
}

function when(transaction: Transaction): number | null {
  return (transaction.transactedAt ?? transaction.postedAt)?.getTime() ?? null;
}

/** The confidence (0–1, 2 decimals) that `posted` is the settled form of `pending`; see above. */
export function twinConfidence(pending: Transaction, posted: Transaction): number {
  if (pending.provider !== posted.provider || owner(pending) === null || owner(pending) !== owner(posted)) return 0;
  if (pending.amount.currency !== posted.amount.currency) return 0;
  const a = Number(pending.amount.amount);
  const b = Number(posted.amount.amount);
  if (!Number.isFinite(a) || !Number.isFinite(b) || Math.sign(a) !== Math.sign(b)) return 0;
  const larger = Math.max(Math.abs(a), Math.abs(b));
  const amount = larger === 0 ? 1 : Math.max(0, 1 - Math.abs(a - b) / (AMOUNT_TOLERANCE * larger));
  const t1 = when(pending);
  const t2 = when(posted);
  const days = t1 === null || t2 === null ? null : Math.abs(t1 - t2) / DAY_MS;
  const date = days === null ? 0.5 : days <= 1 ? 1 : Math.max(0, 1 - (days - 1) / 6);
  const description = pending.description && posted.description ? descriptionSimilarity(pending.description, posted.description) : 0.5;
  return Math.round((0.5 * amount + 0.25 * date + 0.25 * description) * 100) / 100;
}

/**
 * The store's TwinLinker: the candidate (a posted row the same refresh added) with the highest
 * confidence, when it reaches TWIN_THRESHOLD; ties go to the earliest candidate.
 */
export function pickTwin(removed: StoredTransaction, candidates: readonly FetchedTransaction[]): { twin: FetchedTransaction; confidence: number } | null {
  let best: { twin: FetchedTransaction; confidence: number } | null = null;
  for (const candidate of candidates) {
    const confidence = twinConfidence(removed.transaction, candidate.transaction);
    if (confidence >= TWIN_THRESHOLD && (best === null || confidence > best.confidence)) best = { twin: candidate, confidence };
  }
  return best;
}
