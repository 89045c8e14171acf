/**
 * Money arrives as JSON numbers from Mastercard and as decimal strings from OBP and Caibo; the
 * unified model carries exact decimal strings. A JSON number already lost nothing the provider
 * did not lose itself: JavaScript prints the shortest string that reads back as the same double,
 * which is the provider's own text for every amount with up to 15 significant digits.
 */
export function decimalFromNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError('amount is not a finite number');
  const text = String(value);
  // Number-to-string writes a lower-case `e` for exponents, and nothing else has one.
  if (!text.includes('e')) return text === '-0' ? '0' : text;
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

/**
 * Exact comparison of two decimal strings (DECIMAL_PATTERN): negative when a < b, 0 when equal
 * ("1.50" equals "1.5", "-0" equals "0"), positive when a > b. No float is involved.
 */
export function compareDecimals(a: string, b: string): number {
  const parse = (value: string) => {
    const negative = value.startsWith('-');
    const [whole = '0', fraction = ''] = value.replace('-', '').split('.');
    const digits = whole.replace(/^0+/, '');
    const cents = fraction.replace(/0+$/, '');
    const zero = digits === '' && cents === '';
    return { sign: zero ? 0 : negative ? -1 : 1, digits, cents };
  };
  const x = parse(a);
  const y = parse(b);
  if (x.sign !== y.sign) return x.sign - y.sign;
  // Same sign: compare magnitudes, then flip for negatives.
  let magnitude = x.digits.length - y.digits.length || (x.digits < y.digits ? -1 : x.digits > y.digits ? 1 : 0);
  if (magnitude === 0) {
    const width = Math.max(x.cents.length, y.cents.length);
    const cx = x.cents.padEnd(width, '0');
    const cy = y.cents.padEnd(width, '0');
    magnitude = cx < cy ? -1 : cx > cy ? 1 : 0;
  }
  return x.sign * magnitude;
}
