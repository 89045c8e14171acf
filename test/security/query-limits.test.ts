import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/** The 36 KB request: `count` aliases of customers(first: N) { totalCount }, each N different. */
function aliasFlood(count: number, extra = ''): string {
  const fields = Array.from({ length: count }, (_, i) => `a${i}: customers(first: ${(i % 100) + 1}) { totalCount }`);
  return `{ ${fields.join(' ')} ${extra} }`;
}

/** `accounts → transactions → account → customer` nested `levels` times below customers. */
function nestedCycle(levels: number): string {
  let inner = 'id';
  for (let i = 0; i < levels; i += 1) {
    inner = `accounts { edges { node { transactions(first: 5) { edges { node { account { customer { ${inner} } } } } } } } }`;
  }
  return `{ customers(first: 5) { edges { node { ${inner} } } } }`;
}

describe('query limits before execution (issue 11, item 3)', () => {
  let gateway: TestGateway;
  let unlimitedTokens: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
    // Tokens raised so the structural rules, not the token count, meet the documents.
    unlimitedTokens = await startTestGateway({ env: { QUERY_MAX_TOKENS: '1000000' } });
  });
  afterAll(async () => {
    await gateway?.close();
    await unlimitedTokens?.close();
  });

  it('refuses the 3,000-alias, 36 KB document at the token count, and /healthz keeps answering', async () => {
    const document = aliasFlood(3000);
    expect(document.length).toBeGreaterThan(36_000);
    const [answer, health] = await Promise.all([gateway.graphql(document), request(`${gateway.url}/healthz`)]);
    expect(answer.status).toBe(400);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors?.[0]?.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(answer.errors?.[0]?.message).toContain('Token limit of 2000');
    expect(health.statusCode).toBe(200);
    await health.body.dump();
  });

  it('refuses 1,000 aliases before graphql-js validation runs: the built-in rules never report', async () => {
    // `nope` is an unknown field: had the built-in rules (and OverlappingFieldsCanBeMerged with them)
    // run, their "Cannot query field" error would be in the answer.
    const answer = await unlimitedTokens.graphql(aliasFlood(1000, 'nope'));
    expect(answer.status).toBe(400);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
    expect(answer.errors?.[0]?.message).toBe('Aliases limit of 20 exceeded, found 1000.');
  });

  it('refuses the seven-level accounts → transactions → account → customer nesting by depth', async () => {
    const answer = await gateway.graphql(nestedCycle(7));
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(answer.errors?.[0]?.message).toMatch(/^Query depth limit of 15 exceeded, found \d+\.$/);
  });

  it('refuses repeated fields, repeated fragment spreads and directive floods before validation', async () => {
    const repeated = await unlimitedTokens.graphql(`{ providers { ${'provider '.repeat(2000)} nope } }`);
    expect(repeated.errors).toHaveLength(1);
    expect(repeated.errors?.[0]?.message).toContain('"provider" is selected 2000 times');
    const inline = await unlimitedTokens.graphql(`{ providers { ${'... on ProviderStatus { provider } '.repeat(500)} } }`);
    expect(inline.errors?.[0]?.message).toContain('"provider" is selected 500 times');
    const spreads = await unlimitedTokens.graphql(`{ providers { ${'...P '.repeat(500)} } } fragment P on ProviderStatus { provider }`);
    expect(spreads.errors?.[0]?.message).toContain('"...P" is selected 500 times');
    const directives = await unlimitedTokens.graphql(`{ providers { provider ${'@include(if: true) '.repeat(100)} } }`);
    expect(directives.errors?.[0]?.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(directives.errors?.[0]?.message).toContain('Directives limit');
  });

  it('lets every document in schema/operations through the limits', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    for (const file of await readdir('schema/operations')) {
      const text = await readFile(`schema/operations/${file}`, 'utf8');
      // Each operation on its own (files hold several); only the limits are checked, not the data.
      const answer = await gateway.graphql(text);
      const codes = (answer.errors ?? []).map((error) => error.extensions.code);
      expect(codes, file).not.toContain('QUERY_TOO_COMPLEX');
    }
  });
});
