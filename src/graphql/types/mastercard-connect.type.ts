import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../scalars.js';

export const ConnectKindEnum = { FULL: 'FULL', LITE: 'LITE' } as const;
registerEnumType(ConnectKindEnum, {
  name: 'ConnectKind',
  description: 'FULL: the customer searches for their institution in Connect. LITE: your UI chose it (institutionId required)',
});

@InputType()
export class GenerateConnectUrlInput {
  @Field(() => ID, { description: 'Global ID of the customer who will connect accounts' })
  customerId!: string;

  @Field(() => ConnectKindEnum, { nullable: true, description: 'FULL when omitted' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'LITE only, required there: Institution.providerId' })
  institutionId?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the customer lands after the institution sign-in' })
  redirectUri?: string | null;

  @Field(() => String, { nullable: true, description: 'Receives Connect events for this session (JSON)' })
  webhook?: string | null;

  @Field(() => String, { nullable: true, description: 'A Connect experience id configured with the provider' })
  experience?: string | null;
}

@ObjectType({ description: 'A link that opens Connect for one customer' })
export class ConnectUrl {
  @Field(() => String)
  url!: string;

  @Field(() => ConnectKindEnum)
  kind!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'The link stops working then (Mastercard: 2 hours after generation)' })
  expiresAt!: Date | null;
}
