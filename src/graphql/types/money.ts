import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../scalars.js';

@ObjectType({ simpleResolvers: true, description: 'An exact amount in a currency' })
export class Money {
  @Field(() => DecimalScalar, {
    description:
      "Exact decimal string; negative is money out of the account. One form for every provider: at least the currency's ISO 4217 minor-unit digits (\"-56.40\" AUD, \"1200\" JPY), more only where the provider sent non-zero digits (nothing is rounded), no leading zeros, never \"-0\"",
  })
  amount!: string;

  @Field(() => String, { description: 'ISO 4217 currency code' })
  currency!: string;
}
