import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ProviderEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';

@ObjectType({ description: "A customer's social media handle (OBP: SocialMediaJSON, seed 004)" })
export class SocialMediaHandle {
  @Field(() => ProviderEnum)
  provider!: string;

  @Field(() => String, { nullable: true, description: 'The customer number the provider files the handle under' })
  customerNumber!: string | null;

  @Field(() => String, { description: 'The network, as the provider was told it (e.g. twitter)' })
  type!: string;

  @Field(() => String)
  handle!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  addedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  activatedAt!: Date | null;
}

@ObjectType({ description: 'A CRM event at a bank: a contact with a customer, planned and done (OBP getCrmEvents, seed 004)' })
export class CrmEvent {
  @Field(() => ProviderEnum)
  provider!: string;

  @Field(() => String, { description: "The event's id at the provider" })
  providerId!: string;

  @Field(() => String, { nullable: true, description: 'The BANK_ID the event belongs to' })
  bankId!: string | null;

  @Field(() => String, { nullable: true })
  customerName!: string | null;

  @Field(() => String, { nullable: true })
  customerNumber!: string | null;

  @Field(() => String, { nullable: true })
  category!: string | null;

  @Field(() => String, { nullable: true })
  detail!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. Branch, Phone' })
  channel!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  scheduledAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  actualAt!: Date | null;

  @Field(() => String, { nullable: true })
  result!: string | null;
}

@InputType({ description: 'A social media handle to add to a customer' })
export class AddSocialMediaHandleInput {
  @Field(() => ID, { description: 'The customer (global ID)' })
  customerId!: string;

  @Field(() => String, { description: 'The network, e.g. twitter (1–64 characters)' })
  type!: string;

  @Field(() => String, { description: 'The handle on that network (1–255 characters)' })
  handle!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the customer gave it; now when omitted' })
  addedAt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was confirmed; addedAt when omitted' })
  activatedAt?: Date | null;
}

@ObjectType({ description: 'A payment method the customer saved for faster checkout (Caibo IPG, seed 003 "Get Payment Methods")' })
export class SavedPaymentMethod {
  @Field(() => ProviderEnum)
  provider!: string;

  @Field(() => String, { description: "The saved method's id at the provider" })
  providerId!: string;

  @Field(() => String, { nullable: true, description: "The provider's payment method (Caibo: the H2H method id)" })
  methodId!: string | null;

  @Field(() => String, { nullable: true, description: 'Last four digits of the card; full card numbers never leave the gateway' })
  cardLastDigits!: string | null;

  @Field(() => Boolean, { nullable: true })
  isDefault!: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true })
  savedAt!: Date | null;
}
