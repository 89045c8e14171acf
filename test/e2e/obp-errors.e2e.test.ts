import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId, ref } from '../../src/domain/global-id.js';
import { ObpCreateCustomerDocument, ObpCustomerDetailDocument, ObpLinkUserToCustomerDocument, ObpNodeDocument } from '../../src/generated/operations.js';
import { OBP_SANDBOX_CONSUMER_KEY, OBP_SANDBOX_USERS, type ObpSimulator } from '../../src/sandbox/obp/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

const createInput = (bankId: string, extra: Record<string, unknown> = {}, obp: Record<string, unknown> = {}) => ({
  provider: 'OBP' as const,
  obp: { bankId, ...obp },
  name: 'Error Mapping',
  phone: '+44 7700 900321',
  ...extra,
});

describe('OBP error mapping (admin user)', () => {
  let gateway: TestGateway;
  let obp: ObpSimulator;
  beforeAll(async () => {
    gateway = await startTestGateway();
    obp = gateway.sandbox!.simulators.OBP as ObpSimulator;
  });
  afterAll(async () => {
    await gateway?.close();
  });

  it('refuses a malformed BANK_ID (OBP-30111 rules) with BAD_USER_INPUT before any call', async () => {
    obp.resetStats();
    const created = await gateway.graphql(ObpCreateCustomerDocument, { input: createInput('gh.29.uk/../x') });
    expect(created.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', provider: 'OBP', providerCode: 'OBP-30111', field: 'input.obp.bankId' });
    expect(created.errors?.[0]?.extensions.providerStatus).toBeUndefined();

    // A global ID is opaque but decodable: one forged with a bad bank in its scope fails the same way.
    const forged = encodeGlobalId(ref('OBP', 'Customer', 'c-1', 'bad bank!'));
    const node = await gateway.graphql(ObpNodeDocument, { id: forged });
    expect(node.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', providerCode: 'OBP-30111' });
    const tooLong = encodeGlobalId(ref('OBP', 'Account', 'a-1', 'b'.repeat(255)));
    expect((await gateway.graphql(ObpNodeDocument, { id: tooLong })).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const noBank = encodeGlobalId(ref('OBP', 'Customer', 'c-1'));
    expect((await gateway.graphql(ObpNodeDocument, { id: noBank })).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');

    expect(obp.stats().requests).toBe(0);
  });

  it('keeps OBP-30001 and OBP-30046 as providerCode on NOT_FOUND', async () => {
    const created = await gateway.graphql(ObpCreateCustomerDocument, { input: createInput('zz.99.nowhere') });
    expect(created.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', provider: 'OBP', providerStatus: 404, providerCode: 'OBP-30001' });

    const unknown = encodeGlobalId(ref('OBP', 'Customer', '00000000-0000-5000-8000-000000000000', 'gh.29.uk'));
    const linked = await gateway.graphql(ObpLinkUserToCustomerDocument, { customerId: unknown });
    expect(linked.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', providerStatus: 404, providerCode: 'OBP-30046' });
    // Read by ID, an unknown customer is null with NOT_FOUND.
    const read = await gateway.graphql(ObpCustomerDetailDocument, { id: unknown });
    expect(read.data?.customer).toBeNull();
    expect(read.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('maps a duplicate customer number (OBP-30006) to CONFLICT', async () => {
    const customerNumber = `77${Date.now() % 100_000_000}`;
    const first = await gateway.graphql(ObpCreateCustomerDocument, { input: createInput('gh.29.uk', {}, { customerNumber }) });
    expect(first.errors).toBeUndefined();
    expect(first.data!.createCustomer!.customerNumber).toBe(customerNumber);
    const again = await gateway.graphql(ObpCreateCustomerDocument, { input: createInput('gh.29.uk', {}, { customerNumber }) });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', providerStatus: 400, providerCode: 'OBP-30006' });
  });

  it('rejects unified fields OBP cannot take by name, and Mastercard rejects OBP-only ones, before any call', async () => {
    obp.resetStats();
    const firstName = await gateway.graphql(ObpCreateCustomerDocument, { input: createInput('gh.29.uk', { firstName: 'Ada' }) });
    expect(firstName.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.firstName' });
    const noPhone = await gateway.graphql(ObpCreateCustomerDocument, { input: { provider: 'OBP', obp: { bankId: 'gh.29.uk' }, name: 'No Phone' } });
    expect(noPhone.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.phone' });
    const noBank = await gateway.graphql(ObpCreateCustomerDocument, { input: { provider: 'OBP', name: 'No Bank', phone: '+44 7700 900111' } });
    expect(noBank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.obp' });
    expect(obp.stats().requests).toBe(0);

    const mastercard = await gateway.graphql(ObpCreateCustomerDocument, {
      input: { provider: 'MASTERCARD_US', username: 'obp-field-check', firstName: 'A', lastName: 'B', obp: { bankId: 'gh.29.uk' } },
    });
    expect(mastercard.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.obp' });
    // Inside a provider's own sub-input, another provider's field is a schema (validation) error.
    const schemaLevel = await gateway.graphql(
      'mutation { createCustomer(input: { provider: MASTERCARD_US, username: "obp-field-check", mastercardUs: { bankId: "gh.29.uk" } }) { id } }',
    );
    expect(schemaLevel.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(schemaLevel.errors?.[0]?.message).toContain('bankId');
  });
});

describe('OBP error mapping (restricted configuration)', () => {
  it('answers OBP-20006 (missing role) as FORBIDDEN for the viewer user, and the fan-out keeps the other providers', async () => {
    const gateway = await startTestGateway({ sandbox: { providers: { OBP: { user: 'viewer' } } } });
    try {
      const created = await gateway.graphql(ObpCreateCustomerDocument, { input: createInput('gh.29.uk') });
      expect(created.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', provider: 'OBP', providerStatus: 403, providerCode: 'OBP-20006' });
      expect(created.errors?.[0]?.message).toContain('CanCreateCustomer');

      const all = await gateway.graphql<{ customers: { edges: Array<{ node: { provider: string } }>; providerErrors: Array<{ provider: string; code: string }> } }>(
        'query { customers(first: 1000) { edges { node { provider } } providerErrors { provider code } } }',
      );
      expect(all.data!.customers.providerErrors).toEqual([{ provider: 'CAIBO_IPG', code: 'UNSUPPORTED_BY_PROVIDER' }, { provider: 'OBP', code: 'FORBIDDEN' }]);
      expect(all.data!.customers.edges.some((edge) => edge.node.provider === 'MASTERCARD_US')).toBe(true);
      expect(all.errors?.find((error) => error.extensions.provider === 'OBP')?.extensions.providerCode).toBe('OBP-20006');
    } finally {
      await gateway.close();
    }
  });

  it('refuses a bank that OBP_BANK_IDS does not expose before any call, and lists only the exposed ones', async () => {
    const gateway = await startTestGateway({ env: { OBP_BANK_IDS: 'gh.29.uk,sg.08.sgp' } });
    const obp = gateway.sandbox!.simulators.OBP as ObpSimulator;
    try {
      obp.resetStats();
      const hidden = encodeGlobalId(ref('OBP', 'Customer', 'whatever', 'de.17.ber'));
      const node = await gateway.graphql(ObpNodeDocument, { id: hidden });
      expect(node.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', provider: 'OBP' });
      const created = await gateway.graphql(ObpCreateCustomerDocument, { input: createInput('us.42.nyc') });
      expect(created.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.obp.bankId' });
      expect(obp.stats().requests).toBe(0);

      const banks = await gateway.graphql<{ banks: Array<{ providerId: string }> }>('query { banks { providerId } }');
      expect(banks.data!.banks.map((bank) => bank.providerId)).toEqual(['gh.29.uk', 'sg.08.sgp']);
      const customers = await gateway.graphql<{ customers: { edges: Array<{ node: { id: string } }> } }>(
        'query { customers(provider: OBP, first: 100) { edges { node { id } } } }',
      );
      expect(customers.data!.customers.edges).toHaveLength(10);
    } finally {
      await gateway.close();
    }
  });

  it('answers bad DirectLogin credentials (OBP-20004) as PROVIDER_AUTH_FAILED without echoing them', async () => {
    const base = await startTestGateway();
    const endpoints = base.sandbox!.endpoints;
    const password = 'Wrong-Passw0rd-xyz';
    const gateway = await startTestGateway({
      endpoints: {
        ...endpoints,
        OBP: { ...endpoints.OBP!, credentials: { username: OBP_SANDBOX_USERS[0]!.username, password, consumerKey: OBP_SANDBOX_CONSUMER_KEY } },
      },
    });
    try {
      const answer = await gateway.graphql<{ banks: unknown[] }>('query { banks(provider: OBP) { providerId } }');
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_AUTH_FAILED', provider: 'OBP', providerStatus: 401, providerCode: 'OBP-20004' });
      expect(JSON.stringify(answer.errors)).not.toContain(password);
    } finally {
      await gateway.close();
      await base.close();
    }
  });
});
