import { Field, InputType } from 'type-graphql';
import { CustomerCategoryEnum, CustomerKindEnum, ProviderEnum, SortOrderEnum, TransactionStatusEnum } from '../enums.js';
import { DateScalar, DateTimeScalar } from '../scalars.js';

@InputType({ description: 'Which transactions to return. Without a range: the last 90 days.' })
export class TransactionFilter {
  @Field(() => DateTimeScalar, { nullable: true, description: 'Inclusive start; default 90 days before `to`' })
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

@InputType()
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

  @Field(() => String, { nullable: true, description: 'Mastercard active customers: the registered application' })
  applicationId?: string | null;

  @Field(() => CustomerCategoryEnum, { nullable: true })
  category?: string | null;

  @Field(() => String, { nullable: true, description: 'Caibo IPG only (max 255): billing address as one line; other providers reject it' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: "Caibo IPG only (max 50): the merchant's own member id; other providers reject it" })
  memberId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Mastercard AU only: Australian Business Number of a BUSINESS customer (11 digits, spaces allowed; check digit verified). Required for ACTIVE customers under the BCDC access model; other providers reject it',
  })
  abn?: string | null;

  @Field(() => String, { nullable: true, description: 'OBP only, required there: the BANK_ID to create the customer at (Bank.providerId, e.g. gh.29.uk); other providers reject it' })
  bankId?: string | null;

  @Field(() => String, { nullable: true, description: 'OBP only: the customer number, unique at the bank (random when omitted); other providers reject it' })
  customerNumber?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'OBP only; other providers reject it' })
  dateOfBirth?: Date | null;

  @Field(() => String, { nullable: true, description: 'OBP only (e.g. single, married); other providers reject it' })
  relationshipStatus?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'OBP only: whether KYC checks passed; other providers reject it' })
  kycStatus?: boolean | null;

  @Field(() => String, { nullable: true, description: 'OBP only (e.g. employed, retired); other providers reject it' })
  employmentStatus?: string | null;
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

  @Field(() => String, { nullable: true, description: 'Caibo IPG only (max 255); other providers reject it' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Caibo IPG only (max 50); other providers reject it' })
  memberId?: string | null;
}
