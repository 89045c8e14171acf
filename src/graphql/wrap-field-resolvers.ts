import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';

/** A field's resolver (graphql-js's default one when it has none), its type and name. */
export type FieldResolverWrapper = (
  resolve: GraphQLFieldResolver<unknown, any>,
  type: GraphQLObjectType,
  fieldName: string,
) => GraphQLFieldResolver<unknown, any> | undefined;

/**
 * Replaces the resolver of every field of every object type (introspection types left alone) with
 * what `wrap` returns for it; `undefined` keeps the field as it is. Once per schema and `done`
 * set: schemas are built once per process and shared by every server in it.
 */
export function wrapFieldResolvers(schema: GraphQLSchema, done: WeakSet<GraphQLSchema>, wrap: FieldResolverWrapper): GraphQLSchema {
  if (done.has(schema)) return schema;
  done.add(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const wrapped = wrap(field.resolve ?? defaultFieldResolver, type, field.name);
      if (wrapped) field.resolve = wrapped;
    }
  }
  return schema;
}
