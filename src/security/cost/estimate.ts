import {
  getNamedType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLInterfaceType,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { PAGE_LIMITS } from '../../domain/paging.js';
import { FAN_OUT_LIMITS } from '../../domain/transactions-fan-out.js';
import { FIELD_COSTS, type FieldCost } from './cost-table.js';

export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  variables: Readonly<Record<string, unknown>>;
  /** How many providers a fan-out reaches for this caller. */
  fanOutProviders: number;
}

type Composite = GraphQLObjectType | GraphQLInterfaceType;

function isNodeType(type: GraphQLNamedType): boolean {
  return (isObjectType(type) || isInterfaceType(type)) && (type.name === 'Node' || type.getInterfaces().some((iface) => iface.name === 'Node'));
}

const isConnection = (type: GraphQLNamedType): boolean => type.name.endsWith('Connection');
const isEdge = (type: GraphQLNamedType): boolean => type.name.endsWith('Edge');

function unwrapsToList(type: GraphQLType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** The table entry for a field, looking at the interfaces of its type too. */
function tableEntry(parent: Composite, fieldName: string): FieldCost | undefined {
  return FIELD_COSTS[`${parent.name}.${fieldName}`] ?? parent.getInterfaces().map((iface) => FIELD_COSTS[`${iface.name}.${fieldName}`]).find(Boolean);
}

function argumentValue(node: ValueNode | undefined, variables: Readonly<Record<string, unknown>>): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
      return Number(node.value);
    case Kind.LIST:
      return node.values;
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, argumentValue(field.value, variables)]));
    default:
      return undefined;
  }
}

/**
 * Estimated provider calls of an operation (the IBM cost spec's algorithm over our table): each
 * field adds its weight times the number of parent instances; a list or connection multiplies the
 * instances below it by its size. An upper bound: `@skip`/`@include` and type conditions are
 * ignored, every list is assumed full, and per-account transaction pages are counted per account
 * even where Mastercard serves one customer's accounts with one customer-level call.
 */
export function estimateUpstreamCost(input: CostInput): number {
  const { schema, fragments, variables } = input;
  const root = input.operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root || input.operation.operation === 'subscription') return 0;

  const walk = (
    selectionSet: SelectionSetNode,
    parent: Composite,
    instances: number,
    /** Instances of the object that holds the list these instances came from (for batchedPerList). */
    lists: number,
    visiting: ReadonlySet<string>,
  ): number => {
    let total = 0;
    const sharedSeen = new Set<string>();
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        const type = condition && (isObjectType(condition) || isInterfaceType(condition)) ? condition : parent;
        total += walk(selection.selectionSet, type, instances, lists, visiting);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (!fragment || visiting.has(fragment.name.value)) continue;
        const condition = schema.getType(fragment.typeCondition.name.value);
        const type = condition && (isObjectType(condition) || isInterfaceType(condition)) ? condition : parent;
        total += walk(fragment.selectionSet, type, instances, lists, new Set([...visiting, fragment.name.value]));
        continue;
      }
      const field: GraphQLField<unknown, unknown> | undefined = parent.getFields()[selection.name.value];
      if (!field) continue;
      const named = getNamedType(field.type);
      const entry = tableEntry(parent, field.name);
      const args = Object.fromEntries((selection.arguments ?? []).map((arg) => [arg.name.value, argumentValue(arg.value, variables)]));

      const isRoot = parent === root;
      const insideLoaded = isConnection(parent) || isEdge(parent);
      let weight = entry?.weight ?? (isRoot || (!insideLoaded && (isNodeType(named) || isConnection(named))) ? 1 : 0);
      if (entry?.fanOut && args.provider === undefined) weight *= input.fanOutProviders;
      if (entry?.transactionsFanOut) weight = transactionsFanOutWeight(args.filter, input.fanOutProviders);
      if (entry?.weightPerItem) weight *= slicedSize(entry, args) ?? entry.listSize?.assumedSize ?? 1;
      if (entry?.sharedFetch) {
        if (sharedSeen.has(entry.sharedFetch)) weight = 0;
        sharedSeen.add(entry.sharedFetch);
      }
      total += weight * (entry?.batchedPerList ? lists : instances);

      if (!selection.selectionSet || !(isObjectType(named) || isInterfaceType(named))) continue;
      // How many items this field yields: slicing argument, else assumed, else the default page.
      let size = 1;
      if (isConnection(named) || unwrapsToList(field.type)) {
        size = slicedSize(entry, args) ?? entry?.listSize?.assumedSize ?? PAGE_LIMITS.defaultSize;
      }
      if (isConnection(named)) {
        // @listSize(sizedFields: ["edges", "nodes"]): the size applies below edges/nodes only.
        total += walkConnection(selection.selectionSet, named as Composite, instances, size, visiting);
      } else if (unwrapsToList(field.type)) {
        total += walk(selection.selectionSet, named, instances * size, instances, visiting);
      } else {
        total += walk(selection.selectionSet, named, instances, lists, visiting);
      }
    }
    return total;
  };

  const walkConnection = (selectionSet: SelectionSetNode, connection: Composite, instances: number, size: number, visiting: ReadonlySet<string>): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) {
        // Fragments on a connection: walked as the connection itself, items sized as edges.
        const inner = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragments[selection.name.value]?.selectionSet;
        if (inner && !(selection.kind === Kind.FRAGMENT_SPREAD && visiting.has(selection.name.value))) {
          const next = selection.kind === Kind.FRAGMENT_SPREAD ? new Set([...visiting, selection.name.value]) : visiting;
          total += walkConnection(inner, connection, instances, size, next);
        }
        continue;
      }
      const field = connection.getFields()[selection.name.value];
      if (!field || !selection.selectionSet) continue;
      const named = getNamedType(field.type);
      if (!(isObjectType(named) || isInterfaceType(named))) continue;
      const sized = field.name === 'edges' || field.name === 'nodes';
      total += walk(selection.selectionSet, named, sized ? instances * size : instances, instances, visiting);
    }
    return total;
  };

  return walk(input.operation.selectionSet, root, 1, 1, new Set());
}

/** The size a slicing argument gives a list field (`first: 20`, `ids: [...]`), or undefined when none is set. */
function slicedSize(entry: FieldCost | undefined, args: Record<string, unknown>): number | undefined {
  const sliced = (entry?.listSize?.slicingArguments ?? ['first']).map((name) => args[name]).find((value) => value !== undefined);
  if (Array.isArray(sliced)) return sliced.length;
  return typeof sliced === 'number' && sliced >= 0 ? sliced : undefined;
}

/** Provider calls of a top-level `transactions` page (cost-table.ts, transactionsFanOut). */
function transactionsFanOutWeight(filter: unknown, fanOutProviders: number): number {
  const given = (filter ?? {}) as { customers?: unknown; providers?: unknown };
  if (Array.isArray(given.customers)) return Math.max(1, given.customers.length);
  const providers = Array.isArray(given.providers) ? Math.min(given.providers.length, fanOutProviders) : fanOutProviders;
  return Math.max(1, providers * (1 + FAN_OUT_LIMITS.maxCustomersPerProvider));
}
