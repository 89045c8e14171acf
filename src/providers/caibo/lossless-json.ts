import { parse } from 'lossless-json';

/**
 * Caibo ids are int64 (seed 003: `id: integer, format: int64`) and the docs' own example ids have 17
 * digits (`16772761082427695`, docs.caibo.digital/h2h/notifications), above Number.MAX_SAFE_INTEGER:
 * `JSON.parse` would silently change their last digits. The `lossless-json` parser hands us each
 * number's source text: an integer with more digits than a double always holds exactly (16 or more)
 * stays a string with the same digits, every other number becomes a number. The wire schemas accept
 * ids as number or string and carry them as strings from there on.
 */
const LONG_INTEGER = /^-?\d{16,}$/;
const parseNumber = (text: string): number | string => (LONG_INTEGER.test(text) ? text : Number(text));

/** JSON.parse that keeps long integers exact (as strings); undefined for a body that is not JSON. */
export function parseJsonLossless(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return parse(text, null, parseNumber) as unknown;
  } catch {
    return undefined;
  }
}
