import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '../../domain/errors.js';
import { decodeGlobalId, encodeGlobalId } from '../../domain/global-id.js';
import type { Consumer as ConsumerModel, ConsumerInput as ConsumerPortInput } from '../../domain/lending.port.js';
import type { GatewayContext } from '../context.js';
import { remember } from '../request-memo.js';
import { Customer } from '../types/customer.type.js';
import { Consumer, ConsumerInput, SsnScalar } from '../types/lending-consumer.type.js';
import { consumersOf, loadExisting } from '../lookups.js';

/** After a write: later reads of the same request, by id or through its customer, see the new consumer. */
function rememberConsumer(context: GatewayContext, consumer: ConsumerModel): void {
  remember(context, `consumer:${encodeGlobalId(consumer.ref)}`, consumer);
  remember(context, `consumer-of:${encodeGlobalId(consumer.customerRef)}`, consumer);
}

/**
 * GraphQL input → port input. `null` would mean "clear it", which the provider does not offer: say
 * so rather than ignore it. The SSN comes as its own argument (see SsnScalar).
 */
export function toConsumerPortInput(input: ConsumerInput, ssn: string | null | undefined): ConsumerPortInput {
  const result: ConsumerPortInput = {};
  for (const key of ['firstName', 'lastName', 'middleName', 'suffix', 'address', 'city', 'state', 'zip', 'phone', 'email'] as const) {
    const value = input[key];
    if (value === undefined) continue;
    if (value === null) throw badInput(`input.${key} cannot be cleared`, `input.${key}`);
    result[key] = value;
  }
  if (input.birthday === null) throw badInput('input.birthday cannot be cleared', 'input.birthday');
  if (input.birthday !== undefined) result.birthday = { ...input.birthday };
  if (input.endUser === null) throw badInput('input.endUser cannot be cleared', 'input.endUser');
  if (input.endUser !== undefined) {
    // Blank required members are named by the adapter (consumer-end-user.ts), not here.
    const { name, address, city, state, zip, phone, email, url } = input.endUser;
    result.endUser = { name: name ?? '', address: address ?? '', city: city ?? '', state: state ?? '', zip: zip ?? '', phone: phone ?? '', email: email ?? null, url: url ?? null };
  }
  if (ssn !== undefined && ssn !== null) result.ssn = ssn;
  return result;
}

@Resolver(() => Consumer)
export class ConsumerResolver {
  @FieldResolver(() => ID)
  id(@Root() consumer: ConsumerModel): string {
    return encodeGlobalId(consumer.ref);
  }

  @FieldResolver(() => Customer, { nullable: true })
  customer(@Root() consumer: ConsumerModel, @Ctx() context: GatewayContext): Promise<unknown> {
    return context.loaders.customer.load(consumer.customerRef);
  }

  @Query(() => Consumer, { nullable: true, description: 'A consumer by global ID; null with a NOT_FOUND error when unknown' })
  consumer(@Arg('id', () => ID) id: string, @Ctx() context: GatewayContext): Promise<unknown> {
    return loadExisting(context, decodeGlobalId(id, 'Consumer'));
  }

  @Mutation(() => Consumer, {
    nullable: true,
    description:
      'Creates the consumer of a customer (Mastercard AU/US), needed before VOA and VOI reports. A customer has at most one (a second is CONFLICT) and it can never be deleted, so there is no delete mutation',
  })
  async createConsumer(
    @Arg('customerId', () => ID) customerId: string,
    @Arg('input', () => ConsumerInput) input: ConsumerInput,
    @Arg('ssn', () => SsnScalar, { nullable: true, description: 'US only; write-only' }) ssn: string | null,
    @Ctx() context: GatewayContext,
  ): Promise<ConsumerModel> {
    const customer = decodeGlobalId(customerId, 'Customer', 'customerId');
    const created = await consumersOf(context, customer.provider).create(customer, toConsumerPortInput(input, ssn));
    rememberConsumer(context, created);
    return created;
  }

  @Mutation(() => Consumer, { nullable: true, description: 'Changes the given fields of a consumer; the others stay as they are' })
  async updateConsumer(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ConsumerInput) input: ConsumerInput,
    @Arg('ssn', () => SsnScalar, { nullable: true, description: 'US only; write-only' }) ssn: string | null,
    @Ctx() context: GatewayContext,
  ): Promise<ConsumerModel> {
    const target = decodeGlobalId(id, 'Consumer');
    const updated = await consumersOf(context, target.provider).update(target, toConsumerPortInput(input, ssn));
    rememberConsumer(context, updated);
    return updated;
  }
}
