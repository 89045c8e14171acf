import fc from 'fast-check';
import { isInputObjectType, isObjectType, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/domain/errors.js';
import { DEFAULT_STRING_MAX_LENGTH, ID_MAX_LENGTH, INPUT_MAX_LENGTHS } from '../../src/domain/input-limits.js';
import { findOverLongArgument } from '../../src/graphql/input-limits.plugin.js';
import { buildGatewaySchema } from '../../src/graphql/schema.js';
import { errorCodeForStatus } from '../../src/http/upstream-status.js';
import { DEFAULT_MODULES, keysOf } from '../../src/providers/modules.js';

let schema: GraphQLSchema;
beforeAll(() => {
  schema = buildGatewaySchema(keysOf(DEFAULT_MODULES));
});

function check(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition') as OperationDefinitionNode;
  return findOverLongArgument(schema, document, operation, variables);
}

/** `Type.field(argument:)` or `InputType.field` exists in the schema. */
function coordinateExists(coordinate: string): boolean {
  const argument = /^(\w+)\.(\w+)\((\w+):\)$/.exec(coordinate);
  if (argument) {
    const type = schema.getType(argument[1]!);
    return isObjectType(type) && (type.getFields()[argument[2]!]?.args.some((arg) => arg.name === argument[3]) ?? false);
  }
  const [typeName, fieldName] = coordinate.split('.');
  const type = schema.getType(typeName!);
  return isInputObjectType(type) && fieldName! in type.getFields();
}

describe('input length limits (issue 18)', () => {
  it('names only arguments and input fields the schema has', () => {
    const missing = Object.keys(INPUT_MAX_LENGTHS).filter((coordinate) => !coordinateExists(coordinate));
    expect(missing).toEqual([]);
  });

  it('accepts a search up to its limit and refuses one longer, naming the argument — in literals and variables', () => {
    const limit = INPUT_MAX_LENGTHS['Query.customers(search:)']!.maxLength;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: limit * 3 }), fc.boolean(), (length, viaVariable) => {
        const search = 'a'.repeat(length);
        const found = viaVariable
          ? check('query($s: String) { customers(provider: MASTERCARD_US, search: $s) { totalCount } }', { s: search })
          : check(`{ customers(provider: MASTERCARD_US, search: "${search}") { totalCount } }`);
        if (length <= limit) expect(found).toBeUndefined();
        else expect(found).toEqual({ owner: 'customers', argument: 'search', length, maxLength: limit });
      }),
      { numRuns: 60 },
    );
  });

  it('walks input objects, lists and fragments; IDs and unlisted strings get the defaults', () => {
    expect(check(`mutation { createCustomer(input: { provider: MASTERCARD_US, username: "${'u'.repeat(256)}" }) { id } }`)).toMatchObject({
      owner: 'createCustomer',
      argument: 'input.username',
      maxLength: 255,
    });
    expect(
      check('mutation($i: BusinessInput!) { createBusiness(customerId: "x", input: $i) { id } }', { i: { name: 'n', taxId: '1'.repeat(16) } }),
    ).toMatchObject({ owner: 'createBusiness', argument: 'input.taxId', maxLength: 15 });
    expect(check('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['a', 'b'.repeat(ID_MAX_LENGTH + 1)] })).toMatchObject({
      owner: 'nodes',
      argument: 'ids',
      maxLength: ID_MAX_LENGTH,
    });
    expect(check('query($id: ID!) { ...F } fragment F on Query { customer(id: $id) { id } }', { id: 'c'.repeat(ID_MAX_LENGTH + 1) })).toMatchObject({
      owner: 'customer',
      argument: 'id',
    });
    const after = 'x'.repeat(DEFAULT_STRING_MAX_LENGTH + 1);
    expect(check(`{ customers(provider: OBP, after: "${after}") { totalCount } }`)).toMatchObject({ owner: 'customers', argument: 'after', maxLength: DEFAULT_STRING_MAX_LENGTH });
    expect(check(`{ customers(provider: OBP, after: "${after.slice(1)}") { totalCount } }`)).toBeUndefined();
  });

  it('reads a provider 413/414/431 as the caller input being too large, not a retryable outage', () => {
    for (const status of [413, 414, 431]) {
      const code = errorCodeForStatus(status);
      expect(code).toBe('BAD_USER_INPUT');
      expect(new GatewayError(code, 'too large').retryable).toBe(false);
    }
  });
});
