import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import type { NativeRef } from '../../domain/global-id.js';
import type { Account as AccountModel } from '../../domain/model.js';
import { Account } from './account.type.js';
import { PageArgs } from './page-args.js';

@InputType({ description: 'Accounts under one institution login and/or at one institution (providers with ACCOUNT_FILTERS)' })
export class AccountFilter {
  @Field(() => String, { nullable: true, description: 'Account.institutionLoginId: the accounts added with one set of institution credentials' })
  institutionLoginId?: string | null;

  @Field(() => String, { nullable: true, description: 'Account.institutionId: the accounts held at one institution' })
  institutionId?: string | null;
}

/** Paging plus the account filter (Customer.accounts). */
@ArgsType()
export class AccountPageArgs extends PageArgs {
  @Field(() => AccountFilter, {
    nullable: true,
    description: "Read through the provider's own filtered endpoint; UNSUPPORTED_BY_PROVIDER where there is none",
  })
  filter?: AccountFilter | null;
}

@InputType()
export class RefreshAccountsInput {
  @Field(() => ID, { description: 'Global ID of the customer' })
  customerId!: string;

  @Field(() => String, { description: 'Account.institutionLoginId of the accounts to refresh' })
  institutionLoginId!: string;
}

@ObjectType({ description: 'The accounts of one institution login, as the institution answered just now' })
export class RefreshAccountsPayload {
  @Field(() => [Account])
  accounts!: AccountModel[];
}

@InputType()
export class LoadAccountHistoryInput {
  @Field(() => ID, { description: 'Global ID of the account' })
  accountId!: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      "Connect to the institution again for an account already loaded (Mastercard: the institution's policy changed, longer history became available, or a failed load was fixed). Billed again",
  })
  force!: boolean;
}

@ObjectType({ description: "The account's historic transactions are loaded: read them through Account.transactions" })
export class LoadAccountHistoryPayload {
  @Field(() => ID, { description: 'Global ID of the account' })
  accountId!: string;

  @Field(() => Boolean, { description: 'Whether the load was forced' })
  forced!: boolean;

  /** The account's ref, for the `account` field. */
  ref!: NativeRef;
}
