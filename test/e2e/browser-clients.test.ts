import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { Client, fetchExchange } from '@urql/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExampleCustomersQuery } from '../../examples/client/src/customers.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/**
 * The two common browser clients with their default settings: urql sends queries as GET (Apollo
 * Server's CSRF prevention lets a GET through when it carries a header only a preflighted request
 * can have — the caller's X-API-Key or Authorization counts), Apollo Client POSTs JSON. Every
 * request is recorded through the clients' `fetch` option, so the test sees what they really send.
 */
const API_KEY = 'browser-clients-sandbox-key';
let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway({ env: { SANDBOX_API_KEY: API_KEY } });
});
afterAll(async () => {
  await gateway?.close();
});

function recordingFetch(seen: Array<{ method: string; headers: Headers; url: string }>): typeof fetch {
  return async (input, init) => {
    seen.push({ method: init?.method ?? 'GET', headers: new Headers(init?.headers), url: String(input) });
    return fetch(input, init);
  };
}

describe('browser GraphQL clients, default requests', () => {
  it('urql: a query goes as GET with the API key, and answers data', async () => {
    const seen: Array<{ method: string; headers: Headers; url: string }> = [];
    const client = new Client({
      url: `${gateway.url}/graphql`,
      exchanges: [fetchExchange],
      fetch: recordingFetch(seen),
      fetchOptions: { headers: { 'x-api-key': API_KEY } },
    });
    const result = await client.query(ExampleCustomersQuery, { first: 2, accounts: 1 }).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data?.customers?.edges).toHaveLength(2);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe('GET');
    expect(new URL(seen[0]!.url).searchParams.get('query')).toContain('ExampleCustomers');
    expect(seen[0]!.headers.get('content-type')).toBeNull();
  });

  it('urql without any credential header is refused as a possible CSRF, with the header to add', async () => {
    const client = new Client({ url: `${gateway.url}/graphql`, exchanges: [fetchExchange] });
    const result = await client.query(ExampleCustomersQuery, { first: 1, accounts: 1 }).toPromise();
    expect(result.data).toBeUndefined();
    expect(result.error?.message).toMatch(/apollo-require-preflight/);
  });

  it('urql mutations are POSTed, never GET', async () => {
    const seen: Array<{ method: string; headers: Headers; url: string }> = [];
    const client = new Client({ url: `${gateway.url}/graphql`, exchanges: [fetchExchange], fetch: recordingFetch(seen), fetchOptions: { headers: { 'x-api-key': API_KEY } } });
    await client.mutation('mutation { deleteCustomer(id: "nope") { deletedId } }', {}).toPromise();
    expect(seen[0]!.method).toBe('POST');
  });

  it('Apollo Client: a query is a JSON POST, and answers data', async () => {
    const seen: Array<{ method: string; headers: Headers; url: string }> = [];
    const client = new ApolloClient({
      link: new HttpLink({ uri: `${gateway.url}/graphql`, headers: { 'x-api-key': API_KEY }, fetch: recordingFetch(seen) }),
      cache: new InMemoryCache(),
    });
    const result = await client.query({ query: ExampleCustomersQuery, variables: { first: 2, accounts: 1 } });
    expect(result.error).toBeUndefined();
    expect(result.data?.customers?.edges).toHaveLength(2);
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.headers.get('content-type')).toBe('application/json');
  });

  it('a GET query cannot run a mutation', async () => {
    const url = `${gateway.url}/graphql?query=${encodeURIComponent('mutation { deleteCustomer(id: "x") { deletedId } }')}`;
    const response = await fetch(url, { headers: { 'x-api-key': API_KEY } });
    expect(response.status).toBe(405);
  });
});
