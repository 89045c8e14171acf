import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { GatewayError } from '../../domain/errors.js';
import { decodeGlobalId } from '../../domain/global-id.js';
import type { GatewayContext } from '../context.js';
import { loadExisting } from '../lookups.js';
import { Node } from '../types/node.js';

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
