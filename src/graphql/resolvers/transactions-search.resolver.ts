import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { prepareSearch, searchTransactionsPage } from '../transaction-search.js';
import { Transaction } from '../types/transaction.type.js';
import { providerErrorOf } from '../types/provider-error.type.js';
import { TransactionSearchConnection, TransactionSearchFilter } from '../types/transaction-search.type.js';

@ArgsType()
class TransactionSearchArgs {
  @Field(() => TransactionSearchFilter, { nullable: true })
  filter?: TransactionSearchFilter | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 0–1000, default 25' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@Resolver(() => Transaction)
export class TransactionSearchResolver {
  @Query(() => TransactionSearchConnection, {
    nullable: true,
    description:
      'Transactions across customers and providers (BI), merged newest first by default, keyset-paged like every transaction connection; a failing or unsupported provider is named in providerErrors and the rest arrives',
  })
  async transactions(@Args(() => TransactionSearchArgs) args: TransactionSearchArgs, @Ctx() context: GatewayContext): Promise<TransactionSearchConnection> {
    const prepared = prepareSearch(context, args.filter, args.first, args.after);
    const { connection, problems } = await searchTransactionsPage(
      context,
      prepared,
      (source, query, page) => context.loaders.customerTransactions.load({ customer: source.customer, query, page }),
      (customer) => context.loaders.accountsByCustomer.load(customer),
    );
    for (const { failed, error, customer, account } of problems) {
      if (failed) context.partialErrors.push({ error, path: ['transactions'], customer: customer ?? null, account: account ?? null });
    }
    return {
      ...connection,
      edges: connection.edges as unknown as TransactionSearchConnection['edges'],
      providerErrors: problems.map(providerErrorOf),
    };
  }
}
