import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/domain/errors.js';
import type { ConsumerInput } from '../../src/domain/lending.port.js';
import { toConsumerBody } from '../../src/providers/mastercard/lending/consumer-input.js';
import { AU_LENDING, US_LENDING } from '../../src/providers/mastercard/lending/region.js';

const NOW = Date.parse('2025-06-30T12:00:00Z');
const US_VALID: ConsumerInput = { firstName: 'Ada', lastName: 'Lovelace', state: 'UT', email: 'ada@example.com', ssn: '123-45-6789' };

function refusal(run: () => unknown): GatewayError {
  try {
    run();
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('consumer rules (seed 001, "Creating a Consumer")', () => {
  it('US: requires firstName, lastName and state, naming the field', () => {
    for (const field of ['firstName', 'lastName', 'state'] as const) {
      const { [field]: _left, ...input } = US_VALID;
      const error = refusal(() => toConsumerBody(US_LENDING, input, 'create', NOW));
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
    }
  });

  it('US: needs an ssn or a full, real birthday in the past', () => {
    const { ssn: _ssn, ...noSsn } = US_VALID;
    expect(refusal(() => toConsumerBody(US_LENDING, noSsn, 'create', NOW)).field).toBe('input.birthday');
    expect(toConsumerBody(US_LENDING, { ...noSsn, birthday: { year: 2000, month: 2, dayOfMonth: 29 } }, 'create', NOW).birthday).toEqual({
      year: 2000,
      month: 2,
      dayOfMonth: 29,
    });
    for (const birthday of [
      { year: 2001, month: 2, dayOfMonth: 29 }, // not a leap year
      { year: 1990, month: 13, dayOfMonth: 1 },
      { year: 1899, month: 12, dayOfMonth: 31 },
      { year: 2026, month: 1, dayOfMonth: 1 }, // after NOW
    ]) {
      expect(refusal(() => toConsumerBody(US_LENDING, { ...noSsn, birthday }, 'create', NOW)).field).toBe('input.birthday');
    }
  });

  it('needs a phone or an email', () => {
    const { email: _email, ...noContact } = US_VALID;
    expect(refusal(() => toConsumerBody(US_LENDING, noContact, 'create', NOW)).field).toBe('input.phone');
    expect(toConsumerBody(US_LENDING, { ...noContact, phone: '1-801-984-4200' }, 'create', NOW).phone).toBe('1-801-984-4200');
  });

  it('sends the SSN as 9 digits and never puts it in an error', () => {
    expect(toConsumerBody(US_LENDING, US_VALID, 'create', NOW).ssn).toBe('123456789');
    for (const ssn of ['12345678', '1234567890', '123-45-678X', '987 65 4321']) {
      const error = refusal(() => toConsumerBody(US_LENDING, { ...US_VALID, ssn }, 'create', NOW));
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ssn' });
      expect(JSON.stringify({ message: error.message, field: error.field })).not.toContain(ssn);
    }
  });

  it('AU: names plus phone or email; state optional; an ssn is refused by name', () => {
    expect(toConsumerBody(AU_LENDING, { firstName: 'Olivia', lastName: 'Nguyen', phone: '0412 345 678' }, 'create', NOW)).toEqual({
      firstName: 'Olivia',
      lastName: 'Nguyen',
      phone: '0412 345 678',
    });
    expect(refusal(() => toConsumerBody(AU_LENDING, { firstName: 'O', lastName: 'N' }, 'create', NOW)).field).toBe('input.phone');
    expect(refusal(() => toConsumerBody(AU_LENDING, { firstName: 'O', lastName: 'N', phone: '0412345678', ssn: '123456789' }, 'create', NOW)).field).toBe('ssn');
  });

  it('an update checks formats only and needs at least one field', () => {
    expect(toConsumerBody(US_LENDING, { city: ' Murray ' }, 'update', NOW)).toEqual({ city: 'Murray' });
    expect(refusal(() => toConsumerBody(US_LENDING, {}, 'update', NOW)).field).toBe('input');
    expect(refusal(() => toConsumerBody(US_LENDING, { state: '  ' }, 'update', NOW)).field).toBe('input.state');
    expect(refusal(() => toConsumerBody(US_LENDING, { email: 'nope' }, 'update', NOW)).field).toBe('input.email');
  });
});
