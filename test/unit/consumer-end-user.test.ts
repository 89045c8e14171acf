import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toConsumerBody } from '../../src/providers/mastercard/lending/consumer-input.js';
import { toConsumer } from '../../src/providers/mastercard/lending/consumers.mapper.js';
import { AU_LENDING, US_LENDING } from '../../src/providers/mastercard/lending/region.js';

/** Issue 16 row 10: the consumer's `endUser` (openbanking-us.yaml ConsumerEndUser; seed 001 "Reseller Partners"). */
const END_USER = { name: 'ABC Apartments', address: '123 Main St', city: 'Murray', state: 'UT', zip: '84123', phone: '555-2106', email: null, url: null };
const PERSON = { firstName: 'Ada', lastName: 'Lovelace', state: 'UT', email: 'ada@example.com', birthday: { year: 1989, month: 8, dayOfMonth: 13 } };
const NOW = Date.parse('2025-01-01T00:00:00Z');

describe('consumer endUser', () => {
  it('names the first blank required member, whichever it is', () => {
    const required = ['name', 'address', 'city', 'state', 'zip', 'phone'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...required), fc.constantFrom('', ' ', '\t'), (member, blank) => {
        const endUser = { ...END_USER, [member]: blank };
        expect(() => toConsumerBody(US_LENDING, { ...PERSON, endUser }, 'create', NOW)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: `input.endUser.${member}` }));
      }),
    );
  });

  it('leaves absent optional members out of the body, and refuses a reseller create without it as 1201', () => {
    expect(toConsumerBody(US_LENDING, { ...PERSON, endUser: END_USER }, 'create', NOW).endUser).toEqual({
      name: 'ABC Apartments', address: '123 Main St', city: 'Murray', state: 'UT', zip: '84123', phone: '555-2106',
    });
    expect(() => toConsumerBody(US_LENDING, PERSON, 'create', NOW, true)).toThrow(expect.objectContaining({ providerCode: '1201', field: 'input.endUser' }));
    // An update needs no end user, even for a reseller ("fields that are not specified will be left unchanged").
    expect(toConsumerBody(US_LENDING, { city: 'Austin' }, 'update', NOW, true)).toEqual({ city: 'Austin' });
    expect(() => toConsumerBody(AU_LENDING, { firstName: 'A', lastName: 'B', phone: '0412 345 678', endUser: END_USER }, 'create', NOW)).toThrow(
      expect.objectContaining({ field: 'input.endUser' }),
    );
  });

  it('reads an end user missing a required member as null, the consumer intact', () => {
    const consumer = toConsumer(US_LENDING, { id: 'c1', customerId: '1005061234', firstName: 'Ada', endUser: { name: 'ABC', address: null } }, '1005061234');
    expect(consumer.firstName).toBe('Ada');
    expect(consumer.endUser).toBeNull();
    const whole = toConsumer(US_LENDING, { id: 'c1', firstName: 'Ada', endUser: { ...END_USER, url: 'abc.com' } }, '1005061234');
    expect(whole.endUser).toEqual({ ...END_USER, url: 'abc.com' });
  });
});
