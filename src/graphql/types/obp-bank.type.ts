import { Field, ObjectType } from 'type-graphql';
import { ProviderEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';
import { connectionTypes } from './connection.js';
import { Customer } from './customer.type.js';
import { Node } from './node.js';

@ObjectType({ description: 'A routing identifier: `{scheme, address}` as the provider names them (BIC, ABA …)' })
export class BankRouting {
  @Field(() => String)
  scheme!: string;

  @Field(() => String)
  address!: string;
}

@ObjectType({ description: 'An account routing (IBAN, AccountNumber …) with its address masked to the last four digits' })
export class AccountRouting {
  @Field(() => String)
  scheme!: string;

  @Field(() => String, { nullable: true, description: 'Last four digits only; full account numbers never leave the gateway' })
  addressMasked!: string | null;
}

@ObjectType({
  implements: Node,
  description: 'A bank hosted by a provider (OBP: everything lives at a BANK_ID); its customers and accounts are scoped to it',
})
export class Bank extends Node {
  @Field(() => ProviderEnum)
  provider!: string;

  @Field(() => String, { description: "The provider's bank id (OBP BANK_ID, e.g. gh.29.uk)" })
  providerId!: string;

  @Field(() => String, { nullable: true })
  shortName!: string | null;

  @Field(() => String, { nullable: true })
  fullName!: string | null;

  @Field(() => String, { nullable: true })
  bankCode!: string | null;

  @Field(() => String, { nullable: true })
  logoUrl!: string | null;

  @Field(() => String, { nullable: true })
  website!: string | null;

  @Field(() => [BankRouting], { description: 'Bank-level routings (BIC, national bank codes)' })
  routings!: BankRouting[];
}

export const { Connection: BankCustomerConnection } = connectionTypes('BankCustomer', Customer);

@ObjectType({ description: 'A provider user allowed to act for a customer (OBP user-customer link)' })
export class UserCustomerLink {
  @Field(() => String, { description: "The link's id at the provider" })
  providerId!: string;

  @Field(() => ProviderEnum)
  provider!: string;

  @Field(() => String, { description: "The provider's user id" })
  userId!: string;

  @Field(() => Boolean)
  active!: boolean;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: Date | null;
}
