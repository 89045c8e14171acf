import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { badInput } from '../../domain/errors.js';
import { decodeGlobalId, encodeGlobalId, type NativeRef } from '../../domain/global-id.js';
import { requirePort } from '../../domain/ports.js';
import type { GatewayContext } from '../context.js';
import { idValue } from '../account-filter.js';
import { loadExisting } from '../lookups.js';
import { Account } from '../types/account.type.js';
import {
  LoadAccountHistoryInput,
  LoadAccountHistoryPayload,
  RefreshAccountsInput,
  RefreshAccountsPayload,
} from '../types/account-aggregation.type.js';

/** Mastercard aggregation on demand (seed 002): refresh an institution login, load 12 months of history. */
@Resolver(() => LoadAccountHistoryPayload)
export class AccountAggregationResolver {
  @Mutation(() => RefreshAccountsPayload, {
    nullable: true,
    description:
      'Connects to the institution now and refreshes the accounts (and their transactions) of one institution login (ACCOUNT_REFRESH). Mastercard refreshes daily on its own and does not permit automated refresh calls: use it when a customer needs data as of this moment',
  })
  async refreshAccounts(@Arg('input', () => RefreshAccountsInput) input: RefreshAccountsInput, @Ctx() context: GatewayContext): Promise<RefreshAccountsPayload> {
    const customer = decodeGlobalId(input.customerId, 'Customer', 'input.customerId');
    const institutionLoginId = idValue(input.institutionLoginId, 'input.institutionLoginId');
    if (institutionLoginId === null) throw badInput('input.institutionLoginId is required', 'input.institutionLoginId');
    const port = requirePort(context.registry.adapter(customer.provider), 'accountRefresh', 'refreshing accounts');
    const accounts = await port.refreshInstitutionLogin(customer, institutionLoginId);
    context.loaders.customerChanged(customer);
    return { accounts };
  }

  @Mutation(() => LoadAccountHistoryPayload, {
    nullable: true,
    description:
      "Loads the account's historic transactions (ACCOUNT_HISTORY; Mastercard AU: the last 12 months). A premium service billed per customer and month; a second load of the same account adds nothing unless forced. Can take minutes (Mastercard recommends a 180 s timeout): the gateway's upstream deadline applies, and a load cut off still completes at the provider",
  })
  async loadAccountHistory(@Arg('input', () => LoadAccountHistoryInput) input: LoadAccountHistoryInput, @Ctx() context: GatewayContext): Promise<LoadAccountHistoryPayload> {
    const account = decodeGlobalId(input.accountId, 'Account', 'input.accountId');
    const port = requirePort(context.registry.adapter(account.provider), 'accountHistory', 'loading account history');
    const forced = input.force === true;
    await port.loadHistoricTransactions(account, { force: forced });
    if (account.scope[0] !== undefined) context.loaders.customerChanged({ provider: account.provider, type: 'Customer', id: account.scope[0], scope: [] });
    return { accountId: encodeGlobalId(account), forced, ref: account };
  }

  @FieldResolver(() => Account, { nullable: true, description: 'The account, read again' })
  account(@Root() payload: LoadAccountHistoryPayload, @Ctx() context: GatewayContext): Promise<unknown> {
    return loadExisting(context, payload.ref);
  }
}
