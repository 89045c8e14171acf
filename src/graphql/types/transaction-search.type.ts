import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ProviderEnum } from '../enums.js';
import { DecimalScalar } from '../scalars.js';
import { PageInfo, edgeType } from './connection.js';
import { TransactionFilter } from './inputs.js';
import { ProviderError } from './provider-error.type.js';
import { Transaction } from './transaction.type.js';

@InputType({
  description:
    "The top-level `transactions` filter and the export's (README, For BI): the per-connection filter plus providers, customers, an amount range and text. Without `from`, each provider's own default window",
})
export class TransactionSearchFilter extends TransactionFilter {
  @Field(() => [ProviderEnum], { nullable: true, description: 'Only these providers; every provider the caller may use when omitted' })
  providers?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Only these customers (global IDs, at most 100); without it, every customer of each provider that can list them (at most 100 per provider)',
  })
  customers?: string[] | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Inclusive lower bound of the signed amount (negative = money out), compared exactly, any currency' })
  minAmount?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Inclusive upper bound of the signed amount, compared exactly, any currency' })
  maxAmount?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the description, payee or memo (at most 200 characters)' })
  text?: string | null;
}

const SearchEdge = edgeType('TransactionSearch', Transaction);

@ObjectType({ description: 'Transactions across customers and providers, merged in one order, with partial results per provider' })
export class TransactionSearchConnection {
  @Field(() => [SearchEdge])
  edges!: InstanceType<typeof SearchEdge>[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { nullable: true, description: 'Always null: no provider counts across customers' })
  totalCount!: number | null;

  @Field(() => [ProviderError], {
    description:
      'Providers whose rows are missing or incomplete on this page: those that failed (also in `errors`) and those that cannot take part (UNSUPPORTED_BY_PROVIDER: no customer list without filter.customers, or no transactions; not in `errors`), in Provider order. A fault of one customer (its read failed while others of its provider answered) names it in `customerId`; an account its customer-wide rows lack (Mastercard AU: first aggregation still running; PROVIDER_UNAVAILABLE, retryable) names it in `accountId`',
  })
  providerErrors!: ProviderError[];
}
