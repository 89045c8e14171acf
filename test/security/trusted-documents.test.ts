import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReferenceCustomersDocument } from '../../src/generated/operations.js';
import { loadTrustedDocuments, sha256 } from '../../src/security/trusted-documents.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

describe('trusted documents (issue 11, item 6)', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ env: { TRUSTED_DOCUMENTS: 'true' } });
  });
  afterAll(async () => gateway?.close());

  it('runs a registered operation however it is formatted, and refuses any other with 403 FORBIDDEN', async () => {
    const registered = await gateway.graphql(print(ReferenceCustomersDocument), { provider: 'MASTERCARD_US', first: 2 });
    expect(registered.status).toBe(200);
    expect(registered.errors).toBeUndefined();
    const other = await gateway.graphql('{ customers(first: 100) { edges { node { id name } } } }');
    expect(other.status).toBe(403);
    expect(other.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it('runs a registered operation by hash alone; an unknown hash is PERSISTED_QUERY_NOT_FOUND and cannot be registered', async () => {
    const trusted = await loadTrustedDocuments(['schema/operations']);
    const [hash] = [...trusted.byHash].find(([, text]) => text.includes('query ReferenceCustomers'))!;
    const post = (body: unknown) =>
      fetch(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...gateway.authHeaders }, body: JSON.stringify(body) });
    const byHash = await post({ variables: { provider: 'OBP', first: 1 }, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(byHash.status).toBe(200);
    expect(((await byHash.json()) as { data?: unknown }).data).toBeTruthy();

    const query = '{ providers { provider } }';
    const unknown = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });
    expect(((await unknown.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toBe('PersistedQueryNotFound');
    const register = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });
    expect(register.status).toBe(403);
  });
});
