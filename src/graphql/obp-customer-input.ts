import type { CreateCustomerInput } from './types/inputs.js';

/**
 * The OBP-only fields of `createCustomer`'s input as `CreateCustomerInput.extra` strings, the way
 * every provider-only field travels: the OBP adapter reads them, other adapters reject them by name.
 */
export function obpCreateExtra(input: CreateCustomerInput): Record<string, string> {
  const extra: Record<string, string> = {};
  const text = (key: 'bankId' | 'customerNumber' | 'relationshipStatus' | 'employmentStatus'): void => {
    const value = input[key];
    if (value !== undefined && value !== null && value.trim() !== '') extra[key] = value;
  };
  text('bankId');
  text('customerNumber');
  text('relationshipStatus');
  text('employmentStatus');
  if (input.dateOfBirth) extra.dateOfBirth = input.dateOfBirth.toISOString().slice(0, 10);
  if (input.kycStatus !== undefined && input.kycStatus !== null) extra.kycStatus = String(input.kycStatus);
  return extra;
}
