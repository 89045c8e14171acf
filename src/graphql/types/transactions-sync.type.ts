import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { ProviderEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';
import { ProviderError } from './provider-error.type.js';
import { Transaction } from './transaction.type.js';

@InputType({ description: 'What transactionsSync covers: providers, customers, accounts (global IDs). Omitted: every provider the caller may use' })
export class TransactionsSyncScope {
  @Field(() => [ProviderEnum], { nullable: true, description: 'Only these providers (without customers/accounts of a provider: everything it holds)' })
  providers?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only these customers (at most 100 customers and accounts together)' })
  customers?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only these accounts' })
  accounts?: string[] | null;
}

@ObjectType({ description: 'A transaction that appeared or changed since the cursor, as last read from its provider' })
export class SyncedTransaction {
  @Field(() => Transaction, { description: 'Its state as last read (provider-specific fields are not kept: null)' })
  transaction!: unknown;

  @Field(() => ID, { nullable: true, description: "Its account's global ID (none for Caibo payment requests), from the store" })
  accountId!: string | null;

  @Field(() => ID, { nullable: true, description: "Its customer's global ID, from the store" })
  customerId!: string | null;

  @Field(() => DateTimeScalar, { description: 'When its provider last returned it' })
  fetchedAt!: Date;
}

@ObjectType({ description: 'A transaction its provider no longer returns' })
export class RemovedTransaction {
  @Field(() => ID, { description: 'The global ID the feed reported it under' })
  id!: string;

  @Field(() => ProviderEnum)
  provider!: string;

  @Field(() => String)
  providerId!: string;

  @Field(() => ID, { nullable: true })
  accountId!: string | null;

  @Field(() => ID, { nullable: true })
  customerId!: string | null;

  @Field(() => DateTimeScalar, { description: 'When its provider was read without it (for a purged row: when it was purged)' })
  fetchedAt!: Date;

  @Field(() => Boolean, {
    description:
      "True when the gateway deleted it because the customer's consent for its institution ended (revoked or expired; README \"Consent lifecycle\"): delete your copy too, as CDR requires of data derived from it",
  })
  purged!: boolean;

  @Field(() => ID, {
    nullable: true,
    description: 'A pending transaction that settled: the posted transaction that replaced it (reported in `added`), when one matched (README "For BI": the confidence score)',
  })
  replacedBy!: string | null;

  @Field(() => Float, { nullable: true, description: 'How sure the link to replacedBy is, 0–1 (same account, amount, close dates, similar description)' })
  replacementConfidence!: number | null;
}

@ObjectType({ description: 'One page of the change feed: apply added/modified as upserts and removed as deletes, then call again with nextCursor while hasMore' })
export class TransactionsSyncResult {
  @Field(() => [SyncedTransaction])
  added!: SyncedTransaction[];

  @Field(() => [SyncedTransaction])
  modified!: SyncedTransaction[];

  @Field(() => [RemovedTransaction])
  removed!: RemovedTransaction[];

  @Field(() => String, { description: 'Opaque; pass it to the next call (it survives gateway restarts). Only valid with the same scope' })
  nextCursor!: string;

  @Field(() => Boolean, { description: 'More changes follow right away: call again with nextCursor' })
  hasMore!: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: "When this scope's data was read from its providers (the oldest read); null before any read succeeded" })
  fetchedAt!: Date | null;

  @Field(() => [ProviderError], {
    description:
      'Providers that could not be read this time: their rows are as last read, none reported removed. An account whose rows the read lacked (Mastercard AU: first aggregation still running) is its own entry with `customerId` and `accountId` (PROVIDER_UNAVAILABLE, retryable), and the scope is read again on the next call',
  })
  providerErrors!: ProviderError[];
}
