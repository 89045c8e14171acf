import { Field, Int, ObjectType, type ClassType } from 'type-graphql';

// simpleResolvers: the plain fields of the hottest types (connections, edges, page info, money,
// transactions, accounts, customers) resolve with graphql-js's default resolver instead of a
// type-graphql wrapper per field (a resolver-data object and a middleware walk each; ~2,000 fields in
// the reference query, issue 17). Safe while the schema has no global middlewares or auth checker.
@ObjectType({ simpleResolvers: true, description: 'Relay page information' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface EdgeShape<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: EdgeShape<T>[];
  pageInfo: PageInfo;
  totalCount: number | null;
}

export function edgeType<T extends object>(name: string, nodeType: ClassType<T>) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }
  return Edge;
}

/** Builds the Relay edge and connection types for one node type. */
export function connectionTypes<T extends object>(name: string, nodeType: ClassType<T>) {
  const Edge = edgeType(name, nodeType);

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class Connection {
    @Field(() => [Edge])
    edges!: InstanceType<typeof Edge>[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { nullable: true, description: 'Total matches, when the provider reports an exact count' })
    totalCount!: number | null;
  }

  return { Edge, Connection };
}
