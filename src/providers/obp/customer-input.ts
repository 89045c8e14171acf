import { badInput } from '../../domain/errors.js';
import { inputDetailsFor, type CreateCustomerInput } from '../../domain/ports.js';
import { toObpDateTime } from './dates.js';

export interface PostCustomerJsonV500 {
  legal_name: string;
  mobile_phone_number: string;
  customer_number?: string;
  email?: string;
  date_of_birth?: string;
  relationship_status?: string;
  kyc_status?: boolean;
  employment_status?: string;
}

/**
 * Checks a create request before any call and builds the v5.0.0 body: `legal_name` and
 * `mobile_phone_number` are required, the rest optional (obp-notes.md, Customers). Unified fields
 * OBP has no place for are rejected by name, never dropped.
 */
export function toCreateBody(input: CreateCustomerInput): PostCustomerJsonV500 {
  if (input.username) throw badInput('OBP customers have no username', 'input.username');
  if (input.firstName) throw badInput('OBP customers take one legal name in name, not firstName', 'input.firstName');
  if (input.lastName) throw badInput('OBP customers take one legal name in name, not lastName', 'input.lastName');
  if (input.category) throw badInput('OBP customers have no category', 'input.category');
  if (input.kind !== null) throw badInput('OBP customers have no kind', 'input.kind');
  const details = inputDetailsFor(input.details, 'OBP');
  if (details === null) throw badInput('OBP customers need input.obp.bankId: the bank to create them at', 'input.obp');
  if (!input.name) throw badInput('OBP customers need a legal name in name', 'input.name');
  if (!input.phone) throw badInput('OBP customers need a mobile phone number in phone', 'input.phone');

  const body: PostCustomerJsonV500 = { legal_name: input.name, mobile_phone_number: input.phone };
  if (input.email) body.email = input.email;
  if (details.customerNumber) body.customer_number = details.customerNumber;
  if (details.dateOfBirth) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(details.dateOfBirth) || Number.isNaN(Date.parse(`${details.dateOfBirth}T00:00:00Z`))) {
      throw badInput('dateOfBirth must be a date such as 1990-01-31', 'input.obp.dateOfBirth');
    }
    body.date_of_birth = toObpDateTime(new Date(`${details.dateOfBirth}T00:00:00Z`));
  }
  if (details.kycStatus !== null) body.kyc_status = details.kycStatus;
  if (details.relationshipStatus) body.relationship_status = details.relationshipStatus;
  if (details.employmentStatus) body.employment_status = details.employmentStatus;
  return body;
}
