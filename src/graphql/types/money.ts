import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../scalars.js';

@ObjectType({ simpleResolvers: true, description: 'An exact amount in a currency' })
export class Money {
  @Field(() => DecimalScalar, { description: 'Exact decimal string; negative is money out of the account' })
  amount!: string;

  @Field(() => String, { description: 'ISO 4217 currency code' })
  currency!: string;
}
