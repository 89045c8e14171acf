import { badInput } from '../../../domain/errors.js';
import type { ConsumerBirthday, ConsumerInput } from '../../../domain/lending.port.js';
import { EMAIL, endUserRequired, PHONE, toEndUserBody } from './consumer-end-user.js';
import type { LendingRegion } from './region.js';

/**
 * Consumer rules, checked before any call (seed 001, "Creating a Consumer"; US spec CreateConsumer):
 * required `firstName`, `lastName`, `state`; at least one of `ssn` or a full `birthday`; at least one
 * of `phone` or `email`. AU: names plus phone or email, and no SSN field at all (see region.ts).
 *
 * No message here ever contains a value the caller sent: only field names and rules.
 */

/**
 * The body CreateConsumer / ModifyConsumer take: the domain's ConsumerInput names its fields after
 * it, so the same shape serves (`ssn` goes as 9 digits, no dashes; toConsumerBody normalises it).
 */
export type FinicityConsumerBody = Omit<ConsumerInput, 'endUser'> & { endUser?: Partial<Record<keyof NonNullable<ConsumerInput['endUser']>, string>> };

const TEXT_FIELDS = ['firstName', 'lastName', 'middleName', 'suffix', 'address', 'city', 'state', 'zip'] as const;
/** "Required format is 9 digits" (US spec error example); the Modify example sends "999-99-9999". */
const SSN = /^\d{3}-?\d{2}-?\d{4}$/;

function validBirthday(birthday: ConsumerBirthday, nowMs: number): boolean {
  const { year, month, dayOfMonth } = birthday;
  if (![year, month, dayOfMonth].every(Number.isInteger)) return false;
  const date = Date.UTC(year, month - 1, dayOfMonth);
  const parsed = new Date(date);
  return year >= 1900 && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === dayOfMonth && date <= nowMs;
}

/**
 * Checks the formats of the given fields and builds the body. `mode: 'create'` also applies the
 * required-field rules; a modify only changes the fields sent ("fields that are not specified will
 * be left unchanged"), so the provider checks the merged record.
 */
export function toConsumerBody(
  region: LendingRegion,
  input: ConsumerInput,
  mode: 'create' | 'update',
  nowMs: number,
  reseller = false,
): FinicityConsumerBody {
  const body: FinicityConsumerBody = {};
  for (const name of TEXT_FIELDS) {
    const value = input[name];
    if (value === undefined) continue;
    if (value.trim() === '') throw badInput(`${name} cannot be blank`, `input.${name}`);
    if (value.length > 255) throw badInput(`${name} is longer than 255 characters`, `input.${name}`);
    body[name] = value.trim();
  }
  if (input.phone !== undefined) {
    if (!PHONE.test(input.phone)) throw badInput('phone must be 6–25 digits, spaces, dashes, dots or brackets', 'input.phone');
    body.phone = input.phone;
  }
  if (input.email !== undefined) {
    if (!EMAIL.test(input.email)) throw badInput('email is not an email address', 'input.email');
    body.email = input.email;
  }
  if (input.ssn !== undefined) {
    if (region.consumerRules === 'AU') {
      throw badInput(`${region.provider} consumers have no ssn (Australia has no SSN)`, 'ssn');
    }
    if (!SSN.test(input.ssn.trim())) throw badInput('ssn must be 9 digits (dashes allowed)', 'ssn');
    body.ssn = input.ssn.trim().replace(/-/g, '');
  }
  if (input.birthday !== undefined) {
    if (!validBirthday(input.birthday, nowMs)) {
      throw badInput('birthday must be a real date in the past, year 1900 or later', 'input.birthday');
    }
    body.birthday = { ...input.birthday };
  }
  if (input.endUser !== undefined) {
    // Absent optional members are left out of the body rather than sent as null.
    const { email, url, ...required } = toEndUserBody(region, input.endUser);
    body.endUser = { ...required, ...(email === null ? {} : { email }), ...(url === null ? {} : { url }) };
  }
  if (mode === 'create') {
    // Seed 001, "Reseller Partners": "The create consumer call will fail with error code 1201 when
    // end user information has not been sent": checked here first, so no call is spent on it.
    if (reseller && body.endUser === undefined) throw endUserRequired(region.provider);
    const required = region.consumerRules === 'US' ? (['firstName', 'lastName', 'state'] as const) : (['firstName', 'lastName'] as const);
    for (const name of required) {
      if (body[name] === undefined) throw badInput(`${region.provider} consumers need ${name}`, `input.${name}`);
    }
    if (region.consumerRules === 'US' && body.ssn === undefined && body.birthday === undefined) {
      throw badInput(`${region.provider} consumers need an ssn or a full birthday (year, month, dayOfMonth)`, 'input.birthday');
    }
    if (body.phone === undefined && body.email === undefined) {
      throw badInput(`${region.provider} consumers need a phone or an email`, 'input.phone');
    }
  } else if (Object.keys(body).length === 0) {
    throw badInput('Give at least one field to change', 'input');
  }
  return body;
}
