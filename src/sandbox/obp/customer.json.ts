import { formatDate, formatDateTime, formatNullableDateTime } from './json-format.js';
import type { ObpCustomer, UserCustomerLink } from './model.js';

/**
 * CustomerJsonV310 (POST …/customers 201, JSONFactory310.createCustomerJson): Date fields as
 * yyyy-MM-dd'T'HH:mm:ss'Z' like the example JSON.
 */
export function customerJsonV310(c: ObpCustomer): Record<string, unknown> {
  return {
    bank_id: c.bankId,
    customer_id: c.customerId,
    customer_number: c.customerNumber,
    legal_name: c.legalName,
    mobile_phone_number: c.mobilePhoneNumber,
    email: c.email,
    face_image: { url: c.faceImage.url, date: formatNullableDateTime(c.faceImage.date) },
    date_of_birth: formatNullableDateTime(c.dateOfBirth),
    relationship_status: c.relationshipStatus,
    dependants: c.dependants,
    dob_of_dependants: c.dobOfDependants.map(formatDateTime),
    credit_rating: c.creditRating,
    credit_limit: c.creditLimit,
    highest_education_attained: c.highestEducationAttained,
    employment_status: c.employmentStatus,
    kyc_status: c.kycStatus,
    last_ok_date: formatDateTime(c.lastOkDate),
    title: c.title,
    branch_id: c.branchId,
    name_suffix: c.nameSuffix,
  };
}

/** CustomerJsonV140 (JSONFactory1_4_0.createCustomerJson, v2.0.0 create): no bank_id, credit fields, title, branch or suffix. */
export function customerJsonV140(c: ObpCustomer): Record<string, unknown> {
  const { bank_id: _bank, credit_rating: _rating, credit_limit: _limit, title: _title, branch_id: _branch, name_suffix: _suffix, ...rest } =
    customerJsonV310(c);
  return rest;
}

const attributesJson = (c: ObpCustomer): Array<Record<string, string>> =>
  c.attributes.map((a) => ({ customer_attribute_id: a.customerAttributeId, name: a.name, type: a.type, value: a.value }));

/** CustomerWithAttributesJsonV310 (GET …/customers/CUSTOMER_ID): V310 plus customer_attributes. */
export const customerWithAttributesJsonV310 = (c: ObpCustomer): Record<string, unknown> => ({
  ...customerJsonV310(c),
  customer_attributes: attributesJson(c),
});

/**
 * CustomerJsonV300 (v5.0.0 GET …/customers, JSONFactory300.createCustomersJson): the same fields,
 * but the code formats date_of_birth and dob_of_dependants as yyyy-MM-dd (meta.caveats: the
 * example's "19900101" is not what the factory produces).
 */
export const customerJsonV300 = (c: ObpCustomer): Record<string, unknown> => ({
  ...customerJsonV310(c),
  date_of_birth: formatDate(c.dateOfBirth),
  dob_of_dependants: c.dobOfDependants.map((d) => formatDate(d)),
});

/** CustomerWithAttributesJsonV300 (GET /obp/v3.0.0/users/current/customers). */
export const customerWithAttributesJsonV300 = (c: ObpCustomer): Record<string, unknown> => ({
  ...customerJsonV300(c),
  customer_attributes: attributesJson(c),
});

/** UserCustomerLinkJson (OBP v2.0.0 createUserCustomerLinks; not in the extract). */
export const userCustomerLinkJson = (link: UserCustomerLink): Record<string, unknown> => ({
  user_customer_link_id: link.userCustomerLinkId,
  customer_id: link.customerId,
  user_id: link.userId,
  date_inserted: formatDateTime(link.dateInserted),
  is_active: link.isActive,
});
