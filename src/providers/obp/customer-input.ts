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

/** CreateCustomerJson of v2.0.0 createCustomer (seed 004): every field present, `user_id` links the user. */
export interface CreateCustomerJsonV200 {
  user_id: string;
  customer_number: string;
  legal_name: string;
  mobile_phone_number: string;
  email: string;
  face_image: { url: string; date: string };
  date_of_birth: string;
  relationship_status: string;
  dependants: number;
  dob_of_dependants: string[];
  highest_education_attained: string;
  employment_status: string;
  kyc_status: boolean;
  last_ok_date: string;
  title: string;
  branchId: string;
  nameSuffix: string;
}

/**
 * The v2.0.0 body for a create that links `userId` (seed 004 "Create Customer": `user_id`). That
 * version takes no optional field, so the caller must give customerNumber and dateOfBirth (values
 * the gateway cannot make up); the rest go as OBP's own empty values ("" / 0 / [] / false), and
 * face_image.date and last_ok_date as `now`.
 */
export function toCreateBodyV200(input: CreateCustomerInput, userId: string, now: Date): CreateCustomerJsonV200 {
  const v500 = toCreateBody(input);
  if (!v500.customer_number) throw badInput('Linking a user on create (input.obp.userId) needs input.obp.customerNumber (OBP v2.0.0 requires it)', 'input.obp.customerNumber');
  if (!v500.date_of_birth) throw badInput('Linking a user on create (input.obp.userId) needs input.obp.dateOfBirth (OBP v2.0.0 requires it)', 'input.obp.dateOfBirth');
  const stamp = toObpDateTime(now);
  return {
    user_id: userId,
    customer_number: v500.customer_number,
    legal_name: v500.legal_name,
    mobile_phone_number: v500.mobile_phone_number,
    email: v500.email ?? '',
    face_image: { url: '', date: stamp },
    date_of_birth: v500.date_of_birth,
    relationship_status: v500.relationship_status ?? '',
    dependants: 0,
    dob_of_dependants: [],
    highest_education_attained: '',
    employment_status: v500.employment_status ?? '',
    kyc_status: v500.kyc_status ?? false,
    last_ok_date: stamp,
    title: '',
    branchId: '',
    nameSuffix: '',
  };
}
