import { Arg, Args, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { authorizationStatus } from '../../domain/authorization-period.js';
import { GatewayError } from '../../domain/errors.js';
import type { Consumer as ConsumerModel } from '../../domain/lending.port.js';
import type { Customer as CustomerModel } from '../../domain/model.js';
import { requirePort } from '../../domain/ports.js';
import type { GatewayContext } from '../context.js';
import { sliceToPage, toConnection } from '../connection.js';
import { pageRequestOf } from '../cursor.js';
import { Customer } from '../types/customer.type.js';
import { AuthorizationPeriod } from '../types/lending-authorization.type.js';
import { Business } from '../types/lending-business.type.js';
import { Consumer } from '../types/lending-consumer.type.js';
import { ReportConnection } from '../types/lending-report.type.js';
import { PageArgs } from '../types/page-args.js';
import { loadBusinessesOfCustomer, loadConsumerOfCustomer, newestFirst } from '../lookups.js';

/** Lending fields of Customer (Mastercard); other providers answer UNSUPPORTED_BY_PROVIDER. */
@Resolver(() => Customer)
export class LendingCustomerFieldsResolver {
  @FieldResolver(() => Consumer, {
    nullable: true,
    description: 'Mastercard AU/US: the customer\'s consumer (needed for VOA/VOI reports); null until one is created',
  })
  consumer(@Root() customer: CustomerModel, @Ctx() context: GatewayContext): Promise<ConsumerModel | null> {
    return loadConsumerOfCustomer(context, customer.ref);
  }

  @FieldResolver(() => [Business], { nullable: true, description: 'Mastercard US: the customer\'s business (at most one); empty when none' })
  businesses(@Root() customer: CustomerModel, @Ctx() context: GatewayContext): Promise<unknown[]> {
    return loadBusinessesOfCustomer(context, customer.ref);
  }

  @FieldResolver(() => AuthorizationPeriod, {
    nullable: true,
    description:
      'Mastercard US: how long the provider may read this customer\'s data at one institution login; null when the provider holds no period for it. NOT_FOUND when the login is not one of this customer\'s',
  })
  async authorizationPeriod(
    @Root() customer: CustomerModel,
    @Arg('institutionLoginId', () => ID, { description: 'As in Account.institutionLoginId' }) institutionLoginId: string,
    @Ctx() context: GatewayContext,
  ): Promise<AuthorizationPeriod | null> {
    const port = requirePort(context.registry.adapter(customer.provider), 'authorizationPeriods', 'authorization periods');
    // The provider's endpoint takes any login id; only this customer's logins are answered here.
    const accounts = await context.loaders.accountsByCustomer.load(customer.ref);
    if (!accounts.some((account) => account.institutionLoginId === institutionLoginId)) {
      throw new GatewayError('NOT_FOUND', 'This customer has no accounts at that institution login', { provider: customer.provider });
    }
    const period = await port.forInstitutionLogin(customer.ref, institutionLoginId);
    if (period === null) return null;
    return { ...period, ...authorizationStatus(period, context.now) };
  }

  @FieldResolver(() => ReportConnection, { nullable: true, description: 'Mastercard AU/US: the customer\'s lending reports, newest first' })
  async reports(@Root() customer: CustomerModel, @Args(() => PageArgs) args: PageArgs, @Ctx() context: GatewayContext) {
    const page = pageRequestOf(args.first, args.after);
    const reports = await requirePort(context.registry.adapter(customer.provider), 'reports', 'reports').listForCustomer(customer.ref);
    return toConnection(sliceToPage(newestFirst(reports), page));
  }
}

@Resolver(() => Consumer)
export class LendingConsumerFieldsResolver {
  @FieldResolver(() => ReportConnection, { nullable: true, description: "The consumer's reports, newest first" })
  async reports(@Root() consumer: ConsumerModel, @Args(() => PageArgs) args: PageArgs, @Ctx() context: GatewayContext) {
    const page = pageRequestOf(args.first, args.after);
    const reports = await requirePort(context.registry.adapter(consumer.provider), 'reports', 'reports').listForConsumer(consumer.ref);
    return toConnection(sliceToPage(newestFirst(reports), page));
  }
}
