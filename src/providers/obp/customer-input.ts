import { badInput } from '../../domain/errors.js';
import type { CreateCustomerInput } from '../../domain/ports.js';
import { toObpDateTime } from './dates.js';

/**
 * The OBP-only fields a create request may carry in `CreateCustomerInput.extra` (string values, as
 * the GraphQL input sends them), and the PostCustomerJsonV500 field each one fills.
 */
export const OBP_CREATE_FIELDS = {
  bankId: null, // the path's BANK_ID, not a body field
  customerNumber: 'customer_number',
  dateOfBirth: 'date_of_birth',
  relationshipStatus: 'relationship_status',
  kycStatus: 'kyc_status',
  employmentStatus: 'employment_status',
} as const;

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
  if (input.applicationId) throw badInput('OBP customers have no applicationId', 'input.applicationId');
  if (input.category) throw badInput('OBP customers have no category', 'input.category');
  if (input.kind !== null) throw badInput('OBP customers have no kind', 'input.kind');
  for (const key of Object.keys(input.extra)) {
    if (!(key in OBP_CREATE_FIELDS)) throw badInput(`OBP customers have no field ${key}`, `input.${key}`);
  }
  if (!input.name) throw badInput('OBP customers need a legal name in name', 'input.name');
  if (!input.phone) throw badInput('OBP customers need a mobile phone number in phone', 'input.phone');

  const body: PostCustomerJsonV500 = { legal_name: input.name, mobile_phone_number: input.phone };
  if (input.email) body.email = input.email;
  const extra = input.extra;
  if (extra.customerNumber) body.customer_number = extra.customerNumber;
  if (extra.dateOfBirth) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(extra.dateOfBirth) || Number.isNaN(Date.parse(`${extra.dateOfBirth}T00:00:00Z`))) {
      throw badInput('dateOfBirth must be a date such as 1990-01-31', 'input.dateOfBirth');
    }
    body.date_of_birth = toObpDateTime(new Date(`${extra.dateOfBirth}T00:00:00Z`));
  }
  if (extra.kycStatus) {
    if (extra.kycStatus !== 'true' && extra.kycStatus !== 'false') throw badInput('kycStatus must be true or false', 'input.kycStatus');
    body.kyc_status = extra.kycStatus === 'true';
  }
  if (extra.relationshipStatus) body.relationship_status = extra.relationshipStatus;
  if (extra.employmentStatus) body.employment_status = extra.employmentStatus;
  return body;
}
