import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { decodeGlobalId, encodeGlobalId } from '../../domain/global-id.js';
import type { Account as AccountModel } from '../../domain/model.js';
import type { GatewayContext } from '../context.js';
import { pageProviderTransactions } from '../transaction-connection.js';
import { Account } from '../types/account.type.js';
import { Customer } from '../types/customer.type.js';
import { TransactionConnection } from '../types/transaction.type.js';
import { TransactionPageArgs } from '../types/page-args.js';
import { loadExisting } from '../lookups.js';

@Resolver(() => Account)
export class AccountResolver {
  @FieldResolver(() => ID)
  id(@Root() account: AccountModel): string {
    return encodeGlobalId(account.ref);
  }

  @Query(() => Account, { nullable: true, description: 'An account by global ID; null with a NOT_FOUND error when it does not exist' })
  account(@Arg('id', () => ID) id: string, @Ctx() context: GatewayContext): Promise<unknown> {
    return loadExisting(context, decodeGlobalId(id, 'Account'));
  }

  @FieldResolver(() => Customer, { nullable: true })
  customer(@Root() account: AccountModel, @Ctx() context: GatewayContext): Promise<unknown> {
    return account.customerRef ? context.loaders.customer.load(account.customerRef) : Promise.resolve(null);
  }

  @FieldResolver(() => TransactionConnection, { nullable: true, description: 'Newest first by default; batched per customer where the provider allows. Keyset cursors: stable while the provider gains or loses rows (README, For BI)' })
  async transactions(@Root() account: AccountModel, @Args(() => TransactionPageArgs) args: TransactionPageArgs, @Ctx() context: GatewayContext) {
    return pageProviderTransactions(context, encodeGlobalId(account.ref), account.ref.provider, args, (query, page) =>
      context.loaders.accountTransactions.load({ account: account.ref, query, page, record: account }),
    );
  }
}
