import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Bank as BankModel, UserCustomerLink as UserCustomerLinkModel } from '../../domain/banks.port.js';
import { GatewayError } from '../../domain/errors.js';
import { decodeGlobalId, encodeGlobalId } from '../../domain/global-id.js';
import { requirePort } from '../../domain/ports.js';
import type { ProviderKey } from '../../domain/provider.js';
import type { GatewayContext } from '../context.js';
import { toConnection } from '../connection.js';
import { pageRequestOf } from '../cursor.js';
import { ProviderEnum } from '../enums.js';
import { primeBanks } from '../obp-banks.js';
import { AccountConnection } from '../types/account.type.js';
import { Customer } from '../types/customer.type.js';
import { Bank, BankCustomerConnection, UserCustomerLink } from '../types/obp-bank.type.js';
import { PageArgs } from '../types/page-args.js';
import { loadExisting } from '../lookups.js';

@Resolver(() => Bank)
export class BankResolver {
  @FieldResolver(() => ID)
  id(@Root() bank: BankModel): string {
    return encodeGlobalId(bank.ref);
  }

  @Query(() => [Bank], {
    nullable: true,
    description:
      'Banks of the providers that host several (OBP: the banks OBP_BANK_IDS exposes, all when unset). Without `provider`, every such provider; one that fails is reported in `errors` and the others still answer',
  })
  async banks(
    @Arg('provider', () => ProviderEnum, { nullable: true }) provider: string | null | undefined,
    @Ctx() context: GatewayContext,
  ): Promise<BankModel[]> {
    const adapters = provider
      ? [context.registry.adapter(provider as ProviderKey)]
      : context.registry.enabled().filter((adapter) => adapter.banks !== undefined);
    const lists = await Promise.all(
      adapters.map(async (adapter) => {
        try {
          return await requirePort(adapter, 'banks', 'banks').list();
        } catch (error) {
          if (provider || !(error instanceof GatewayError)) throw error;
          context.partialErrors.push({ error, path: ['banks'] });
          return [];
        }
      }),
    );
    const banks = lists.flat();
    primeBanks(context, banks);
    return banks;
  }

  @Query(() => Bank, { nullable: true, description: 'A bank by global ID; null with a NOT_FOUND error when it does not exist' })
  bank(@Arg('id', () => ID) id: string, @Ctx() context: GatewayContext): Promise<unknown> {
    return loadExisting(context, decodeGlobalId(id, 'Bank'));
  }

  @FieldResolver(() => BankCustomerConnection, { nullable: true, description: 'Customers at this bank, oldest first (OBP: needs the CanGetCustomers role)' })
  async customers(@Root() bank: BankModel, @Args(() => PageArgs) args: PageArgs, @Ctx() context: GatewayContext) {
    const page = await requirePort(context.registry.adapter(bank.provider), 'banks', 'banks').customers(bank.ref, pageRequestOf(args.first, args.after));
    context.loaders.primeCustomers(page.items);
    return toConnection(page);
  }

  @FieldResolver(() => AccountConnection, { nullable: true, description: "Accounts at this bank that the gateway's provider user can see, read through the owner view" })
  async accounts(@Root() bank: BankModel, @Args(() => PageArgs) args: PageArgs, @Ctx() context: GatewayContext) {
    const page = await requirePort(context.registry.adapter(bank.provider), 'banks', 'banks').accounts(bank.ref, pageRequestOf(args.first, args.after));
    for (const account of page.items) context.loaders.account.prime(account.ref, account);
    return toConnection(page);
  }
}

@Resolver(() => UserCustomerLink)
export class UserCustomerLinkResolver {
  @FieldResolver(() => Customer, { nullable: true })
  customer(@Root() link: UserCustomerLinkModel, @Ctx() context: GatewayContext): Promise<unknown> {
    return context.loaders.customer.load(link.customerRef);
  }

  @Mutation(() => UserCustomerLink, {
    nullable: true,
    description:
      "Links a provider user to a customer so the user may act for it (OBP: POST user_customer_links; needs CanCreateUserCustomerLink). Without userId, the gateway's own provider user",
  })
  linkUserToCustomer(
    @Arg('customerId', () => ID) customerId: string,
    @Arg('userId', () => String, { nullable: true }) userId: string | null | undefined,
    @Ctx() context: GatewayContext,
  ): Promise<UserCustomerLinkModel> {
    const target = decodeGlobalId(customerId, 'Customer', 'customerId');
    const port = requirePort(context.registry.adapter(target.provider), 'userCustomerLinks', 'user-customer links');
    return port.link(target, userId?.trim() ? userId : null);
  }
}
