import { Field, InputType, ObjectType } from 'type-graphql';
import { ProviderEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';
import { Node } from './node.js';

@ObjectType()
export class BusinessAddress {
  @Field(() => String)
  addressLine1!: string;

  @Field(() => String, { nullable: true })
  addressLine2!: string | null;

  @Field(() => String)
  city!: string;

  @Field(() => String)
  state!: string;

  @Field(() => String)
  country!: string;

  @Field(() => String)
  postalCode!: string;
}

@ObjectType()
export class BusinessPhoneNumber {
  @Field(() => String, { description: '1–3 digits' })
  countryCode!: string;

  @Field(() => String, { description: '7–12 digits' })
  phoneNo!: string;
}

@ObjectType({ implements: Node, description: 'The business behind a customer (Mastercard US); at most one per customer' })
export class Business extends Node {
  @Field(() => ProviderEnum)
  provider!: string;

  @Field(() => String, { description: "The provider's own business id" })
  providerId!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'The owner is personally liable for business loans (needs a consumer first)' })
  personallyLiable!: boolean | null;

  @Field(() => BusinessAddress, { nullable: true })
  address!: BusinessAddress | null;

  @Field(() => BusinessPhoneNumber, { nullable: true })
  phoneNumber!: BusinessPhoneNumber | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Business type, e.g. "LLC", "Nonprofit"' })
  type!: string | null;

  @Field(() => String, { nullable: true, description: 'Tax id / EIN, 9–15 characters' })
  taxId!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  modifiedAt!: Date | null;
}

@InputType()
export class BusinessAddressInput {
  @Field(() => String, { nullable: true })
  addressLine1?: string | null;

  @Field(() => String, { nullable: true })
  addressLine2?: string | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => String, { nullable: true })
  state?: string | null;

  @Field(() => String, { nullable: true })
  country?: string | null;

  @Field(() => String, { nullable: true })
  postalCode?: string | null;
}

@InputType()
export class BusinessPhoneNumberInput {
  @Field(() => String, { nullable: true })
  countryCode?: string | null;

  @Field(() => String, { nullable: true })
  phoneNo?: string | null;
}

@InputType({
  description:
    'A business\'s details. Create needs name, personallyLiable, address (addressLine1, city, state, country, postalCode) and phoneNumber; update changes only the fields given. personallyLiable: true needs the customer\'s consumer to exist first',
})
export class BusinessInput {
  @Field(() => String, { nullable: true, description: '1–150 characters' })
  name?: string | null;

  @Field(() => Boolean, { nullable: true })
  personallyLiable?: boolean | null;

  @Field(() => BusinessAddressInput, { nullable: true })
  address?: BusinessAddressInput | null;

  @Field(() => BusinessPhoneNumberInput, { nullable: true })
  phoneNumber?: BusinessPhoneNumberInput | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to 150 characters' })
  type?: string | null;

  @Field(() => String, { nullable: true, description: '9–15 characters' })
  taxId?: string | null;
}
