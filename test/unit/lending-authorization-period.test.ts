import { describe, expect, it } from 'vitest';
import { authorizationStatus, EXPIRING_SOON_DAYS } from '../../src/domain/authorization-period.js';
import { dateFromProviderString } from '../../src/providers/mastercard/lending/provider-dates.js';

const DAY = 86_400_000;
const NOW = Date.parse('2025-06-30T12:00:00Z');
const endingIn = (ms: number) => ({ endsAt: new Date(NOW + ms) });

describe('authorization period derived fields', () => {
  it('counts whole days left, rounded down', () => {
    expect(authorizationStatus(endingIn(10 * DAY + 1), NOW).expiresInDays).toBe(10);
    expect(authorizationStatus(endingIn(10 * DAY - 1), NOW).expiresInDays).toBe(9);
    expect(authorizationStatus(endingIn(1), NOW)).toEqual({ expiresInDays: 0, isExpired: false, isExpiringSoon: true });
  });

  it(`is expiring soon within ${EXPIRING_SOON_DAYS} days, inclusive`, () => {
    expect(authorizationStatus(endingIn(EXPIRING_SOON_DAYS * DAY), NOW).isExpiringSoon).toBe(true);
    expect(authorizationStatus(endingIn(EXPIRING_SOON_DAYS * DAY + 1), NOW).isExpiringSoon).toBe(false);
  });

  it('is expired at and after the end, and then no longer "expiring soon"', () => {
    expect(authorizationStatus(endingIn(0), NOW)).toEqual({ expiresInDays: 0, isExpired: true, isExpiringSoon: false });
    expect(authorizationStatus(endingIn(-1), NOW)).toEqual({ expiresInDays: -1, isExpired: true, isExpiringSoon: false });
    expect(authorizationStatus(endingIn(-3 * DAY - 1), NOW).expiresInDays).toBe(-4);
  });

  it('reads the provider date strings, with and without a zone', () => {
    // The spec's example writes centiseconds (us-notes.md, authorization details).
    expect(dateFromProviderString('2024-01-01T16:11:23.20Z')?.toISOString()).toBe('2024-01-01T16:11:23.200Z');
    // Business `NoZoneDateTime`: UTC.
    expect(dateFromProviderString('2022-04-12T11:51:23')?.toISOString()).toBe('2022-04-12T11:51:23.000Z');
    expect(dateFromProviderString('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(dateFromProviderString('not a date')).toBeNull();
    expect(dateFromProviderString(null)).toBeNull();
  });
});
