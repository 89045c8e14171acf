import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { INSTITUTION_PRODUCTS, type InstitutionProduct } from '../../domain/institutions.port.js';
import { ProviderEnum } from '../enums.js';
import { connectionTypes } from './connection.js';
import { Node } from './node.js';

export const InstitutionProductEnum = Object.fromEntries(INSTITUTION_PRODUCTS.map((value) => [value, value])) as {
  [K in InstitutionProduct]: K;
};
registerEnumType(InstitutionProductEnum, {
  name: 'InstitutionProduct',
  description:
    "Products an institution is certified for (Mastercard's product matrix: transAgg, ach, voi, voa, aha, availBalance, accountOwner; stateAgg is US only)",
  valuesConfig: {
    TRANSACTION_AGGREGATION: { description: 'transAgg: accounts and transactions' },
    ACCOUNT_DETAILS: { description: 'ach: account number and routing / BSB for payments' },
    VERIFICATION_OF_INCOME: { description: 'voi' },
    VERIFICATION_OF_ASSETS: { description: 'voa' },
    ACCOUNT_HISTORY: { description: 'aha: up to 12 months (AU) of history' },
    AVAILABLE_BALANCE: { description: 'availBalance: cached and live available balance' },
    ACCOUNT_OWNER: { description: 'accountOwner' },
    STATE_AGGREGATION: { description: 'stateAgg (US)' },
  },
});

@ObjectType({ implements: Node, description: 'A financial institution a provider connects to (Mastercard AU)' })
export class Institution extends Node {
  @Field(() => ProviderEnum)
  provider!: string;

  @Field(() => String, { description: "The provider's institution id (Connect Lite takes it)" })
  providerId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Home page' })
  url!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Customers sign in at the institution itself (OAuth / CDR)' })
  oauthEnabled!: boolean | null;

  @Field(() => [InstitutionProductEnum], { description: 'Products the institution is certified for' })
  products!: string[];

  @Field(() => String, { nullable: true })
  country!: string | null;

  @Field(() => String, { nullable: true })
  currency!: string | null;

  @Field(() => String, { nullable: true, description: "The provider's availability status (e.g. online)" })
  status!: string | null;
}

export const { Connection: InstitutionConnection } = connectionTypes('Institution', Institution);
