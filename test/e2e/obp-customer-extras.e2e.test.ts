import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { obpSandboxUserId } from '../../src/sandbox/obp/index.js';
import { sha256Hex } from '../../src/security/api-keys.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/** Issue 16 row 11 over HTTP: OBP social media handles, CRM events, my customers and user_id on create (seed 004). */
let gateway: TestGateway;
let dir: string;
const READ_WRITE = { 'x-api-key': 'read-write-not-operator-key' };
const READ_ONLY = { 'x-api-key': 'read-only-key-for-obp-extras' };

type Json = any; // GraphQL answers asserted by shape

async function ok(query: string, variables?: Record<string, unknown>): Promise<Json> {
  const answer = await gateway.graphql<Json>(query, variables);
  expect(answer.errors).toBeUndefined();
  return answer.data;
}

const MY_CUSTOMERS = `query ($bank: ID) { myCustomers(provider: OBP, bank: $bank) { id providerId customerNumber bank { providerId }
  socialMediaHandles { provider customerNumber type handle addedAt activatedAt } } }`;
const ADD_HANDLE = `mutation ($input: AddSocialMediaHandleInput!) { addSocialMediaHandle(input: $input) { customerNumber type handle addedAt activatedAt } }`;
const CREATE = `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id providerId customerNumber userLinks { userId } } }`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'obp-extras-'));
  await writeFile(
    join(dir, 'keys.json'),
    JSON.stringify([
      { id: 'rw', sha256: sha256Hex(READ_WRITE['x-api-key']), scopes: ['read', 'write'] },
      { id: 'ro', sha256: sha256Hex(READ_ONLY['x-api-key']), scopes: ['read'] },
    ]),
  );
  gateway = await startTestGateway({ env: { API_KEYS_FILE: join(dir, 'keys.json') } });
});
afterAll(async () => {
  await gateway?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('OBP customer extras over GraphQL', () => {
  it('lists the capabilities up front', async () => {
    const data = await ok('{ providers { provider capabilities } }');
    const obp = data.providers.find((p: Json) => p.provider === 'OBP');
    expect(obp.capabilities).toEqual(expect.arrayContaining(['SOCIAL_MEDIA_HANDLES', 'CRM_EVENTS', 'MY_CUSTOMERS']));
    const caibo = data.providers.find((p: Json) => p.provider === 'CAIBO_IPG');
    expect(caibo.capabilities).not.toContain('SOCIAL_MEDIA_HANDLES');
  });

  it("answers the gateway user's own customers, at every exposed bank or at one", async () => {
    const all = (await ok(MY_CUSTOMERS)).myCustomers;
    // The sandbox admin is linked to the first customer of each of the four banks.
    expect(all.map((c: Json) => c.bank.providerId).sort()).toEqual(['de.17.ber', 'gh.29.uk', 'sg.08.sgp', 'us.42.nyc']);
    const banks = (await ok('{ banks(provider: OBP) { id providerId } }')).banks;
    const gh = banks.find((b: Json) => b.providerId === 'gh.29.uk');
    const atGh = (await ok(MY_CUSTOMERS, { bank: gh.id })).myCustomers;
    expect(atGh).toHaveLength(1);
    expect(atGh[0].socialMediaHandles.length).toBeGreaterThan(0);
    for (const handle of atGh[0].socialMediaHandles) expect(handle.customerNumber).toBe(atGh[0].customerNumber);

    const elsewhere = await gateway.graphql('{ myCustomers(provider: MASTERCARD_US) { id } }');
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({ code: 'UNSUPPORTED_BY_PROVIDER' });
    const foreignBank = await gateway.graphql('query ($bank: ID) { myCustomers(provider: OBP, bank: $bank) { id } }', { bank: 'not-a-global-id!' });
    expect(foreignBank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bank' });
  });

  it('adds a social media handle and reads it back; validates first; needs the write scope', async () => {
    const [customer] = (await ok(MY_CUSTOMERS)).myCustomers.filter((c: Json) => c.bank.providerId === 'de.17.ber');
    const input = { customerId: customer.id, type: 'mastodon', handle: '@tripman@example.social', addedAt: '2025-01-02T03:04:05Z' };
    const added = (await ok(ADD_HANDLE, { input })).addSocialMediaHandle;
    expect(added).toEqual({
      customerNumber: customer.customerNumber,
      type: 'mastodon',
      handle: '@tripman@example.social',
      addedAt: '2025-01-02T03:04:05.000Z',
      activatedAt: '2025-01-02T03:04:05.000Z',
    });
    const read = await ok(`query ($id: ID!) { customer(id: $id) { socialMediaHandles { type handle } } }`, { id: customer.id });
    expect(read.customer.socialMediaHandles).toContainEqual({ type: 'mastodon', handle: '@tripman@example.social' });

    const blank = await gateway.graphql(ADD_HANDLE, { input: { ...input, type: '  ' } });
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.type' });
    const backwards = await gateway.graphql(ADD_HANDLE, { input: { ...input, activatedAt: '2024-01-01T00:00:00Z' } });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.activatedAt' });
    const readOnly = await gateway.graphql(ADD_HANDLE, { input }, { headers: READ_ONLY });
    expect(readOnly.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });

    const mastercard = (await ok('{ customers(provider: MASTERCARD_US, first: 1) { edges { node { id socialMediaHandles { handle } } } } }')).customers.edges[0].node;
    expect(mastercard.socialMediaHandles).toBeNull();
    const unsupported = await gateway.graphql(ADD_HANDLE, { input: { ...input, customerId: mastercard.id } });
    expect(unsupported.errors?.[0]?.extensions).toMatchObject({ code: 'UNSUPPORTED_BY_PROVIDER' });
  });

  it("lists a bank's CRM events with their fields, and none for a bank without", async () => {
    const banks = (await ok('{ banks(provider: OBP) { providerId crmEvents { providerId bankId customerName customerNumber category detail channel scheduledAt actualAt result } } }')).banks;
    const gh = banks.find((b: Json) => b.providerId === 'gh.29.uk');
    expect(gh.crmEvents.length).toBeGreaterThan(0);
    for (const event of gh.crmEvents) {
      expect(event.bankId).toBe('gh.29.uk');
      expect(event.customerName).toBeTruthy();
      expect(Date.parse(event.actualAt)).toBeGreaterThan(Date.parse(event.scheduledAt));
    }
    expect(banks.find((b: Json) => b.providerId === 'sg.08.sgp').crmEvents).toEqual([]);
  });

  it('links a user on create (v2.0.0 user_id) for operators only, with the documented conflicts', async () => {
    const viewerId = obpSandboxUserId('sandbox.viewer');
    const obp = { bankId: 'de.17.ber', userId: viewerId, customerNumber: `88${Date.now() % 1e8}`, dateOfBirth: '1990-01-31' };
    const input = { provider: 'OBP', name: 'Linked On Create', phone: '+49 30 901820', obp };
    const refused = await gateway.graphql(CREATE, { input }, { headers: READ_WRITE });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.obp.userId' });

    const missing = await gateway.graphql(CREATE, { input: { ...input, obp: { ...obp, dateOfBirth: null } } });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.obp.dateOfBirth' });

    const created = (await ok(CREATE, { input })).createCustomer;
    expect(created.customerNumber).toBe(obp.customerNumber);
    expect(created.userLinks.map((l: Json) => l.userId)).toEqual([viewerId]);

    const again = await gateway.graphql(CREATE, { input: { ...input, obp: { ...obp, customerNumber: `${obp.customerNumber}1` } } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', provider: 'OBP', providerCode: 'OBP-30007' });
    const nobody = await gateway.graphql(CREATE, { input: { ...input, obp: { ...obp, userId: 'no-such-user', customerNumber: `${obp.customerNumber}2` } } });
    expect(nobody.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', providerCode: 'OBP-20005' });
  });
});
