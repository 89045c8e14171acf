import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalFromNumber, decimalFromString } from '../../src/domain/decimal.js';
import { canonicalAmount, minorUnits } from '../../src/domain/money.js';

/**
 * The one form of Money.amount (src/domain/money.ts): whatever a provider sends — a JSON number
 * (Mastercard, Caibo) or a decimal string (OBP, Caibo) — becomes a string equal in value, with at
 * least the currency's ISO 4217 minor-unit digits, nothing rounded, and one string per value.
 */
const CURRENCIES = ['AUD', 'USD', 'EUR', 'GBP', 'JPY', 'KRW', 'KWD', 'BHD', 'CLF', 'USDT'] as const;
const CANONICAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** The exact value as a scaled integer (BigInt) and its scale: no float, no code under test. */
function exact(decimal: string): { units: bigint; scale: number } {
  const negative = decimal.startsWith('-');
  const [whole = '0', fraction = ''] = decimal.replace(/^[-+]/, '').split('.');
  const units = BigInt(whole + fraction);
  return { units: negative ? -units : units, scale: fraction.length };
}
function sameValue(a: string, b: string): boolean {
  const x = exact(a);
  const y = exact(b);
  const scale = Math.max(x.scale, y.scale);
  return x.units * 10n ** BigInt(scale - x.scale) === y.units * 10n ** BigInt(scale - y.scale);
}
const significantScale = (decimal: string): number => (decimal.split('.')[1] ?? '').replace(/0+$/, '').length;

/** A provider's decimal string: sign, leading zeros, digits, trailing zeros, as sent. */
const providerText = fc
  .tuple(
    fc.constantFrom('', '-', '+'),
    fc.string({ unit: fc.constantFrom('0'), maxLength: 3 }),
    fc.bigInt({ min: 0n, max: 10n ** 15n }),
    fc.option(fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: 1, maxLength: 8 }), { nil: undefined }),
  )
  .map(([sign, zeros, whole, fraction]) => `${sign}${zeros}${whole}${fraction === undefined ? '' : `.${fraction}`}`);

/** A provider's JSON number (Mastercard amounts), as the gateway reads it. */
const providerNumber = fc
  .oneof(
    fc.double({ min: -1e9, max: 1e9, noNaN: true }),
    fc.integer({ min: -10_000_000, max: 10_000_000 }).map((cents) => cents / 100),
  )
  .map(decimalFromNumber);

const anyAmount = fc.oneof(providerText.map(decimalFromString), providerNumber);

describe('canonical Money.amount', () => {
  it.each([
    ['-56.4', 'AUD', '-56.40'],
    ['-50.00', 'AUD', '-50.00'],
    ['-50', 'USD', '-50.00'],
    ['0.125', 'USD', '0.125'],
    ['1.2300', 'EUR', '1.23'],
    ['007.50', 'GBP', '7.50'],
    ['-0', 'USD', '0.00'],
    ['-0.000', 'AUD', '0.00'],
    ['1200', 'JPY', '1200'],
    ['1200.00', 'JPY', '1200'],
    ['1200.5', 'JPY', '1200.5'],
    ['5', 'KWD', '5.000'],
    ['3', 'USDT', '3.00'],
  ])('%s %s is %s', (amount, currency, expected) => {
    expect(canonicalAmount(amount, currency)).toBe(expected);
  });

  it('is equal in value, never shorter than the minor units, never drops a significant digit, and has one form', () => {
    fc.assert(
      fc.property(anyAmount, fc.constantFrom(...CURRENCIES), (amount, currency) => {
        const canonical = canonicalAmount(amount, currency);
        expect(canonical).toMatch(CANONICAL);
        expect(sameValue(canonical, amount)).toBe(true);
        const scale = (canonical.split('.')[1] ?? '').length;
        expect(scale).toBe(Math.max(minorUnits(currency), significantScale(amount)));
        expect(canonicalAmount(canonical, currency)).toBe(canonical);
        if (/^-?0(\.0+)?$/.test(canonical)) expect(canonical.startsWith('-')).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives equal amounts the same string, however the provider wrote them', () => {
    fc.assert(
      fc.property(providerText, fc.nat({ max: 3 }), fc.nat({ max: 4 }), fc.constantFrom(...CURRENCIES), (text, lead, trail, currency) => {
        const amount = decimalFromString(text);
        const negative = amount.startsWith('-');
        const body = amount.replace('-', '');
        const padded = `${negative ? '-' : ''}${'0'.repeat(lead)}${body}${body.includes('.') ? '' : '.'}${'0'.repeat(trail + 1)}`;
        expect(canonicalAmount(padded, currency)).toBe(canonicalAmount(amount, currency));
      }),
      { numRuns: 1000 },
    );
  });
});
