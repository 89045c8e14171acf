import { badInput, GatewayError } from '../domain/errors.js';
import type { CustomerCategory, CustomerKind } from '../domain/model.js';
import type {
  CreateCustomerInput as CreatePortInput,
  CustomerInputDetails,
  UpdateCustomerInput as UpdatePortInput,
} from '../domain/ports.js';
import type { ProviderKey } from '../domain/provider.js';
import type { Caller } from '../security/caller.js';
import { given } from './input-values.js';
import type { CreateCustomerInput, UpdateCustomerInput } from './types/inputs.js';

/** The provider-keyed sub-inputs of `CreateCustomerInput`, and the provider each belongs to. */
const SUB_INPUTS = [
  ['mastercardUs', 'MASTERCARD_US'],
  ['mastercardAu', 'MASTERCARD_AU'],
  ['caiboIpg', 'CAIBO_IPG'],
  ['obp', 'OBP'],
] as const;

function detailsOf(input: CreateCustomerInput): CustomerInputDetails | null {
  const present = SUB_INPUTS.filter(([key]) => input[key] !== undefined && input[key] !== null);
  const foreign = present.find(([, provider]) => provider !== input.provider);
  if (foreign) {
    throw badInput(`input.${foreign[0]} holds ${foreign[1]} fields; this customer is created at ${input.provider}`, `input.${foreign[0]}`);
  }
  if (input.mastercardUs) return { provider: 'MASTERCARD_US', applicationId: given(input.mastercardUs.applicationId) };
  if (input.mastercardAu) {
    return { provider: 'MASTERCARD_AU', applicationId: given(input.mastercardAu.applicationId), abn: given(input.mastercardAu.abn) };
  }
  if (input.caiboIpg) return { provider: 'CAIBO_IPG', address: given(input.caiboIpg.address), memberId: given(input.caiboIpg.memberId) };
  if (input.obp) {
    return {
      provider: 'OBP',
      bankId: input.obp.bankId,
      customerNumber: given(input.obp.customerNumber),
      dateOfBirth: input.obp.dateOfBirth ? input.obp.dateOfBirth.toISOString().slice(0, 10) : null,
      relationshipStatus: given(input.obp.relationshipStatus),
      kycStatus: input.obp.kycStatus ?? null,
      employmentStatus: given(input.obp.employmentStatus),
      userId: given(input.obp.userId),
    };
  }
  return null;
}

/**
 * `createCustomer`'s input as the adapter port takes it: unified fields as they are (blank = not
 * given), the provider's own fields typed from the one sub-input named after `provider`. A
 * sub-input of another provider is BAD_USER_INPUT naming it (`input.obp` on a Mastercard customer),
 * never ignored.
 */
export function toCreatePortInput(input: CreateCustomerInput): CreatePortInput {
  return {
    kind: (input.kind ?? null) as CustomerKind | null,
    username: given(input.username),
    firstName: given(input.firstName),
    lastName: given(input.lastName),
    name: given(input.name),
    email: given(input.email),
    phone: given(input.phone),
    category: (input.category ?? null) as CustomerCategory | null,
    details: detailsOf(input),
  };
}

/** A value to change: `undefined` leaves it; null would mean "clear it", which no provider offers. */
function change(value: string | null | undefined, field: string): string | undefined {
  if (value === null) throw badInput(`${field} cannot be cleared`, field);
  return value;
}

/**
 * `updateCustomer`'s input as the port takes it: only the fields given. `input.caiboIpg` on a
 * customer of another provider is BAD_USER_INPUT naming it.
 */
export function toUpdatePortInput(provider: ProviderKey, input: UpdateCustomerInput): UpdatePortInput {
  const changes: UpdatePortInput = {};
  for (const key of ['firstName', 'lastName', 'name', 'email', 'phone'] as const) {
    const value = change(input[key], `input.${key}`);
    if (value !== undefined) changes[key] = value;
  }
  if (input.caiboIpg !== undefined && input.caiboIpg !== null) {
    if (provider !== 'CAIBO_IPG') throw badInput(`input.caiboIpg holds CAIBO_IPG fields; this customer is at ${provider}`, 'input.caiboIpg');
    const address = change(input.caiboIpg.address, 'input.caiboIpg.address');
    const memberId = change(input.caiboIpg.memberId, 'input.caiboIpg.memberId');
    changes.details = {
      provider: 'CAIBO_IPG',
      ...(address === undefined ? {} : { address }),
      ...(memberId === undefined ? {} : { memberId }),
    };
  }
  return changes;
}

/**
 * `input.obp.userId` links a provider user to the new customer, the administration
 * `linkUserToCustomer` does behind the `operator` scope: it needs that scope here too.
 */
export function requireLinkScope(input: CreateCustomerInput, caller: Caller): void {
  if (given(input.obp?.userId) !== null && !caller.scopes.has('operator')) {
    throw new GatewayError('FORBIDDEN', 'input.obp.userId links a provider user to the customer, which needs the operator scope', {
      field: 'input.obp.userId',
    });
  }
}
