import { describe, expect, it } from 'vitest';
import type { GatewayError } from '../../src/domain/errors.js';
import { AU_LENDING, US_LENDING } from '../../src/providers/mastercard/lending/region.js';
import { TOO_MANY_INTERVAL_TYPES, toReportBody } from '../../src/providers/mastercard/lending/report-input.js';

describe('report generation options', () => {
  const base = { fromDate: null, accountIds: [], intervalTypes: [], callbackUrl: null } as const;
  const NOW = Date.parse('2025-06-30T12:00:00Z');

  it('VOI: at most two interval types, with the provider message; MONTHLY_CALENDAR by default', () => {
    expect(() => toReportBody(US_LENDING, { ...base, kind: 'VOI', intervalTypes: ['DAILY', 'WEEKLY_CALENDAR', 'ANNUALLY'] }, NOW)).toThrow(
      TOO_MANY_INTERVAL_TYPES,
    );
    expect(TOO_MANY_INTERVAL_TYPES).toBe('More than 2 intervalTypes passed request.');
    expect(toReportBody(US_LENDING, { ...base, kind: 'VOI' }, NOW)).toEqual({ intervalTypes: ['MONTHLY_CALENDAR'] });
    expect(toReportBody(AU_LENDING, { ...base, kind: 'VOI', intervalTypes: ['MONTHLY_ROLLING_30', 'HISTORICALLY'] }, NOW)).toEqual({
      intervalTypes: ['MONTHLY_ROLLING_30', 'HISTORICALLY'],
    });
  });

  it('refuses interval types on other kinds, a future fromDate and kinds the region lacks', () => {
    expect(() => toReportBody(US_LENDING, { ...base, kind: 'VOA', intervalTypes: ['DAILY'] }, NOW)).toThrow(/VOI reports only/);
    expect(() => toReportBody(US_LENDING, { ...base, kind: 'VOA', fromDate: new Date(NOW + 1000) }, NOW)).toThrow(/future/);
    expect(toReportBody(US_LENDING, { ...base, kind: 'VOA', fromDate: new Date('2025-01-01T00:00:00Z'), accountIds: ['1', '2'] }, NOW)).toEqual({
      fromDate: 1735689600,
      accountIds: '1 2',
    });
    const error = (() => {
      try {
        toReportBody(AU_LENDING, { ...base, kind: 'CASH_FLOW_PERSONAL' }, NOW);
      } catch (caught) {
        return caught as GatewayError;
      }
      return undefined;
    })();
    expect(error).toMatchObject({ code: 'UNSUPPORTED_BY_PROVIDER', provider: 'MASTERCARD_AU' });
  });
});
