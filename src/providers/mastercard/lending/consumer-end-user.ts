import type { ConsumerEndUser } from '../../../domain/consumer-end-user.js';
import { badInput, GatewayError } from '../../../domain/errors.js';
import type { LendingRegion } from './region.js';

/** Mastercard's error code for a reseller's consumer created without `endUser` (seed 001, "Reseller Partners"). */
export const END_USER_REQUIRED_CODE = '1201';

/** The end user of a consumer's reports must be named by reseller partners (FCRA): error 1201 otherwise. */
export function endUserRequired(provider: LendingRegion['provider'], extra: { providerStatus?: number } = {}): GatewayError {
  return new GatewayError(
    'BAD_USER_INPUT',
    `${provider}: this partner is a reseller, so a new consumer needs input.endUser (the end user of its reports, FCRA); Mastercard refuses it with error 1201 otherwise`,
    { provider, providerCode: END_USER_REQUIRED_CODE, field: 'input.endUser', ...extra },
  );
}

const REQUIRED = ['name', 'address', 'city', 'state', 'zip', 'phone'] as const;
/** Same shapes the provider answers 10100 "Invalid format for field consumer.phone/email" for; ConsumerEndUser reuses PhoneNumber and EmailAddress. */
export const PHONE = /^\+?[0-9][0-9 ()\-.]{5,24}$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks an `endUser` against openbanking-us.yaml `ConsumerEndUser` (name, address, city, state, zip,
 * phone required; email, url optional; url at least 2 characters) and returns the body member.
 * Only US consumers take it: seed 001 documents it for US reseller partners, the AU docs never name it.
 */
export function toEndUserBody(region: LendingRegion, endUser: ConsumerEndUser): ConsumerEndUser {
  if (region.consumerRules !== 'US') throw badInput(`${region.provider} consumers take no endUser (seed 001 documents it for US reseller partners only)`, 'input.endUser');
  const body = {} as ConsumerEndUser;
  for (const name of REQUIRED) {
    const value = endUser[name]?.trim() ?? '';
    if (value === '') throw badInput(`endUser.${name} is required`, `input.endUser.${name}`);
    if (value.length > 255) throw badInput(`endUser.${name} is longer than 255 characters`, `input.endUser.${name}`);
    body[name] = value;
  }
  if (!PHONE.test(body.phone)) throw badInput('endUser.phone must be 6–25 digits, spaces, dashes, dots or brackets', 'input.endUser.phone');
  const email = endUser.email?.trim() || null;
  if (email !== null && !EMAIL.test(email)) throw badInput('endUser.email is not an email address', 'input.endUser.email');
  const url = endUser.url?.trim() || null;
  if (url !== null && (url.length < 2 || url.length > 999)) throw badInput('endUser.url must be 2 to 999 characters', 'input.endUser.url');
  body.email = email;
  body.url = url;
  return body;
}
