import { Field, InputType } from 'type-graphql';
import { CustomerCategoryEnum, CustomerKindEnum, ProviderEnum, SortOrderEnum, TransactionStatusEnum } from '../enums.js';
import { DateScalar, DateTimeScalar } from '../scalars.js';

@InputType({ description: "Which transactions to return. Without `from`: the provider's default window (Mastercard AU/US: 180 days; Caibo IPG, OBP: everything held; see the README)" })
export class TransactionFilter {
  @Field(() => DateTimeScalar, { nullable: true, description: "Inclusive start; default: the provider's default window before `to`. Older than the provider can hold (Mastercard AU: 12 months, US: 24 months): a `beyond_history` warning in `extensions.warnings`" })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Inclusive end; default now' })
  to?: Date | null;

  @Field(() => [TransactionStatusEnum], { nullable: true, description: 'Only these statuses; all when omitted' })
  statuses?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Shorthand: false leaves PENDING out, true keeps it. Contradicting `statuses` is an error',
  })
  pending?: boolean | null;

  @Field(() => SortOrderEnum, { nullable: true, description: 'By date; newest first (desc) by default' })
  sort?: 'asc' | 'desc' | null;
}

@InputType({ description: 'Mastercard US fields of a new customer' })
export class MastercardUsCustomerInput {
  @Field(() => String, { nullable: true, description: 'Active customers: the registered application' })
  applicationId?: string | null;
}

@InputType({ description: 'Mastercard AU fields of a new customer' })
export class MastercardAuCustomerInput {
  @Field(() => String, { nullable: true, description: 'Active customers: the registered application' })
  applicationId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Australian Business Number of a BUSINESS customer (11 digits, spaces allowed; check digit verified). Required for ACTIVE customers under the BCDC access model',
  })
  abn?: string | null;
}

@InputType({ description: "Caibo IPG `Client` fields beyond the unified ones; on update only the fields given change" })
export class CaiboIpgCustomerInput {
  @Field(() => String, { nullable: true, description: 'Billing address as one line (max 255)' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: "The merchant's own member id (max 50)" })
  memberId?: string | null;
}

@InputType({ description: 'Open Bank Project fields of a new customer' })
export class ObpCustomerInput {
  @Field(() => String, { description: 'The BANK_ID to create the customer at (Bank.providerId, e.g. gh.29.uk)' })
  bankId!: string;

  @Field(() => String, { nullable: true, description: 'The customer number, unique at the bank (random when omitted)' })
  customerNumber?: string | null;

  @Field(() => DateScalar, { nullable: true })
  dateOfBirth?: Date | null;

  @Field(() => String, { nullable: true, description: 'e.g. single, married' })
  relationshipStatus?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether KYC checks passed' })
  kycStatus?: boolean | null;

  @Field(() => String, { nullable: true, description: 'e.g. employed, retired' })
  employmentStatus?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "An OBP user_id to link to the new customer (OBP v2.0.0 createCustomer; needs the operator scope, and customerNumber and dateOfBirth). At most one linked customer per user and bank (OBP-30007 is CONFLICT)",
  })
  userId?: string | null;
}

@InputType({
  description:
    "Unified fields, plus at most one provider's own fields in the sub-input named after `provider` (mastercardUs, mastercardAu, caiboIpg, obp); another provider's sub-input is BAD_USER_INPUT naming it",
})
export class CreateCustomerInput {
  @Field(() => ProviderEnum)
  provider!: string;

  @Field(() => CustomerKindEnum, { nullable: true, description: 'Mastercard: TESTING (default) or ACTIVE' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'Mastercard: 6–255 of letters, digits and ! @ . # $ % & * _ - +' })
  username?: string | null;

  @Field(() => String, { nullable: true })
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'Full or legal name, for providers with one name field' })
  name?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => CustomerCategoryEnum, { nullable: true })
  category?: string | null;

  @Field(() => MastercardUsCustomerInput, { nullable: true })
  mastercardUs?: MastercardUsCustomerInput | null;

  @Field(() => MastercardAuCustomerInput, { nullable: true })
  mastercardAu?: MastercardAuCustomerInput | null;

  @Field(() => CaiboIpgCustomerInput, { nullable: true })
  caiboIpg?: CaiboIpgCustomerInput | null;

  @Field(() => ObpCustomerInput, { nullable: true, description: 'Required for OBP' })
  obp?: ObpCustomerInput | null;
}

@InputType({ description: 'Only the fields given change; a field the provider cannot change is an error, never ignored' })
export class UpdateCustomerInput {
  @Field(() => String, { nullable: true })
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  lastName?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => CaiboIpgCustomerInput, { nullable: true, description: 'Caibo IPG customers only' })
  caiboIpg?: CaiboIpgCustomerInput | null;
}
