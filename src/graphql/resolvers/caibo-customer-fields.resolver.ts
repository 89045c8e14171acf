import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CaiboCustomerDetails, Customer as CustomerModel, Money as MoneyModel } from '../../domain/model.js';
import type { GatewayContext } from '../context.js';
import { Customer } from '../types/customer.type.js';
import { Money } from '../types/money.js';

const caibo = (customer: CustomerModel): CaiboCustomerDetails | null => (customer.details?.provider === 'CAIBO_IPG' ? customer.details : null);

/** Caibo IPG's `Client` fields with no unified counterpart (seed 003), read from its typed `Customer.details`. */
@Resolver(() => Customer)
export class CaiboCustomerFieldsResolver {
  @FieldResolver(() => String, { nullable: true, description: "Caibo IPG: the merchant's own member id; null for other providers" })
  memberId(@Root() customer: CustomerModel): string | null {
    return caibo(customer)?.memberId ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Caibo IPG: the billing address, one line; null for other providers' })
  address(@Root() customer: CustomerModel): string | null {
    return caibo(customer)?.address ?? null;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Caibo IPG: whether any payment request names this customer; null for other providers' })
  hasPaymentRequests(@Root() customer: CustomerModel): boolean | null {
    return caibo(customer)?.hasPaymentRequests ?? null;
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description:
      "Caibo IPG: total of the customer's approved deposits. Caibo reports it without a currency, so it takes the one currency of the customer's payment requests; null when they use several, or for other providers",
  })
  totalDeposits(@Root() customer: CustomerModel, @Ctx() context: GatewayContext): Promise<MoneyModel | null> {
    if (!caibo(customer)?.totalDeposits) return Promise.resolve(null);
    const port = context.registry.adapter(customer.provider).paymentRequests;
    return port ? port.totalDeposits(customer) : Promise.resolve(null);
  }
}
