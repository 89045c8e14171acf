import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/domain/errors.js';
import { decodeGlobalId, encodeGlobalId, ref } from '../../src/domain/global-id.js';
import { decodeCursor, encodeCursor, pageRequestOf } from '../../src/graphql/cursor.js';

describe('global IDs', () => {
  it('round-trip provider, type, id and scope', () => {
    const account = ref('OBP', 'Account', 'acc-1', 'gh.29.uk');
    const id = encodeGlobalId(account);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeGlobalId(id)).toEqual(account);
  });

  it.each(['', 'not base64 !', Buffer.from('["g1","not a provider","Customer","1"]').toString('base64url'), Buffer.from('{}').toString('base64url'), 'a'.repeat(3000)])(
    'rejects %j as BAD_USER_INPUT',
    (id) => {
      expect(() => decodeGlobalId(id)).toThrow(GatewayError);
      try {
        decodeGlobalId(id);
      } catch (error) {
        expect((error as GatewayError).code).toBe('BAD_USER_INPUT');
      }
    },
  );

  it('encodes the same bytes as the JSON array it stands for, for any id and scope (issue 17 fast path)', () => {
    const reference = (parts: string[]) => Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
    const part = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[0-9a-z.-]{1,12}$/));
    fc.assert(
      fc.property(part, fc.array(part, { maxLength: 3 }), (id, scope) => {
        const encoded = encodeGlobalId(ref('MASTERCARD_US', 'Transaction', id, ...scope));
        expect(encoded).toBe(reference(['g1', 'MASTERCARD_US', 'Transaction', id, ...scope]));
      }),
      { numRuns: 500 },
    );
    expect(encodeGlobalId(ref('OBP', 'Account', 'a"b\\c', 'é'))).toBe(reference(['g1', 'OBP', 'Account', 'a"b\\c', 'é']));
  });

  it('rejects an ID of the wrong type', () => {
    const id = encodeGlobalId(ref('MASTERCARD_US', 'Account', '1', '2'));
    expect(() => decodeGlobalId(id, 'Customer')).toThrow(/Account ID, expected a Customer ID/);
  });
});

describe('cursors', () => {
  it('round-trip offsets and providers', () => {
    expect(decodeCursor(encodeCursor(41))).toEqual({ offset: 41, provider: null });
    expect(decodeCursor(encodeCursor(3, 'OBP'))).toEqual({ offset: 3, provider: 'OBP' });
    expect(pageRequestOf(10, encodeCursor(9))).toEqual({ offset: 10, limit: 10 });
  });

  it('are the base64url of their JSON array, remembered or not (issue 17)', () => {
    for (const offset of [0, 1, 9, 41, 9_999, 10_000, 123_456]) {
      expect(encodeCursor(offset)).toBe(Buffer.from(JSON.stringify(['c1', offset])).toString('base64url'));
      expect(encodeCursor(offset)).toBe(encodeCursor(offset));
    }
    expect(encodeCursor(7, 'OBP')).toBe(Buffer.from(JSON.stringify(['c1', 7, 'OBP'])).toString('base64url'));
  });

  it('refuse garbage and out-of-range page sizes', () => {
    expect(() => decodeCursor('garbage!')).toThrow(GatewayError);
    expect(() => decodeCursor(Buffer.from('["c1",-1]').toString('base64url'))).toThrow(GatewayError);
    expect(() => pageRequestOf(-1, null)).toThrow(/first must be between 0 and 1000/);
    expect(() => pageRequestOf(1001, null)).toThrow(GatewayError);
    expect(pageRequestOf(null, null)).toEqual({ offset: 0, limit: 25 });
  });
});
