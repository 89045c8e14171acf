import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { AccountHolder as AccountHolderModel, AvailableBalance as AvailableBalanceModel, PaymentDetails as PaymentDetailsModel } from '../../domain/account-details.port.js';
import type { Account as AccountModel } from '../../domain/model.js';
import { requirePort } from '../../domain/ports.js';
import type { GatewayContext } from '../context.js';
import { perRequest } from '../request-memo.js';
import { encodeGlobalId } from '../../domain/global-id.js';
import { Account } from '../types/account.type.js';
import { AccountHolder, AvailableBalance, PaymentDetails } from '../types/mastercard-account-details.type.js';

/**
 * Account products that cost a call each (Mastercard AU payment enablement, seed 002). None is read
 * unless its field is asked for; providers without the port answer UNSUPPORTED_BY_PROVIDER, as
 * `providers { capabilities }` says up front.
 */
@Resolver(() => Account)
export class MastercardAccountFieldsResolver {
  @FieldResolver(() => PaymentDetails, {
    nullable: true,
    description:
      'Mastercard AU (PAYMENT_DETAILS): account number and BSB to pay into the account; null for account types without them (AU: Transaction & Savings only). Contains the full account number',
  })
  paymentDetails(@Root() account: AccountModel, @Ctx() context: GatewayContext): Promise<PaymentDetailsModel | null> {
    return perRequest(context, `paymentDetails:${encodeGlobalId(account.ref)}`, () =>
      requirePort(context.registry.adapter(account.provider), 'paymentDetails', 'account payment details').get(account.ref),
    );
  }

  @FieldResolver(() => AvailableBalance, {
    nullable: true,
    description:
      "Mastercard AU (AVAILABLE_BALANCE): the provider's latest cached available balance; deposit accounts only (else null). Billable per call at Mastercard AU",
  })
  availableBalance(@Root() account: AccountModel, @Ctx() context: GatewayContext): Promise<AvailableBalanceModel | null> {
    // Billable: the same account asked twice in one request (aliases, or reached by two paths) is read once.
    return perRequest(context, `availableBalance:${encodeGlobalId(account.ref)}`, () =>
      requirePort(context.registry.adapter(account.provider), 'availableBalance', 'available balances').get(account.ref),
    );
  }

  @FieldResolver(() => AvailableBalance, {
    nullable: true,
    description:
      'Mastercard AU (LIVE_BALANCE): available balance read from the institution now. BILLABLE on every call; counted in gateway_billable_calls_total. Deposit accounts only (else null)',
  })
  liveAvailableBalance(
    @Root() account: AccountModel,
    @Arg('maxCacheAgeMinutes', () => Int, {
      defaultValue: 0,
      description: '0 (default) always asks the institution; up to 1440 lets the provider answer from a cache that young (still billed)',
    })
    maxCacheAgeMinutes: number,
    @Ctx() context: GatewayContext,
  ): Promise<AvailableBalanceModel | null> {
    return perRequest(context, `liveBalance:${encodeGlobalId(account.ref)}:${maxCacheAgeMinutes}`, () =>
      requirePort(context.registry.adapter(account.provider), 'liveBalance', 'live balances').get(account.ref, maxCacheAgeMinutes),
    );
  }

  @FieldResolver(() => [AccountHolder], {
    nullable: true,
    description: 'Mastercard AU (ACCOUNT_OWNER): holders as the institution knows them. Billable per call at Mastercard AU',
  })
  owners(@Root() account: AccountModel, @Ctx() context: GatewayContext): Promise<AccountHolderModel[]> {
    return perRequest(context, `owners:${encodeGlobalId(account.ref)}`, () =>
      requirePort(context.registry.adapter(account.provider), 'accountOwner', 'account owners').get(account.ref),
    );
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Mastercard: status of the last aggregation; 0 is success, 325 (AU) means the first aggregation is still running and data calls answer a retryable error',
  })
  aggregationStatusCode(@Root() account: AccountModel): number | null {
    const details = account.details;
    return details?.provider === 'MASTERCARD_AU' || details?.provider === 'MASTERCARD_US' ? details.aggregationStatusCode : null;
  }
}
