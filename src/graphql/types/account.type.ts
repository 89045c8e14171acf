import { Field, ObjectType } from 'type-graphql';
import { AccountTypeEnum, ProviderEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';
import { connectionTypes } from './connection.js';
import { Money } from './money.js';
import { Node } from './node.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A bank account, card, loan or wallet' })
export class Account extends Node {
  @Field(() => ProviderEnum)
  provider!: string;

  @Field(() => String)
  providerId!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Display digits only; full account numbers never leave the gateway here' })
  numberMasked!: string | null;

  @Field(() => AccountTypeEnum)
  type!: string;

  @Field(() => String, { nullable: true, description: "The provider's own account type" })
  providerType!: string | null;

  @Field(() => String, { nullable: true })
  status!: string | null;

  @Field(() => Money, { nullable: true, description: 'Balance as last aggregated by the provider' })
  balance!: Money | null;

  @Field(() => DateTimeScalar, { nullable: true })
  balanceAt!: Date | null;

  @Field(() => String, { nullable: true })
  currency!: string | null;

  @Field(() => String, { nullable: true })
  institutionId!: string | null;

  @Field(() => String, { nullable: true })
  institutionLoginId!: string | null;
}

export const { Connection: AccountConnection } = connectionTypes('Account', Account);
