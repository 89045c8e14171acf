import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  TypeInfo,
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import { maxLengthOf } from '../domain/input-limits.js';

interface Violation {
  /** The field the argument belongs to (`customers`, `createCustomer`, `@include`). */
  owner: string;
  /** The argument path, as adapters name input fields: `search`, `input.username`. */
  argument: string;
  length: number;
  maxLength: number;
}

/** Walks one argument value along its input type; the first string over its limit is returned. */
function findOverLong(value: unknown, type: GraphQLInputType, coordinate: string, argument: string): Omit<Violation, 'owner'> | undefined {
  const nullable = getNullableType(type);
  if (value === null || value === undefined) return undefined;
  if (isListType(nullable)) {
    // Input coercion accepts a single item where a list is expected.
    const items: unknown[] = Array.isArray(value) ? value : [value];
    for (const item of items) {
      const found = findOverLong(item, nullable.ofType, coordinate, argument);
      if (found) return found;
    }
    return undefined;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== 'object') return undefined;
    for (const field of Object.values(nullable.getFields())) {
      const item = (value as Record<string, unknown>)[field.name];
      const found = findOverLong(item, field.type, `${nullable.name}.${field.name}`, `${argument}.${field.name}`);
      if (found) return found;
    }
    return undefined;
  }
  if (isScalarType(nullable) && typeof value === 'string') {
    const maxLength = maxLengthOf(coordinate, nullable.name);
    if (value.length > maxLength) return { argument, length: value.length, maxLength };
  }
  return undefined;
}

/**
 * One argument of an operation that needs a look per request: its value comes from variables, or
 * it is a literal already known to be too long (`violation`).
 */
interface ArgumentSite {
  owner: string;
  coordinate: string;
  argument: string;
  type: GraphQLInputType;
  value: ValueNode;
  violation?: Violation;
}

/** Whether a value of `type` can carry a scalar anywhere (lists and input objects included); enums alone cannot be over-long. */
function canHoldScalar(type: GraphQLInputType, seen = new Set<GraphQLInputType>()): boolean {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return canHoldScalar(nullable.ofType, seen);
  if (isInputObjectType(nullable)) {
    if (seen.has(nullable)) return false;
    seen.add(nullable);
    return Object.values(nullable.getFields()).some((field) => canHoldScalar(field.type, seen));
  }
  return isScalarType(nullable);
}

function usesVariables(node: ValueNode): boolean {
  if (node.kind === Kind.VARIABLE) return true;
  if (node.kind === Kind.LIST) return node.values.some(usesVariables);
  if (node.kind === Kind.OBJECT) return node.fields.some((field) => usesVariables(field.value));
  return false;
}

const sitesBySchema = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, readonly ArgumentSite[]>>();

/**
 * The arguments of `operation` (and the fragments it may spread) whose length check depends on the
 * request, in document order. A literal is checked here once: its verdict depends on the document
 * alone, and Apollo hands every request with the same text the same DocumentNode from its document
 * cache, so a request only reads its variables (issue 17, per-request cost).
 */
function argumentSites(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): readonly ArgumentSite[] {
  let bySchema = sitesBySchema.get(schema);
  if (!bySchema) {
    bySchema = new WeakMap();
    sitesBySchema.set(schema, bySchema);
  }
  const known = bySchema.get(operation);
  if (known) return known;
  const typeInfo = new TypeInfo(schema);
  const sites: ArgumentSite[] = [];
  const visitor = visitWithTypeInfo(typeInfo, {
    Argument(node) {
      const argument = typeInfo.getArgument();
      if (!argument || !canHoldScalar(argument.type)) return false;
      const directive = typeInfo.getDirective();
      const field = typeInfo.getFieldDef();
      const parent = typeInfo.getParentType();
      const owner = directive ? `@${directive.name}` : (field?.name ?? '?');
      const coordinate = `${directive ? owner : `${parent?.name ?? '?'}.${owner}`}(${argument.name}:)`;
      const site: ArgumentSite = { owner, coordinate, argument: argument.name, type: argument.type, value: node.value };
      if (usesVariables(node.value)) {
        sites.push(site);
        return false;
      }
      const overLong = findOverLong(valueFromAST(node.value, argument.type, {}), argument.type, coordinate, argument.name);
      if (overLong) sites.push({ ...site, violation: { owner, ...overLong } });
      return false;
    },
  });
  for (const definition of document.definitions) {
    if (definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
  }
  bySchema.set(operation, sites);
  return sites;
}

/** The first over-long string argument of `operation` (and the fragments it may spread), with `variables`. */
export function findOverLongArgument(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): Violation | undefined {
  for (const site of argumentSites(schema, document, operation)) {
    if (site.violation) return site.violation;
    // Raw variable values, as sent: a value that does not coerce is left to execution to refuse.
    const value = valueFromAST(site.value, site.type, variables as Record<string, unknown>);
    const overLong = findOverLong(value, site.type, site.coordinate, site.argument);
    if (overLong) return { owner: site.owner, ...overLong };
  }
  return undefined;
}

/**
 * Refuses, before execution and so before any provider call, an operation whose String or ID
 * argument is longer than the table in `src/domain/input-limits.ts` allows: HTTP 400,
 * BAD_USER_INPUT with `field` naming the argument as adapters do (`search`, `input.username`) and
 * `maxLength`; the message names the field too. The value is never echoed.
 */
export function inputLimitsPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const violation = findOverLongArgument(schema, document, operation, request.variables ?? {});
          if (!violation) return;
          throw new GraphQLError(
            `${violation.owner}: ${violation.argument} is ${violation.length} characters long; at most ${violation.maxLength} are accepted`,
            { extensions: { code: 'BAD_USER_INPUT', field: violation.argument, maxLength: violation.maxLength, http: { status: 400 } } },
          );
        },
      };
    },
  };
}
