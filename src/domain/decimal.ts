/**
 * Money arrives as JSON numbers from Mastercard and as decimal strings from OBP and Caibo; the
 * unified model carries exact decimal strings. A JSON number already lost nothing the provider
 * did not lose itself: JavaScript prints the shortest string that reads back as the same double,
 * which is the provider's own text for every amount with up to 15 significant digits.
 */
export function decimalFromNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError('amount is not a finite number');
  const text = String(value);
  if (!/e/i.test(text)) return text === '-0' ? '0' : text;
  // 1e-7 and 1.5e+21 style: expand without float arithmetic noise.
  const [mantissa = '0', exponentText = '0'] = text.toLowerCase().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const [whole = '0', fraction = ''] = mantissa.replace('-', '').split('.');
  const digits = whole + fraction;
  const point = whole.length + exponent;
  let result: string;
  if (point <= 0) result = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) result = digits + '0'.repeat(point - digits.length);
  else result = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${result}` : result;
}

const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

/** Normalises a provider decimal string ("+12.50", " 3 ") or throws when it is not a number. */
export function decimalFromString(value: string): string {
  const trimmed = value.trim().replace(/^\+/, '');
  if (!DECIMAL_PATTERN.test(trimmed)) throw new RangeError('amount is not a decimal string');
  return trimmed;
}

export function isDecimalString(value: string): boolean {
  return DECIMAL_PATTERN.test(value);
}

/** Flips the sign of a decimal string without going through a float. */
export function negateDecimal(value: string): string {
  if (/^-?0+(\.0+)?$/.test(value)) return value.replace('-', '');
  return value.startsWith('-') ? value.slice(1) : `-${value}`;
}
