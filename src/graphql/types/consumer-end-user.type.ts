import { Field, InputType, ObjectType } from 'type-graphql';

@ObjectType({ description: "A reseller partner's end user: who uses the consumer's reports (Mastercard US ConsumerEndUser, seed 001 \"Reseller Partners\")" })
export class ConsumerEndUser {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  address!: string;

  @Field(() => String)
  city!: string;

  @Field(() => String)
  state!: string;

  @Field(() => String)
  zip!: string;

  @Field(() => String)
  phone!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;
}

@InputType({
  description:
    'The end user of the consumer\'s reports when the partner is a reseller (Mastercard US; required on createConsumer for resellers, error 1201 otherwise). name, address, city, state, zip and phone are required; they are nullable here only so that no GraphQL message echoes the input',
})
export class ConsumerEndUserInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => String, { nullable: true })
  state?: string | null;

  @Field(() => String, { nullable: true })
  zip?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'At least 2 characters' })
  url?: string | null;
}
