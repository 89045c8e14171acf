import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { decodeGlobalId, encodeGlobalId } from '../../domain/global-id.js';
import type { Account as AccountModel } from '../../domain/model.js';
import type { GatewayContext } from '../context.js';
import { toConnection } from '../connection.js';
import { pageRequestOf } from '../cursor.js';
import { providerTransactionQuery } from '../transaction-filter.js';
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

  @FieldResolver(() => TransactionConnection, { nullable: true, description: 'Newest first by default; batched per customer where the provider allows' })
  async transactions(@Root() account: AccountModel, @Args(() => TransactionPageArgs) args: TransactionPageArgs, @Ctx() context: GatewayContext) {
    const page = pageRequestOf(args.first, args.after);
    const query = providerTransactionQuery(context, account.ref.provider, args.filter);
    return toConnection(await context.loaders.accountTransactions.load({ account: account.ref, query, page, record: account }));
  }
}
