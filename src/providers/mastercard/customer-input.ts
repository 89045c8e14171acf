import { badInput } from '../../domain/errors.js';
import { CUSTOMER_INPUT_FIELD, inputDetailsFor, type CreateCustomerInput, type UpdateCustomerInput } from '../../domain/ports.js';
import type { MastercardRegion } from './region.js';

/**
 * Mastercard: a username is 6–255 characters of letters, digits and `! @ . # $ % & * _ - +`
 * (seed 001, "Active Customers", Tip; the same rule for AU in seed 000).
 */
const USERNAME_PATTERN = /^[A-Za-z0-9!@.#$%&*_+-]{6,255}$/;

export interface FinicityCreateBody {
  username: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  applicationId?: string;
  /** AU only (seed 000). */
  category?: string;
  /** AU only (seed 000). */
  abn?: string;
}

/**
 * Checks a create request before any call and builds the provider body. Fields Mastercard has no
 * place for are rejected by name, never dropped.
 */
export function toCreateBody(region: MastercardRegion, input: CreateCustomerInput): FinicityCreateBody {
  const details = inputDetailsFor(input.details, region.provider);
  if (!input.username) throw badInput(`${region.provider} customers need a username`, 'input.username');
  if (!USERNAME_PATTERN.test(input.username)) {
    throw badInput(
      'username must be 6–255 characters of letters, digits and ! @ . # $ % & * _ - +',
      'input.username',
    );
  }
  if (input.name) throw badInput(`${region.provider} customers take firstName and lastName, not name`, 'input.name');
  if (input.category && !region.customerCategories) {
    throw badInput(`${region.provider} customers have no category`, 'input.category');
  }
  const body: FinicityCreateBody = { username: input.username };
  if (input.firstName) body.firstName = input.firstName;
  if (input.lastName) body.lastName = input.lastName;
  if (input.email) body.email = input.email;
  if (input.phone) body.phone = input.phone;
  if (details?.applicationId) body.applicationId = details.applicationId;
  if (input.category) body.category = input.category;
  if (details?.provider === 'MASTERCARD_AU' && details.abn) body.abn = details.abn;
  return body;
}

/** Mastercard: modify takes firstName and/or lastName only (seed 001, "Modify Customer by ID"). */
export function toUpdateBody(region: MastercardRegion, input: UpdateCustomerInput): { firstName?: string; lastName?: string } {
  const unsupported = (['name', 'email', 'phone'] as const).find((key) => input[key] !== undefined);
  if (unsupported) {
    throw badInput(`${region.provider} can only change firstName and lastName of a customer`, `input.${unsupported}`);
  }
  if (input.details) {
    throw badInput(`${region.provider} can only change firstName and lastName of a customer`, CUSTOMER_INPUT_FIELD[input.details.provider]);
  }
  if (input.firstName === undefined && input.lastName === undefined) {
    throw badInput('Give firstName, lastName or both', 'input');
  }
  return {
    ...(input.firstName === undefined ? {} : { firstName: input.firstName }),
    ...(input.lastName === undefined ? {} : { lastName: input.lastName }),
  };
}
