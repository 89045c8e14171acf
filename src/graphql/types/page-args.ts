import { ArgsType, Field, Int } from 'type-graphql';
import { TransactionFilter } from './inputs.js';

/** Relay forward paging arguments every connection field takes. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0–1000, default 25' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

/** Paging plus the transaction filter (Account.transactions, Customer.transactions). */
@ArgsType()
export class TransactionPageArgs extends PageArgs {
  @Field(() => TransactionFilter, { nullable: true })
  filter?: TransactionFilter | null;
}
