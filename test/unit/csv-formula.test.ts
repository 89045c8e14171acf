import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../../src/export/transactions-export.route.js';

describe('CSV export: formula injection', () => {
  it('prefixes text cells a spreadsheet would run, and leaves exact decimals and plain text alone', () => {
    expect(neutraliseFormula('=HYPERLINK("http://evil.example","x")')).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(neutraliseFormula("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseFormula('-2+3')).toBe("'-2+3");
    expect(neutraliseFormula('\tcmd')).toBe("'\tcmd");
    expect(neutraliseFormula('-56.40')).toBe('-56.40');
    expect(neutraliseFormula('Coffee shop')).toBe('Coffee shop');
    fc.assert(
      fc.property(fc.string(), (text) => {
        const cell = neutraliseFormula(text);
        expect(/^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell)).toBe(false);
      }),
    );
  });
});
