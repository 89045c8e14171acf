import { Field, Int, ObjectType } from 'type-graphql';
import { ProviderEnum } from '../enums.js';

@ObjectType({ description: 'Why one provider is missing from a fan-out result' })
export class ProviderError {
  @Field(() => ProviderEnum)
  provider!: string;

  @Field(() => String, { description: 'The unified error code, as in errors[].extensions.code' })
  code!: string;

  @Field(() => String)
  message!: string;

  @Field(() => Boolean)
  retryable!: boolean;

  @Field(() => Int, { nullable: true })
  retryAfterMs!: number | null;
}
