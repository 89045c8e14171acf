/**
 * Caibo ids are int64 (seed 003: `id: integer, format: int64`) and the docs' own example ids have 17
 * digits (`16772761082427695`, docs.caibo.digital/h2h/notifications), above Number.MAX_SAFE_INTEGER:
 * `JSON.parse` would silently change their last digits. Node 20 has no JSON.parse source-text access,
 * so this rewrites the raw text first: every integer literal outside a string with more digits than a
 * double holds exactly becomes a JSON string with the same digits. The wire schemas accept ids as
 * number or string and carry them as strings from there on.
 *
 * Only integers are touched: amounts (`49.99`) keep their number form, and 15 digits or fewer are
 * always exact as a double, so ordinary numbers stay numbers.
 */
const SAFE_DIGITS = 15;

export function quoteLongIntegers(text: string): string {
  let out = '';
  let index = 0;
  let copiedTo = 0;
  const length = text.length;
  while (index < length) {
    const char = text[index]!;
    if (char === '"') {
      // Skip the whole string, honouring escapes.
      index += 1;
      while (index < length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
      index += 1;
      continue;
    }
    if (char === '-' || (char >= '0' && char <= '9')) {
      const start = index;
      index += 1;
      while (index < length && /[0-9.eE+-]/.test(text[index]!)) index += 1;
      const literal = text.slice(start, index);
      const digits = literal.replace(/^-/, '');
      if (/^\d+$/.test(digits) && digits.length > SAFE_DIGITS) {
        out += `${text.slice(copiedTo, start)}"${literal}"`;
        copiedTo = index;
      }
      continue;
    }
    index += 1;
  }
  return copiedTo === 0 ? text : out + text.slice(copiedTo);
}

/** JSON.parse that keeps long integers exact (as strings); undefined for a body that is not JSON. */
export function parseJsonLossless(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(quoteLongIntegers(text)) as unknown;
  } catch {
    return undefined;
  }
}
