import { z } from 'zod/v4';

/**
 * OBP-API JSON as the resource docs show it (obp-resource-docs-extract.json, OBP-API @ 91e4e2b3),
 * parsed tolerantly: OBP serialises absent values as "" or null depending on the factory, and
 * versions add fields. Only what the mappers read is declared; the rest passes through.
 */

const text = z.string().nullish();

/*
 * List envelopes declare their records as `unknown`: each record is read on its own with its record
 * schema (src/providers/record-reader.ts), so one odd record fails alone, never its page (issue 9).
 */
const records = z.array(z.unknown());

/** The envelope of a single-record answer: any JSON object, the record read with its schema. */
export const recordBodySchema = z.record(z.string(), z.unknown());

/** `{scheme, address}`: bank_routings, account_routings, bank_routing. */
export const routingSchema = z.object({ scheme: text, address: text }).passthrough();

/**
 * `{currency, amount}` with the amount a decimal string ("-351.25"). OBP documents no JSON number
 * here, but a connector may send one: it is kept as the number and turned into a decimal by the
 * mapper (decimalFromNumber, exact as for Mastercard), never with String() (1e21 would be "1e+21").
 */
export const amountSchema = z.object({
  currency: z.string(),
  amount: z.union([z.string(), z.number()]),
});
export type WireAmount = z.infer<typeof amountSchema>;

/** BankJson400 (GET /banks, v4.0.0) and BankJson500 (GET /banks/BANK_ID, v5.0.0: bank_code, no short_name). */
export const bankSchema = z
  .object({
    id: z.string(),
    short_name: text,
    full_name: text,
    bank_code: text,
    logo: text,
    website: text,
    bank_routings: z.array(routingSchema).nullish(),
    attributes: z.array(z.object({ name: z.string(), value: text }).passthrough()).nullish(),
  })
  .passthrough();
export type WireBank = z.infer<typeof bankSchema>;

export const bankListSchema = z.object({ banks: records });

/**
 * CustomerJsonV310 (create 201, get) and CustomerJsonV300 (v5.0.0 list). Dates differ by factory:
 * yyyy-MM-dd'T'HH:mm:ss'Z' in V310, yyyy-MM-dd in V300 (the V300 example even shows "19900101";
 * meta.caveats), so they are parsed in the mapper.
 */
export const customerSchema = z
  .object({
    bank_id: text,
    customer_id: z.string(),
    customer_number: text,
    legal_name: text,
    mobile_phone_number: text,
    email: text,
    face_image: z.object({ url: text, date: text }).passthrough().nullish(),
    date_of_birth: text,
    relationship_status: text,
    dependants: z.number().nullish(),
    dob_of_dependants: z.array(z.string()).nullish(),
    credit_rating: z.object({ rating: text, source: text }).passthrough().nullish(),
    credit_limit: z.object({ currency: text, amount: z.union([z.string(), z.number()]).nullish() }).passthrough().nullish(),
    highest_education_attained: text,
    employment_status: text,
    kyc_status: z.boolean().nullish(),
    last_ok_date: text,
    title: text,
    branch_id: text,
    name_suffix: text,
    customer_attributes: z.array(z.object({ name: z.string(), type: text, value: text }).passthrough()).nullish(),
  })
  .passthrough();
export type WireCustomer = z.infer<typeof customerSchema>;

export const customerListSchema = z.object({ customers: records });

/** BasicAccountJSON (GET /obp/v4.0.0/banks/BANK_ID/accounts): ids and labels only. */
export const basicAccountSchema = z.object({ id: z.string(), label: text, bank_id: text }).passthrough();
export const basicAccountListSchema = z.object({ accounts: records });

/** ModeratedAccountJSON400 (GET …/ACCOUNT_ID/VIEW_ID/account, v4.0.0). */
export const accountSchema = z
  .object({
    id: z.string(),
    label: text,
    number: text,
    product_code: text,
    balance: amountSchema.nullish(),
    bank_id: text,
    account_routings: z.array(routingSchema).nullish(),
    owners: z.array(z.object({ id: text, display_name: text }).passthrough()).nullish(),
  })
  .passthrough();
export type WireAccount = z.infer<typeof accountSchema>;

/** TransactionJsonV300 through a view (v3.0.0 list, v3.1.0 get). */
export const transactionSchema = z
  .object({
    id: z.string(),
    this_account: z.object({ id: text }).passthrough().nullish(),
    other_account: z
      .object({ id: text, holder: z.object({ name: text }).passthrough().nullish() })
      .passthrough()
      .nullish(),
    details: z
      .object({
        type: text,
        description: text,
        posted: text,
        completed: text,
        new_balance: amountSchema.nullish(),
        value: amountSchema,
      })
      .passthrough(),
  })
  .passthrough();
export type WireTransaction = z.infer<typeof transactionSchema>;

export const transactionListSchema = z.object({ transactions: records });

/** UserCustomerLinkJson (v2.0.0 createUserCustomerLinks 201; v4.0.0 getters list them). */
export const userCustomerLinkSchema = z
  .object({
    user_customer_link_id: z.string(),
    customer_id: z.string(),
    user_id: z.string(),
    date_inserted: text,
    is_active: z.boolean().nullish(),
  })
  .passthrough();
export type WireUserCustomerLink = z.infer<typeof userCustomerLinkSchema>;

export const userCustomerLinkListSchema = z.object({ user_customer_links: records });

/** Customer-account links (v5.0.0; not in the extract): only the ids are read. */
export const customerAccountLinkSchema = z.object({ customer_id: text, bank_id: text, account_id: z.string() }).passthrough();
export const customerAccountLinkListSchema = z.object({ links: records });

/** GET /obp/vX/users/current (UserJsonV300): only the user id is read. */
export const currentUserSchema = z.object({ user_id: z.string() }).passthrough();

export const tokenSchema = z.object({ token: z.string().min(1) });

/** `{"code": <http status>, "message": "OBP-xxxxx: …"}` (meta.errorBody). */
export const errorSchema = z.object({ code: z.union([z.number(), z.string()]).nullish(), message: z.string().nullish() }).passthrough();
