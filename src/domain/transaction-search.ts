import { compareDecimals } from './decimal.js';
import type { Transaction } from './model.js';

/**
 * What the top-level `transactions` query and the export filter beyond the provider-side window
 * (issue 15, item 3), applied by the gateway to every row read: an amount range on the signed
 * amount (negative = money out), compared exactly as decimal strings and inclusive at both ends,
 * whatever the currency; and a text matched case-insensitively as a substring of the description,
 * payee or memo.
 */
export interface TransactionSearch {
  minAmount: string | null;
  maxAmount: string | null;
  /** Lower-cased by {@link transactionSearchOf}. */
  text: string | null;
}

/** Longest `text` accepted: longer than any description a provider documents. */
export const MAX_SEARCH_TEXT = 200;

export function transactionSearchOf(input: { minAmount?: string | null; maxAmount?: string | null; text?: string | null }): TransactionSearch {
  const text = input.text?.trim() ?? '';
  return { minAmount: input.minAmount ?? null, maxAmount: input.maxAmount ?? null, text: text === '' ? null : text.toLowerCase() };
}

export function isEmptySearch(search: TransactionSearch): boolean {
  return search.minAmount === null && search.maxAmount === null && search.text === null;
}

export function matchesSearch(transaction: Transaction, search: TransactionSearch): boolean {
  const amount = transaction.amount.amount;
  if (search.minAmount !== null && compareDecimals(amount, search.minAmount) < 0) return false;
  if (search.maxAmount !== null && compareDecimals(amount, search.maxAmount) > 0) return false;
  if (search.text === null) return true;
  const text = search.text;
  return [transaction.description, transaction.payee, transaction.memo].some((value) => value !== null && value.toLowerCase().includes(text));
}
