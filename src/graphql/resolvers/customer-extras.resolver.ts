import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Bank as BankModel } from '../../domain/banks.port.js';
import type {
  CrmEvent as CrmEventModel,
  SavedPaymentMethod as SavedPaymentMethodModel,
  SocialMediaHandle as SocialMediaHandleModel,
} from '../../domain/customer-extras.port.js';
import { badInput } from '../../domain/errors.js';
import { decodeGlobalId } from '../../domain/global-id.js';
import type { Customer as CustomerModel } from '../../domain/model.js';
import { requirePort } from '../../domain/ports.js';
import type { ProviderKey } from '../../domain/provider.js';
import type { GatewayContext } from '../context.js';
import { ProviderEnum } from '../enums.js';
import { AddSocialMediaHandleInput, CrmEvent, SavedPaymentMethod, SocialMediaHandle } from '../types/customer-extras.type.js';
import { Customer } from '../types/customer.type.js';
import { Bank } from '../types/obp-bank.type.js';

/** Trimmed text of 1..max characters, or BAD_USER_INPUT naming the field. */
function text(value: string, max: number, field: string): string {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > max) throw badInput(`${field} must be 1 to ${max} characters`, field);
  return trimmed;
}

/** Social media handles and the gateway user's own customers (OBP, seed 004); saved payment methods (Caibo, seed 003). */
@Resolver(() => Customer)
export class CustomerExtrasResolver {
  @FieldResolver(() => [SocialMediaHandle], {
    nullable: true,
    description: "OBP: the customer's social media handles (needs the CanGetSocialMediaHandles role); null for providers without them",
  })
  socialMediaHandles(@Root() customer: CustomerModel, @Ctx() context: GatewayContext): Promise<SocialMediaHandleModel[] | null> {
    const port = context.registry.adapter(customer.provider).socialMediaHandles;
    return port ? port.list(customer.ref) : Promise.resolve(null);
  }

  @FieldResolver(() => [SavedPaymentMethod], {
    nullable: true,
    description: "Caibo IPG: the customer's saved payment methods (card last digits only); null for providers without them",
  })
  savedPaymentMethods(@Root() customer: CustomerModel, @Ctx() context: GatewayContext): Promise<SavedPaymentMethodModel[] | null> {
    const port = context.registry.adapter(customer.provider).savedPaymentMethods;
    return port ? port.listForCustomer(customer.ref) : Promise.resolve(null);
  }

  @Mutation(() => SocialMediaHandle, {
    nullable: true,
    description: 'Adds a social media handle to a customer (OBP: needs CanAddSocialMediaHandle); UNSUPPORTED_BY_PROVIDER elsewhere',
  })
  addSocialMediaHandle(
    @Arg('input', () => AddSocialMediaHandleInput) input: AddSocialMediaHandleInput,
    @Ctx() context: GatewayContext,
  ): Promise<SocialMediaHandleModel> {
    const target = decodeGlobalId(input.customerId, 'Customer', 'input.customerId');
    const type = text(input.type, 64, 'input.type');
    const handle = text(input.handle, 255, 'input.handle');
    const addedAt = input.addedAt ?? new Date();
    const activatedAt = input.activatedAt ?? addedAt;
    if (activatedAt.getTime() < addedAt.getTime()) throw badInput('input.activatedAt cannot be before input.addedAt', 'input.activatedAt');
    const port = requirePort(context.registry.adapter(target.provider), 'socialMediaHandles', 'social media handles');
    return port.add(target, { type, handle, addedAt, activatedAt });
  }

  @Query(() => [Customer], {
    nullable: true,
    description:
      "Customers linked to the gateway's own provider user (OBP: GET my/customers, or banks/BANK_ID/my/customers with `bank`), at the banks the gateway exposes",
  })
  async myCustomers(
    @Arg('provider', () => ProviderEnum) provider: string,
    @Arg('bank', () => ID, { nullable: true, description: 'Only customers at this bank (Bank global ID)' }) bank: string | null | undefined,
    @Ctx() context: GatewayContext,
  ): Promise<CustomerModel[]> {
    const adapter = context.registry.adapter(provider as ProviderKey);
    const bankRef = bank ? decodeGlobalId(bank, 'Bank', 'bank') : null;
    if (bankRef !== null && bankRef.provider !== adapter.key) throw badInput(`bank belongs to ${bankRef.provider}, not ${adapter.key}`, 'bank');
    const customers = await requirePort(adapter, 'myCustomers', "the gateway user's own customers").list(bankRef);
    context.loaders.primeCustomers(customers);
    return customers;
  }
}

@Resolver(() => Bank)
export class BankCrmEventsResolver {
  @FieldResolver(() => [CrmEvent], { nullable: true, description: "OBP: the bank's CRM events (contacts with its customers); empty when it has none" })
  crmEvents(@Root() bank: BankModel, @Ctx() context: GatewayContext): Promise<CrmEventModel[] | null> {
    const port = context.registry.adapter(bank.provider).crmEvents;
    return port ? port.listAtBank(bank.ref) : Promise.resolve(null);
  }
}
