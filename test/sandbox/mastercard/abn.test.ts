import { describe, expect, it } from 'vitest';
import { checkAbn, INACTIVE_ABNS, isValidAbn, SEED_ABNS } from '../../../src/sandbox/mastercard/index.js';

describe('ABN check digit', () => {
  it('accepts ABNs that satisfy the ABR weighting (mod 89) and rejects the rest', () => {
    expect(isValidAbn('51824753556')).toBe(true); // the ATO's published example
    expect(isValidAbn('51 824 753 556')).toBe(true);
    expect(isValidAbn('51824753557')).toBe(false);
    expect(isValidAbn('61824753556')).toBe(false);
    expect(isValidAbn('5182475355')).toBe(false);
    expect(isValidAbn('5182475355a')).toBe(false);
    expect(isValidAbn('')).toBe(false);
  });

  it('has seed ABNs that are valid and an inactive one that is valid but cancelled', () => {
    expect(checkAbn(SEED_ABNS.profile4118)).toBeUndefined();
    const inactive = [...INACTIVE_ABNS][0]!;
    expect(isValidAbn(inactive)).toBe(true);
    expect(checkAbn(inactive)).toBe('inactive');
    expect(checkAbn('12345678901')).toBe('invalid');
  });
});
