import { Field, ObjectType } from 'type-graphql';
import { ProviderEnum, TransactionStatusEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';
import { connectionTypes } from './connection.js';
import { Money } from './money.js';
import { Node } from './node.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A movement of money on an account' })
export class Transaction extends Node {
  @Field(() => ProviderEnum)
  provider!: string;

  @Field(() => String)
  providerId!: string;

  @Field(() => Money, { description: 'Negative is money out of the account' })
  amount!: Money;

  @Field(() => TransactionStatusEnum)
  status!: string;

  @Field(() => String, { nullable: true, description: "The provider's own status value" })
  providerStatus!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true })
  memo!: string | null;

  @Field(() => String, { nullable: true })
  category!: string | null;

  @Field(() => String, { nullable: true })
  payee!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  postedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  transactedAt!: Date | null;
}

export const { Connection: TransactionConnection } = connectionTypes('Transaction', Transaction);
