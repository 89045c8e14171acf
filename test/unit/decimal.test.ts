import { describe, expect, it } from 'vitest';
import { decimalFromNumber, decimalFromString, negateDecimal } from '../../src/domain/decimal.js';

describe('decimal amounts', () => {
  it.each([
    [-828.9, '-828.9'],
    [401.26, '401.26'],
    [0.1 + 0.2 === 0.3 ? 0 : 0.3, '0.3'],
    [1e-7, '0.0000001'],
    [-2.5e-8, '-0.000000025'],
    [1.5e21, '1500000000000000000000'],
    [-0, '0'],
    [1952.71, '1952.71'],
  ])('prints %s as %s', (value, expected) => {
    expect(decimalFromNumber(value)).toBe(expected);
  });

  it('refuses non-finite numbers and non-decimal strings', () => {
    expect(() => decimalFromNumber(Number.NaN)).toThrow(RangeError);
    expect(() => decimalFromString('12,50')).toThrow(RangeError);
    expect(decimalFromString(' +12.50 ')).toBe('12.50');
  });

  it('negates without floats', () => {
    expect(negateDecimal('12.10')).toBe('-12.10');
    expect(negateDecimal('-0.30')).toBe('0.30');
    expect(negateDecimal('0.00')).toBe('0.00');
  });
});
