/** An exact amount: a decimal string (never a float; negative = money out) with an ISO 4217 currency. */
export interface Money {
  amount: string;
  currency: string;
}

/**
 * ISO 4217 minor units (List One, "Minor unit" column) where they are not 2. Every other code —
 * including units that are not ISO currencies (Caibo's crypto units such as USDT) — is read as 2.
 */
const MINOR_UNITS_NOT_TWO: ReadonlyMap<string, number> = new Map([
  ...['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF'].map((code) => [code, 0] as const),
  ...['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'].map((code) => [code, 3] as const),
  ...['CLF', 'UYW'].map((code) => [code, 4] as const),
]);

/**
 * A currency code in the one form Money carries: trimmed and upper case (ISO 4217 codes are upper
 * case; OBP hands back whatever currency its data was imported with, so `jpy` is JPY). The common
 * case — already three capital letters — is returned as is without a new string.
 */
export function currencyCode(currency: string): string {
  if (currency.length === 3 && isUpperAsciiLetter(currency, 0) && isUpperAsciiLetter(currency, 1) && isUpperAsciiLetter(currency, 2)) return currency;
  return currency.trim().toUpperCase();
}

function isUpperAsciiLetter(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 65 && code <= 90;
}

/**
 * Digits after the point that `currency` is written with (ISO 4217): 2 for AUD/USD/EUR/GBP, 0 for
 * JPY (or `jpy`, ` JPY `: read as currencyCode), 3 for KWD. Any other code — unknown, not ISO, even
 * empty — is 2.
 */
export function minorUnits(currency: string): number {
  return MINOR_UNITS_NOT_TWO.get(currencyCode(currency)) ?? 2;
}

const ZEROS = '0000';

/**
 * The one form of `Money.amount` (README, Unified model decisions): an exact decimal string with
 * no leading zeros, at least the currency's minor-unit digits after the point (`-56.4` AUD is
 * `-56.40`, `1200` JPY stays `1200`), and more only where the provider sent non-zero digits there
 * (`0.125` USD stays `0.125`: nothing is rounded); trailing zeros past the minor units are dropped,
 * so equal amounts in one currency are equal strings, and zero is never negative. `decimal` is a
 * string of `isDecimalString` form (decimal.ts: what the providers' amounts are read into).
 *
 * It runs on every transaction of the hot queries, so it works on the string alone — a few index
 * scans and at most three slices, no decimal library and never a float — and hands an amount that
 * is already canonical back as is.
 */
export function canonicalAmount(decimal: string, currency: string): string {
  const minor = minorUnits(currency);
  const negative = decimal.charCodeAt(0) === 45; // '-'
  const start = negative ? 1 : 0;
  const point = decimal.indexOf('.', start);
  const wholeEnd = point < 0 ? decimal.length : point;
  // Leading zeros of the whole part (one stays: "0.5").
  let wholeStart = start;
  while (wholeStart < wholeEnd - 1 && decimal.charCodeAt(wholeStart) === 48) wholeStart += 1;
  // Trailing zeros of the fraction past the minor units.
  let fractionEnd = point < 0 ? point : decimal.length;
  if (point >= 0) while (fractionEnd - point - 1 > minor && decimal.charCodeAt(fractionEnd - 1) === 48) fractionEnd -= 1;
  const fractionDigits = point < 0 ? 0 : fractionEnd - point - 1;
  const isZero = isZeroAt(decimal, wholeStart, wholeEnd) && (point < 0 || isZeroAt(decimal, point + 1, fractionEnd));
  const keepSign = negative && !isZero;
  if (keepSign === negative && wholeStart === start && fractionDigits >= minor && (point < 0 ? minor === 0 : fractionEnd === decimal.length)) {
    return decimal;
  }
  const whole = decimal.slice(wholeStart, wholeEnd);
  const fraction = point < 0 ? '' : decimal.slice(point + 1, fractionEnd);
  const padded = fractionDigits >= minor ? fraction : fraction + ZEROS.slice(0, minor - fractionDigits);
  return `${keepSign ? '-' : ''}${whole}${padded === '' ? '' : `.${padded}`}`;
}

function isZeroAt(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) if (text.charCodeAt(index) !== 48) return false;
  return true;
}

/** Money in the canonical form (canonicalAmount, currencyCode): every mapper builds its amounts here. */
export function moneyOf(decimal: string, currency: string): Money {
  const code = currencyCode(currency);
  return { amount: canonicalAmount(decimal, code), currency: code };
}
