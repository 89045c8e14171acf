import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ProviderEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';
import { ConsumerEndUser, ConsumerEndUserInput } from './consumer-end-user.type.js';
import { Node } from './node.js';

/**
 * A US Social Security number, write-only. It is a scalar of its own, passed as its own argument
 * (never inside an input object), so that no GraphQL coercion message can ever echo it: graphql-js
 * prints the whole input object when one of its fields is wrong. Any string or number parses; the
 * format is checked by the adapter, whose messages name the field and never the value. It cannot be
 * serialized: no output field has this type.
 */
export const SsnScalar = new GraphQLScalarType<string, never>({
  name: 'Ssn',
  description: 'A US Social Security number (9 digits, dashes allowed). Write-only: never returned, logged or echoed in an error.',
  serialize() {
    throw new GraphQLError('Ssn is write-only');
  },
  parseValue(value) {
    // Anything else becomes "" and fails the adapter's format check without being printed.
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  },
  parseLiteral(ast) {
    return ast.kind === Kind.STRING || ast.kind === Kind.INT ? ast.value : '';
  },
});

@ObjectType({ description: 'Date of birth as the provider stores it' })
export class ConsumerBirthday {
  @Field(() => Int)
  year!: number;

  @Field(() => Int, { description: '1–12' })
  month!: number;

  @Field(() => Int)
  dayOfMonth!: number;
}

@ObjectType({
  implements: Node,
  description:
    'The person a customer\'s lending reports are about (Mastercard AU/US). One per customer; it can never be deleted. Its SSN is write-only and never shown',
})
export class Consumer extends Node {
  @Field(() => ProviderEnum)
  provider!: string;

  @Field(() => String, { description: "The provider's own consumer id" })
  providerId!: string;

  @Field(() => String, { nullable: true })
  firstName!: string | null;

  @Field(() => String, { nullable: true })
  lastName!: string | null;

  @Field(() => String, { nullable: true })
  middleName!: string | null;

  @Field(() => String, { nullable: true })
  suffix!: string | null;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => String, { nullable: true })
  city!: string | null;

  @Field(() => String, { nullable: true })
  state!: string | null;

  @Field(() => String, { nullable: true })
  zip!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => ConsumerBirthday, { nullable: true })
  birthday!: ConsumerBirthday | null;

  @Field(() => ConsumerEndUser, { nullable: true, description: "The reseller's end user the provider holds for this consumer (Mastercard US)" })
  endUser!: ConsumerEndUser | null;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: Date | null;
}

@InputType()
export class BirthdayInput {
  @Field(() => Int)
  year!: number;

  @Field(() => Int, { description: '1–12' })
  month!: number;

  @Field(() => Int)
  dayOfMonth!: number;
}

@InputType({
  description:
    'A consumer\'s details. Every field is optional here so that no GraphQL message echoes the input; the provider rules are checked by the gateway, naming the field: Mastercard US needs firstName, lastName, state, an ssn or a full birthday, and a phone or an email; Mastercard AU needs firstName, lastName and a phone or an email. The SSN is the separate `ssn` argument',
})
export class ConsumerInput {
  @Field(() => String, { nullable: true })
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  lastName?: string | null;

  @Field(() => String, { nullable: true })
  middleName?: string | null;

  @Field(() => String, { nullable: true })
  suffix?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'Required in the US' })
  state?: string | null;

  @Field(() => String, { nullable: true })
  zip?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => BirthdayInput, { nullable: true })
  birthday?: BirthdayInput | null;

  @Field(() => ConsumerEndUserInput, { nullable: true, description: 'Mastercard US reseller partners: the end user of the reports (required on create for them)' })
  endUser?: ConsumerEndUserInput | null;
}
