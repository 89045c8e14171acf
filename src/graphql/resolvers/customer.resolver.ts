import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { accountsLeftOut } from '../../domain/accounts-left-out.js';
import { decodeGlobalId, encodeGlobalId } from '../../domain/global-id.js';
import type { Customer as CustomerModel } from '../../domain/model.js';
import { requirePort } from '../../domain/ports.js';
import type { ProviderKey } from '../../domain/provider.js';
import type { GatewayContext } from '../context.js';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency-key.js';
import { sliceToPage, toConnection } from '../connection.js';
import { pageRequestOf } from '../cursor.js';
import { listCustomers } from '../customers-fan-out.js';
import { requireLinkScope, toCreatePortInput, toUpdatePortInput } from '../customer-input.js';
import { ProviderEnum } from '../enums.js';
import { pageProviderTransactions } from '../transaction-connection.js';
import { prefetchAccountTransactionWindows } from '../transactions-lookahead.js';
import { AccountConnection } from '../types/account.type.js';
import { Customer, CustomerConnection } from '../types/customer.type.js';
import { CreateCustomerInput, UpdateCustomerInput } from '../types/inputs.js';
import { TransactionPageArgs } from '../types/page-args.js';
import { AccountPageArgs } from '../types/account-aggregation.type.js';
import { filteredAccounts } from '../account-filter.js';
import { TransactionConnection } from '../types/transaction.type.js';
import { loadExisting } from '../lookups.js';
import { given } from '../input-values.js';

@ArgsType()
class CustomersArgs {
  @Field(() => ProviderEnum, { nullable: true, description: 'One provider; all enabled providers when omitted' })
  provider?: string | null;

  @Field(() => String, { nullable: true, description: 'Text matched against the name (Mastercard: firstName or lastName)' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact username' })
  username?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 0–1000, default 25' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@ObjectType()
class DeleteCustomerPayload {
  @Field(() => ID, { description: 'Global ID of the deleted customer' })
  deletedId!: string;
}

@Resolver(() => Customer)
export class CustomerResolver {
  @FieldResolver(() => ID)
  id(@Root() customer: CustomerModel): string {
    return encodeGlobalId(customer.ref);
  }

  @Query(() => Customer, { nullable: true, description: 'A customer by global ID; null with a NOT_FOUND error when it does not exist' })
  customer(@Arg('id', () => ID) id: string, @Ctx() context: GatewayContext): Promise<unknown> {
    return loadExisting(context, decodeGlobalId(id, 'Customer'));
  }

  @Query(() => CustomerConnection, { nullable: true, description: 'Customers of one provider, or of all enabled providers with partial results' })
  customers(@Args(() => CustomersArgs) args: CustomersArgs, @Ctx() context: GatewayContext): Promise<CustomerConnection> {
    return listCustomers(context, {
      provider: (args.provider ?? null) as ProviderKey | null,
      search: { search: given(args.search), username: given(args.username) },
      first: args.first ?? null,
      after: args.after ?? null,
    });
  }

  @FieldResolver(() => AccountConnection, { nullable: true })
  async accounts(
    @Root() customer: CustomerModel,
    @Args(() => AccountPageArgs) args: AccountPageArgs,
    @Ctx() context: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const page = pageRequestOf(args.first, args.after);
    if (args.filter) return toConnection(sliceToPage(await filteredAccounts(context, customer.ref, args.filter), page));
    prefetchAccountTransactionWindows(context, customer.ref, info);
    const accounts = await context.loaders.accountsByCustomer.load(customer.ref);
    return toConnection(sliceToPage(accounts, page));
  }

  @FieldResolver(() => TransactionConnection, { nullable: true, description: "All the customer's accounts, newest first by default. Keyset cursors: stable while the provider gains or loses rows (README, For BI)" })
  async transactions(
    @Root() customer: CustomerModel,
    @Args(() => TransactionPageArgs) args: TransactionPageArgs,
    @Ctx() context: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    // Accounts the customer-wide answer lacks (AU: first aggregation running) are named in `errors`.
    const [connection, leftOut] = await Promise.all([
      pageProviderTransactions(context, encodeGlobalId(customer.ref), customer.ref.provider, args, (query, page) =>
        context.loaders.customerTransactions.load({ customer: customer.ref, query, page }),
      ),
      accountsLeftOut(context.registry.adapter(customer.ref.provider), customer.ref, (target) => context.loaders.accountsByCustomer.load(target)),
    ]);
    const path = responsePathAsArray(info.path);
    for (const { error, account } of leftOut) context.partialErrors.push({ error, path, customer: customer.ref, account });
    return connection;
  }

  @Mutation(() => Customer, { nullable: true, description: 'Creates a customer at one provider (Mastercard: TESTING by default)' })
  async createCustomer(
    @Arg('input', () => CreateCustomerInput) input: CreateCustomerInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null | undefined,
    @Ctx() context: GatewayContext,
  ): Promise<CustomerModel> {
    requireLinkScope(input, context.caller);
    const adapter = context.registry.adapter(input.provider as ProviderKey);
    const port = requirePort(adapter, 'customerWrite', 'creating customers');
    const created = await context.idempotency.run({
      caller: context.caller.id,
      operation: 'createCustomer',
      key: idempotencyKey,
      input,
      create: () => port.create(toCreatePortInput(input)),
      refOf: (customer) => customer.ref,
      read: (ref) => requirePort(adapter, 'customerRead', 'reading customers').get(ref),
    });
    context.loaders.customerWritten(created.ref, created);
    return created;
  }

  @Mutation(() => Customer, { nullable: true, description: 'Changes the given fields of a customer' })
  async updateCustomer(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCustomerInput) input: UpdateCustomerInput,
    @Ctx() context: GatewayContext,
  ): Promise<CustomerModel> {
    const target = decodeGlobalId(id, 'Customer');
    const changes = toUpdatePortInput(target.provider, input);
    const updated = await requirePort(context.registry.adapter(target.provider), 'customerWrite', 'updating customers').update(target, changes);
    context.loaders.customerWritten(target, updated);
    return updated;
  }

  @Mutation(() => DeleteCustomerPayload, { nullable: true, description: 'Deletes a customer and, at the provider, everything linked to it' })
  async deleteCustomer(@Arg('id', () => ID) id: string, @Ctx() context: GatewayContext): Promise<DeleteCustomerPayload> {
    const target = decodeGlobalId(id, 'Customer');
    await requirePort(context.registry.adapter(target.provider), 'customerDelete', 'deleting customers').delete(target);
    context.loaders.customerChanged(target);
    context.loaders.customerWritten(target, null);
    return { deletedId: id };
  }
}
