import { Field, ID, InterfaceType } from 'type-graphql';
import type { NativeRef } from '../../domain/global-id.js';

/**
 * Every object the gateway resolves carries its NativeRef; the ref's type is the GraphQL type name,
 * unless the object names its concrete type in `graphqlType` (a Report is a VoaReport, VoiReport …).
 */
@InterfaceType({
  description: 'An object with an opaque global ID, refetchable with node(id:)',
  resolveType: (value: { ref: NativeRef; graphqlType?: string }) => value.graphqlType ?? value.ref.type,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global ID; pass it back to node(id:) or the typed queries' })
  id!: string;
}
