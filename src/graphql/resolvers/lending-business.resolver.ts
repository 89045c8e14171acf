import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '../../domain/errors.js';
import { decodeGlobalId, encodeGlobalId } from '../../domain/global-id.js';
import type { Business as BusinessModel, BusinessInput as BusinessPortInput } from '../../domain/lending.port.js';
import type { GatewayContext } from '../context.js';
import { forget, remember } from '../request-memo.js';
import { Customer } from '../types/customer.type.js';
import { Business, BusinessInput } from '../types/lending-business.type.js';
import { businessesOf, loadExisting } from '../lookups.js';

/** After a write: later reads of the same request by id see the new business. */
function rememberBusiness(context: GatewayContext, business: BusinessModel): void {
  remember(context, `business:${encodeGlobalId(business.ref)}`, business);
}

/** Drops nulls with an error naming the field: nothing here can be cleared. */
function defined<T extends object>(value: T | null | undefined, path: string): { [K in keyof T]?: Exclude<T[K], null> } | undefined {
  if (value === undefined) return undefined;
  if (value === null) throw badInput(`${path} cannot be cleared`, path);
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (inner === undefined) continue;
    if (inner === null) throw badInput(`${path}.${key} cannot be cleared`, `${path}.${key}`);
    result[key] = inner;
  }
  return result as { [K in keyof T]?: Exclude<T[K], null> };
}

export function toBusinessPortInput(input: BusinessInput): BusinessPortInput {
  const { address, phoneNumber, ...flat } = input;
  const top = defined(flat, 'input') ?? {};
  const result: BusinessPortInput = { ...top };
  const addressInput = defined(address, 'input.address');
  if (addressInput !== undefined) result.address = addressInput;
  const phoneInput = defined(phoneNumber, 'input.phoneNumber');
  if (phoneInput !== undefined) result.phoneNumber = phoneInput;
  return result;
}

@Resolver(() => Business)
export class BusinessResolver {
  @FieldResolver(() => ID)
  id(@Root() business: BusinessModel): string {
    return encodeGlobalId(business.ref);
  }

  @FieldResolver(() => Customer, { nullable: true })
  customer(@Root() business: BusinessModel, @Ctx() context: GatewayContext): Promise<unknown> | null {
    return business.customerRef === null ? null : context.loaders.customer.load(business.customerRef);
  }

  @Query(() => Business, { nullable: true, description: 'A business by global ID; null with a NOT_FOUND error when unknown' })
  business(@Arg('id', () => ID) id: string, @Ctx() context: GatewayContext): Promise<unknown> {
    return loadExisting(context, decodeGlobalId(id, 'Business'));
  }

  @Mutation(() => Business, {
    nullable: true,
    description:
      'Creates the business of a customer (Mastercard US; one per customer, a second is CONFLICT). personallyLiable: true needs the consumer first (CONFLICT otherwise)',
  })
  async createBusiness(
    @Arg('customerId', () => ID) customerId: string,
    @Arg('input', () => BusinessInput) input: BusinessInput,
    @Ctx() context: GatewayContext,
  ): Promise<BusinessModel> {
    const customer = decodeGlobalId(customerId, 'Customer', 'customerId');
    const created = await businessesOf(context, customer.provider).create(customer, toBusinessPortInput(input));
    rememberBusiness(context, created);
    forget(context, `businesses-of:${encodeGlobalId(customer)}`);
    return created;
  }

  @Mutation(() => Business, { nullable: true, description: 'Changes the given fields of a business; the others stay as they are' })
  async updateBusiness(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => BusinessInput) input: BusinessInput,
    @Ctx() context: GatewayContext,
  ): Promise<BusinessModel> {
    const target = decodeGlobalId(id, 'Business');
    const updated = await businessesOf(context, target.provider).update(target, toBusinessPortInput(input));
    rememberBusiness(context, updated);
    if (updated.customerRef !== null) forget(context, `businesses-of:${encodeGlobalId(updated.customerRef)}`);
    return updated;
  }
}
