import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLEnumType } from 'graphql';
import { buildGatewaySchema } from '../../src/graphql/schema.js';
import { DEFAULT_MODULES, keysOf } from '../../src/providers/modules.js';
import { acmeModule } from '../fixtures/acme/module.js';
import type { AcmeSimulator } from '../fixtures/acme/simulator/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/**
 * Issue 10, item 6: a fifth provider joins with one line — its module in the list — and the whole
 * gateway (configuration, sandbox, registry, GraphQL enum, fan-out) picks it up.
 */
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({ modules: [...DEFAULT_MODULES, acmeModule] });
});
afterAll(async () => {
  await gateway?.close();
});

interface Edge {
  cursor: string;
  node: { id: string; provider: string; name: string | null };
}

describe('a test-only fifth provider (Acme Bank) registered with one module line', () => {
  it('is listed, enabled on the sandbox, with the capabilities its ports give', async () => {
    const answer = await gateway.graphql<{ providers: Array<{ provider: string; enabled: boolean; sandbox: boolean; capabilities: string[] }> }>(
      '{ providers { provider enabled sandbox capabilities } }',
    );
    expect(answer.data!.providers.map((provider) => provider.provider)).toEqual([...keysOf(DEFAULT_MODULES), 'ACME']);
    expect(answer.data!.providers.at(-1)).toEqual({
      provider: 'ACME',
      enabled: true,
      sandbox: true,
      capabilities: ['CUSTOMER_LIST', 'CUSTOMER_READ', 'ACCOUNTS', 'TRANSACTIONS'],
    });
  });

  it('joins the customers fan-out last, after every default provider, and pages on through it', async () => {
    const all = await gateway.graphql<{ customers: { totalCount: number | null; edges: Edge[]; providerErrors: unknown[] } }>(
      '{ customers(first: 1000) { totalCount providerErrors { provider } edges { cursor node { id provider name } } } }',
    );
    expect(all.errors).toBeUndefined();
    expect(all.data!.customers.providerErrors).toEqual([{ provider: 'CAIBO_IPG' }]);
    const providers = all.data!.customers.edges.map((edge) => edge.node.provider);
    const acme = all.data!.customers.edges.filter((edge) => edge.node.provider === 'ACME');
    expect(acme.map((edge) => edge.node.name)).toEqual(['Ada Acme', 'Brook Acme', 'Cyril Acme', 'Dana Roadrunner', 'Eli Acme']);
    expect(providers.indexOf('ACME')).toBe(providers.length - acme.length);

    // Resume right before Acme: the cursor of the last non-Acme edge continues into Acme.
    const before = all.data!.customers.edges[providers.length - acme.length - 1]!;
    const next = await gateway.graphql<{ customers: { edges: Edge[]; pageInfo: { hasNextPage: boolean } } }>(
      `{ customers(first: 3, after: ${JSON.stringify(before.cursor)}) { pageInfo { hasNextPage } edges { cursor node { id provider name } } } }`,
    );
    expect(next.data!.customers.edges.map((edge) => edge.node.name)).toEqual(['Ada Acme', 'Brook Acme', 'Cyril Acme']);
    expect(next.data!.customers.pageInfo.hasNextPage).toBe(true);
  });

  it('serves accounts and transactions past its own page size, and Customer.transactions merged across accounts', async () => {
    const answer = await gateway.graphql<{
      customers: {
        edges: Array<{
          node: {
            id: string;
            accounts: { edges: Array<{ node: { id: string; type: string; transactions: { totalCount: number | null; edges: unknown[] } } }> };
            transactions: { edges: Array<{ node: { postedAt: string | null; transactedAt: string } }> };
          };
        }>;
      };
    }>(
      `{ customers(provider: ACME, first: 1, search: "ada") { edges { node { id
          accounts { edges { node { id type transactions(first: 75) { totalCount edges { node { id } } } } } }
          transactions(first: 30) { edges { node { postedAt transactedAt } } }
        } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    const customer = answer.data!.customers.edges[0]!.node;
    const accounts = customer.accounts.edges.map((edge) => edge.node);
    expect(accounts.map((account) => account.type)).toEqual(['CHECKING', 'SAVINGS']);
    for (const account of accounts) expect(account.transactions.edges).toHaveLength(75);
    const times = customer.transactions.edges.map((edge) => Date.parse(edge.node.transactedAt));
    expect(times).toHaveLength(30);
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const node = await gateway.graphql<{ node: { id: string } | null }>(`{ node(id: ${JSON.stringify(accounts[0]!.id)}) { id } }`);
    expect(node.data!.node?.id).toBe(accounts[0]!.id);
    expect((gateway.sandbox!.simulators.ACME as AcmeSimulator).stats().tokensIssued).toBe(1);
  });

  it('stays out of the committed schema, which is built from the default modules', () => {
    const values = (keys: string[]) => (buildGatewaySchema(keys).getType('Provider') as GraphQLEnumType).getValues().map((value) => value.name);
    expect(values(keysOf(DEFAULT_MODULES))).toEqual(keysOf(DEFAULT_MODULES));
    expect(values([...keysOf(DEFAULT_MODULES), 'ACME'])).toContain('ACME');
  });
});
