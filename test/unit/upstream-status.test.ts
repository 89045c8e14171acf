import { describe, expect, it } from 'vitest';
import type { UpstreamResponse } from '../../src/http/http-client.js';
import { errorCodeForStatus, retryAfterMsOf } from '../../src/http/upstream-status.js';

const withRetryAfter = (value: string | undefined): UpstreamResponse => ({
  status: 429,
  headers: value === undefined ? {} : { 'retry-after': value },
  contentType: '',
  text: '',
  json: undefined,
});

describe('upstream status mapping', () => {
  it.each([
    [400, 'BAD_USER_INPUT'],
    [401, 'PROVIDER_AUTH_FAILED'],
    [403, 'PROVIDER_AUTH_FAILED'],
    [404, 'NOT_FOUND'],
    [409, 'CONFLICT'],
    [429, 'RATE_LIMITED'],
    [500, 'PROVIDER_UNAVAILABLE'],
    [503, 'PROVIDER_UNAVAILABLE'],
  ])('maps %i to %s, and lets a provider override a status', (status, code) => {
    expect(errorCodeForStatus(status)).toBe(code);
  });

  it('applies provider overrides', () => {
    expect(errorCodeForStatus(403, { 403: 'FORBIDDEN' })).toBe('FORBIDDEN');
    expect(errorCodeForStatus(415, { 415: 'INTERNAL' })).toBe('INTERNAL');
  });

  it('reads Retry-After as seconds or an HTTP date, clamped to 1 s – 10 min', () => {
    expect(retryAfterMsOf(withRetryAfter('30'))).toBe(30_000);
    expect(retryAfterMsOf(withRetryAfter('0'))).toBe(1000);
    expect(retryAfterMsOf(withRetryAfter('86400'))).toBe(600_000);
    const now = Date.parse('2026-11-22T00:00:00Z');
    expect(retryAfterMsOf(withRetryAfter('Sun, 22 Nov 2026 00:00:45 GMT'), now)).toBe(45_000);
    expect(retryAfterMsOf(withRetryAfter('soon'))).toBeUndefined();
    expect(retryAfterMsOf(withRetryAfter(undefined))).toBeUndefined();
  });
});
