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

/** The first over-long string argument of `operation` (and the fragments it may spread), with `variables`. */
export function findOverLongArgument(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): Violation | undefined {
  const typeInfo = new TypeInfo(schema);
  let found: Violation | undefined;
  const visitor = visitWithTypeInfo(typeInfo, {
    Argument(node) {
      if (found) return false;
      const argument = typeInfo.getArgument();
      if (!argument) return false;
      const directive = typeInfo.getDirective();
      const field = typeInfo.getFieldDef();
      const parent = typeInfo.getParentType();
      const owner = directive ? `@${directive.name}` : (field?.name ?? '?');
      const coordinate = `${directive ? owner : `${parent?.name ?? '?'}.${owner}`}(${argument.name}:)`;
      // Raw variable values, as sent: a value that does not coerce is left to execution to refuse.
      const value = valueFromAST(node.value, argument.type, variables as Record<string, unknown>);
      const overLong = findOverLong(value, argument.type, coordinate, argument.name);
      if (overLong) found = { owner, ...overLong };
      return false;
    },
  });
  for (const definition of document.definitions) {
    if (definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
    if (found) return found;
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
