import { z } from 'zod/v4';
import { ObpError } from './errors.js';

/**
 * Request dates as OBP's lift-json formats read them: yyyy-MM-dd'T'HH:mm:ss'Z' (seed 004: "Dates
 * need to be in the format 2013-01-21T23:08:00Z"); milliseconds are tolerated.
 */
const obpDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/)
  .transform((value, ctx) => {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'invalid date' });
      return z.NEVER;
    }
    return date;
  });

const faceImage = z.object({ url: z.string(), date: obpDate });
const creditRating = z.object({ rating: z.string(), source: z.string() });
const creditLimit = z.object({ currency: z.string(), amount: z.string() });

/** PostCustomerJsonV500 (v5.0.0 createCustomer): only legal_name and mobile_phone_number are required. */
const postCustomerV500 = z.object({
  legal_name: z.string(),
  mobile_phone_number: z.string(),
  customer_number: z.string().optional(),
  email: z.string().optional(),
  face_image: faceImage.optional(),
  date_of_birth: obpDate.optional(),
  relationship_status: z.string().optional(),
  dependants: z.number().int().optional(),
  dob_of_dependants: z.array(obpDate).optional(),
  credit_rating: creditRating.optional(),
  credit_limit: creditLimit.optional(),
  highest_education_attained: z.string().optional(),
  employment_status: z.string().optional(),
  kyc_status: z.boolean().optional(),
  last_ok_date: obpDate.optional(),
  title: z.string().optional(),
  branch_id: z.string().optional(),
  name_suffix: z.string().optional(),
});

/** PostCustomerJsonV310 (v3.1.0 / v4.0.0): every field required, no customer_number (obp-notes.md, Customers). */
const postCustomerV310 = postCustomerV500.omit({ customer_number: true }).required();

export type PostCustomer = z.infer<typeof postCustomerV500>;

/**
 * Parses a create-customer body the way the version's handler extracts it; a failure is
 * OBP-10001 with the handler's suffix (`s"$InvalidJsonFormat The Json body should be the $PostCustomerJsonV500 "`).
 */
export function parsePostCustomer(body: unknown, schema: 'V500' | 'V310'): PostCustomer {
  const parsed = (schema === 'V500' ? postCustomerV500 : postCustomerV310).safeParse(body);
  if (!parsed.success) {
    throw new ObpError('InvalidJsonFormat', ` The Json body should be the PostCustomerJson${schema} `);
  }
  return parsed.data;
}

const createUserCustomerLink = z.object({ user_id: z.string(), customer_id: z.string() });

export function parseCreateUserCustomerLink(body: unknown): z.infer<typeof createUserCustomerLink> {
  const parsed = createUserCustomerLink.safeParse(body);
  if (!parsed.success) throw new ObpError('InvalidJsonFormat', ' The Json body should be the CreateUserCustomerLinkJson ');
  return parsed.data;
}

const customerNumberBody = z.object({ customer_number: z.string() });

export function parseCustomerNumberBody(body: unknown): string {
  const parsed = customerNumberBody.safeParse(body);
  if (!parsed.success) throw new ObpError('InvalidJsonFormat', ' The Json body should be the PostCustomerNumberJsonV310 ');
  return parsed.data.customer_number;
}

/**
 * CreateCustomerJson of v2.0.0 createCustomer (seed 004 "Create Customer"; the extract's
 * createCustomerJson example). The seed marks no field optional and OBP's old-style handlers
 * extract the whole case class, so every listed field is required: face_image carries the seed's
 * `url` and `date`; `branchId` and `nameSuffix` are camelCase in this version.
 */
const createCustomerV200 = z.object({
  user_id: z.string(),
  customer_number: z.string(),
  legal_name: z.string(),
  mobile_phone_number: z.string(),
  email: z.string(),
  face_image: faceImage,
  date_of_birth: obpDate,
  relationship_status: z.string(),
  dependants: z.number().int(),
  dob_of_dependants: z.array(obpDate),
  highest_education_attained: z.string(),
  employment_status: z.string(),
  kyc_status: z.boolean(),
  last_ok_date: obpDate,
  title: z.string(),
  branchId: z.string(),
  nameSuffix: z.string(),
});

export type CreateCustomerV200 = z.infer<typeof createCustomerV200>;

export function parseCreateCustomerV200(body: unknown): CreateCustomerV200 {
  const parsed = createCustomerV200.safeParse(body);
  if (!parsed.success) throw new ObpError('InvalidJsonFormat', ' The Json body should be the CreateCustomerJson ');
  return parsed.data;
}

/** SocialMediaJSON (seed 004 "Create Customer Social Media Handle"): every field required. */
const socialMediaJson = z.object({
  customer_number: z.string(),
  type: z.string().min(1),
  handle: z.string().min(1),
  date_added: obpDate,
  date_activated: obpDate,
});

export function parseSocialMediaJson(body: unknown): z.infer<typeof socialMediaJson> {
  const parsed = socialMediaJson.safeParse(body);
  if (!parsed.success) throw new ObpError('InvalidJsonFormat', ' The Json body should be the SocialMediaJSON ');
  return parsed.data;
}
