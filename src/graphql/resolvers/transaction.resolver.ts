import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { decodeGlobalId, encodeGlobalId } from '../../domain/global-id.js';
import type { Transaction as TransactionModel } from '../../domain/model.js';
import type { GatewayContext } from '../context.js';
import { Account } from '../types/account.type.js';
import { Customer } from '../types/customer.type.js';
import { Transaction } from '../types/transaction.type.js';
import { loadExisting } from '../lookups.js';

@Resolver(() => Transaction)
export class TransactionResolver {
  @FieldResolver(() => ID)
  id(@Root() transaction: TransactionModel): string {
    return encodeGlobalId(transaction.ref);
  }

  @Query(() => Transaction, { nullable: true, description: 'A transaction by global ID; null with a NOT_FOUND error when it does not exist' })
  transaction(@Arg('id', () => ID) id: string, @Ctx() context: GatewayContext): Promise<unknown> {
    return loadExisting(context, decodeGlobalId(id, 'Transaction'));
  }

  @FieldResolver(() => Account, { nullable: true })
  account(@Root() transaction: TransactionModel, @Ctx() context: GatewayContext): Promise<unknown> {
    return transaction.accountRef ? context.loaders.account.load(transaction.accountRef) : Promise.resolve(null);
  }

  @FieldResolver(() => Customer, { nullable: true })
  customer(@Root() transaction: TransactionModel, @Ctx() context: GatewayContext): Promise<unknown> {
    return transaction.customerRef ? context.loaders.customer.load(transaction.customerRef) : Promise.resolve(null);
  }
}
