import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { GatewayError } from '../../domain/errors.js';
import { decodeGlobalId, type NativeRef } from '../../domain/global-id.js';
import type { GatewayContext } from '../context.js';
import { loadBank } from '../obp-banks.js';
import { Node } from '../types/node.js';
import { loadPaymentRequest, loadPaymentRequestTransaction } from './caibo-payment-request.resolver.js';
import { loadBusiness } from './lending-business.resolver.js';
import { loadConsumer } from './lending-consumer.resolver.js';
import { loadReport } from './lending-report.resolver.js';
import { loadConsent } from './mastercard-consent.resolver.js';
import { loadInstitution } from './mastercard-institution.resolver.js';

/** Node types this gateway can refetch; later issues add Report, Consumer, Institution … */
export async function loadNode(context: GatewayContext, target: NativeRef): Promise<unknown> {
  switch (target.type) {
    case 'Customer':
      return context.loaders.customer.load(target);
    case 'Account':
      return context.loaders.account.load(target);
    case 'Transaction':
      // Providers without account transactions (Caibo) have payment requests as their transactions.
      if (context.registry.adapter(target.provider).accountTransactions === undefined) {
        return loadPaymentRequestTransaction(context, target);
      }
      return context.loaders.transaction.load(target);
    case 'PaymentRequest':
      return loadPaymentRequest(context, target);
    case 'Bank':
      return loadBank(context, target);
    case 'Institution':
      return loadInstitution(context, target);
    case 'Consent':
      return loadConsent(context, target);
    case 'Consumer':
      return loadConsumer(context, target);
    case 'Business':
      return loadBusiness(context, target);
    case 'Report':
      return loadReport(context, target);
    default:
      throw new GatewayError('UNSUPPORTED_BY_PROVIDER', `${target.type} objects cannot be refetched with node(id:) yet`, {
        provider: target.provider,
      });
  }
}

/** The object, or NOT_FOUND: a caller asking for one id learns why it got null. */
export async function loadExisting(context: GatewayContext, target: NativeRef): Promise<unknown> {
  const found = await loadNode(context, target);
  if (found === null || found === undefined) {
    throw new GatewayError('NOT_FOUND', `${target.type} not found`, { provider: target.provider });
  }
  return found;
}

/** Refetching by global id (Relay Object Identification). */
@Resolver()
export class NodeResolver {
  /** Most IDs a single nodes() call accepts: bounds the upstream calls one field can cause. */
  static readonly MAX_IDS = 100;

  @Query(() => Node, { nullable: true, description: 'Any object by its global ID' })
  node(@Arg('id', () => ID) id: string, @Ctx() context: GatewayContext): Promise<unknown> {
    return loadExisting(context, decodeGlobalId(id));
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: 'Objects by global ID, in order; a missing one is null with an error at its index',
  })
  nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() context: GatewayContext): Array<Promise<unknown>> {
    if (ids.length > NodeResolver.MAX_IDS) {
      throw new GatewayError('BAD_USER_INPUT', `nodes accepts at most ${NodeResolver.MAX_IDS} ids`, { field: 'ids' });
    }
    return ids.map((id, index) => Promise.resolve().then(() => loadExisting(context, decodeGlobalId(id, undefined, `ids[${index}]`))));
  }
}
