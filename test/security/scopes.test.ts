import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { DEFAULT_MODULES, keysOf } from '../../src/providers/modules.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGatewaySchema } from '../../src/graphql/schema.js';
import { sha256Hex } from '../../src/security/api-keys.js';
import { SCOPES, type Scope } from '../../src/security/caller.js';
import { requiredScopes } from '../../src/security/field-rules.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/** A literal the type accepts: required input fields only, the first enum value, a sample per scalar. */
function literal(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(type.ofType);
  if (isListType(type)) return `[${literal(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return `{ ${fields.map((field) => `${field.name}: ${literal(field.type)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    const samples: Record<string, string> = {
      String: '"x"', ID: '"x"', Int: '1', Float: '1.5', Boolean: 'true',
      Decimal: '"1.00"', Date: '"2024-01-02"', DateTime: '"2024-01-02T00:00:00Z"', JSON: '{}', Ssn: '"999-00-0000"',
    };
    const sample = samples[type.name];
    if (!sample) throw new Error(`scopes test: add a sample literal for scalar ${type.name}`);
    return sample;
  }
  throw new Error(`scopes test: unexpected input type ${String(type)}`);
}

function requiredArgs(args: readonly GraphQLArgument[]): string {
  const required = args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  return required.length === 0 ? '' : `(${required.map((arg) => `${arg.name}: ${literal(arg.type)}`).join(', ')})`;
}

interface RootField {
  operation: 'query' | 'mutation';
  name: string;
  document: string;
  required: readonly Scope[];
}

describe('scopes and field-level rules (issue 11, item 2)', () => {
  let dir: string;
  let gateway: TestGateway;
  let roots: RootField[];
  const keyOf = (scopes: readonly Scope[]) => `key-${scopes.join('+') || 'none'}-0123456789`;
  const as = (scopes: readonly Scope[]) => ({ headers: { 'x-api-key': keyOf(scopes) } });
  const callers: Scope[][] = [[], ...SCOPES.map((scope) => [scope]), ['read', 'sensitive'], ['read', 'reports'], ['write', 'sensitive']];

  beforeAll(async () => {
    const schema = buildGatewaySchema(keysOf(DEFAULT_MODULES));
    roots = (['query', 'mutation'] as const).flatMap((operation) => {
      const type = (operation === 'query' ? schema.getQueryType() : schema.getMutationType()) as GraphQLObjectType;
      return Object.values(type.getFields()).map((field) => {
        const named = getNamedType(field.type);
        const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
        return {
          operation,
          name: field.name,
          document: `${operation} { ${field.name}${requiredArgs(field.args)}${selection} }`,
          required: requiredScopes(schema, type.name, field.name),
        };
      });
    });
    dir = await mkdtemp(join(tmpdir(), 'gw-scopes-'));
    const keys = callers.map((scopes) => ({ id: scopes.join('+') || 'none', sha256: sha256Hex(keyOf(scopes)), scopes }));
    keys.push({ id: 'obp-reader', sha256: sha256Hex('obp-only-reader-key'), scopes: ['read'], providers: ['OBP'] } as never);
    await writeFile(join(dir, 'keys.json'), JSON.stringify(keys));
    gateway = await startTestGateway({ env: { API_KEYS_FILE: join(dir, 'keys.json') } });
  });
  afterAll(async () => {
    await gateway?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('every root field needs at least one scope, and reads need read, writes write (or more)', () => {
    expect(roots.length).toBeGreaterThan(30);
    for (const root of roots) {
      expect(root.required.length, root.name).toBeGreaterThan(0);
      if (root.operation === 'mutation') expect(root.required.some((scope) => scope !== 'read'), root.name).toBe(true);
    }
  });

  it('walks every Query and Mutation field: anonymous is 401, a caller is FORBIDDEN exactly when it lacks a required scope', async () => {
    const failures: string[] = [];
    for (const root of roots) {
      const anonymous = await gateway.graphql(root.document, undefined, { anonymous: true });
      if (anonymous.status !== 401) failures.push(`${root.name}: anonymous answered ${anonymous.status}`);
      for (const scopes of callers) {
        const answer = await gateway.graphql(root.document, undefined, as(scopes));
        const codes = (answer.errors ?? []).map((error) => error.extensions.code);
        const mayUse = root.required.every((scope) => scopes.includes(scope));
        const forbidden = codes.includes('FORBIDDEN');
        if (mayUse === forbidden) failures.push(`${root.name} as [${scopes.join(',')}]: ${JSON.stringify(answer.errors ?? answer.data)}`);
      }
    }
    expect(failures).toEqual([]);
    // Some fields do real work once allowed: transactionsSync reads all four simulators the first time.
  }, 60_000);

  it('refuses deleteCustomer, createConsumer and report generation to a read-only caller, naming the scope', async () => {
    const id = Buffer.from(JSON.stringify(['g1', 'MASTERCARD_US', 'Customer', '1005061234'])).toString('base64url');
    const deletion = await gateway.graphql(`mutation { deleteCustomer(id: "${id}") { deletedId } }`, undefined, as(['read']));
    expect(deletion.errors?.[0]).toMatchObject({ path: ['deleteCustomer'], extensions: { code: 'FORBIDDEN' } });
    expect(deletion.errors?.[0]?.message).toContain('write');
    const consumer = await gateway.graphql(
      `mutation { createConsumer(customerId: "${id}", input: { firstName: "A" }, ssn: "999-00-0000") { __typename } }`,
      undefined,
      as(['write']),
    );
    expect(consumer.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(consumer.errors?.[0]?.message).toContain('sensitive');
    expect(JSON.stringify(consumer)).not.toContain('999-00-0000');
  });

  it('nulls paymentDetails and owners without the sensitive scope, keeping the rest of the answer', async () => {
    const query = `{ customers(provider: MASTERCARD_AU, first: 1) { edges { node { accounts { edges { node { name paymentDetails { accountNumber } owners { name } } } } } } } }`;
    const reader = await gateway.graphql<{ customers: { edges: Array<{ node: { accounts: { edges: Array<{ node: Record<string, unknown> }> } } }> } }>(query, undefined, as(['read']));
    const account = reader.data?.customers.edges[0]?.node.accounts.edges[0]?.node;
    expect(account?.name).toEqual(expect.any(String));
    expect(account?.paymentDetails).toBeNull();
    expect(account?.owners).toBeNull();
    const forbiddenPaths = (reader.errors ?? []).filter((error) => error.extensions.code === 'FORBIDDEN').map((error) => error.path?.at(-1));
    expect(forbiddenPaths).toEqual(expect.arrayContaining(['paymentDetails', 'owners']));
    const sensitive = await gateway.graphql<typeof reader.data>(query, undefined, as(['read', 'sensitive']));
    expect((sensitive.errors ?? []).map((error) => error.extensions.code)).not.toContain('FORBIDDEN');
    expect(sensitive.data?.customers.edges[0]?.node.accounts.edges[0]?.node.paymentDetails).not.toBeNull();
  });

  it('limits a provider-restricted caller to its providers: fan-outs skip the others, naming one is FORBIDDEN', async () => {
    const obpOnly = { headers: { 'x-api-key': 'obp-only-reader-key' } };
    const all = await gateway.graphql<{ customers: { edges: Array<{ node: { provider: string } }> } }>(
      '{ customers(first: 20) { edges { node { provider } } } }',
      undefined,
      obpOnly,
    );
    const providers = new Set(all.data?.customers.edges.map((edge) => edge.node.provider));
    expect([...providers]).toEqual(['OBP']);
    const mastercard = await gateway.graphql('{ customers(provider: MASTERCARD_US, first: 1) { totalCount } }', undefined, obpOnly);
    expect(mastercard.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', provider: 'MASTERCARD_US' });
  });
});
