import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateAuBusinessCustomerDocument, GenerateConnectUrlDocument } from '../../src/generated/operations.js';
import type { MastercardSimulator } from '../../src/sandbox/mastercard/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

let gateway: TestGateway;
const createRoute = 'POST /aggregation/v2/customers/active';
const createCalls = () => (gateway.sandbox!.simulators.MASTERCARD_AU as MastercardSimulator).stats().byRoute[createRoute] ?? 0;

beforeAll(async () => {
  // The environment alone, as `npm start` reads it: the sandbox simulator and the adapter both run
  // the BCDC access model (seed 000, Customer Records).
  gateway = await startTestGateway({ env: { MASTERCARD_AU_ACCESS_MODEL: 'BCDC' } });
});
afterAll(async () => {
  await gateway?.close();
});

const active = (username: string, extra: { category?: 'BUSINESS' | 'INDIVIDUAL'; abn?: string }) => ({
  input: {
    provider: 'MASTERCARD_AU' as const,
    kind: 'ACTIVE' as const,
    username: `${username}-${process.pid}`,
    category: extra.category,
    mastercardAu: { applicationId: 'f8bde4ef-1b6c-4822-93f0-5df7182e5285', abn: extra.abn },
  },
});

describe('Mastercard AU under the BCDC access model', () => {
  it('refuses INDIVIDUAL customers, a missing ABN and a bad check digit before any call', async () => {
    const calls = createCalls();
    const cases: Array<[ReturnType<typeof active>, string]> = [
      [active('bcdc-ind', {}), 'input.category'],
      [active('bcdc-ind2', { category: 'INDIVIDUAL' }), 'input.category'],
      [active('bcdc-noabn', { category: 'BUSINESS' }), 'input.mastercardAu.abn'],
      [active('bcdc-digit', { category: 'BUSINESS', abn: '51 824 753 557' }), 'input.mastercardAu.abn'],
      [active('bcdc-letters', { category: 'BUSINESS', abn: '51-824-753-556' }), 'input.mastercardAu.abn'],
    ];
    for (const [variables, field] of cases) {
      const answer = await gateway.graphql(CreateAuBusinessCustomerDocument, variables);
      expect(answer.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, retryable: false });
      expect(answer.errors![0]!.extensions.provider).toBeUndefined();
    }
    const noApplication = await gateway.graphql(CreateAuBusinessCustomerDocument, {
      input: { provider: 'MASTERCARD_AU', kind: 'ACTIVE', username: `bcdc-noapp-${process.pid}`, category: 'BUSINESS', mastercardAu: { abn: '51824753556' } },
    });
    expect(noApplication.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.mastercardAu.applicationId' });
    expect(createCalls()).toBe(calls);
  });

  it('passes an ABN with a valid check digit to the provider, which refuses a cancelled one (10100)', async () => {
    const answer = await gateway.graphql(CreateAuBusinessCustomerDocument, active('bcdc-inactive', { category: 'BUSINESS', abn: '72 618 203 947' }));
    expect(answer.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      provider: 'MASTERCARD_AU',
      providerCode: '10100',
      field: 'input.mastercardAu.abn',
    });
  });

  it('creates an active BUSINESS customer with a valid, active ABN and opens Connect for it', async () => {
    const answer = await gateway.graphql(CreateAuBusinessCustomerDocument, active('bcdc-ok', { category: 'BUSINESS', abn: '51 824 753 556' }));
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.createCustomer).toMatchObject({ kind: 'ACTIVE', category: 'BUSINESS', abn: '51824753556' });
    const link = await gateway.graphql(GenerateConnectUrlDocument, { input: { customerId: answer.data!.createCustomer!.id } });
    expect(link.errors).toBeUndefined();
    expect(link.data!.generateConnectUrl!.url).toContain(answer.data!.createCustomer!.providerId);
  });

  it('lets a TESTING business customer omit the ABN (sandbox test customers), but Connect then needs one', async () => {
    const testing = await gateway.graphql(CreateAuBusinessCustomerDocument, {
      input: { provider: 'MASTERCARD_AU', username: `bcdc-testing-${process.pid}`, category: 'BUSINESS' },
    });
    expect(testing.errors).toBeUndefined();
    const link = await gateway.graphql(GenerateConnectUrlDocument, { input: { customerId: testing.data!.createCustomer!.id } });
    expect(link.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', provider: 'MASTERCARD_AU', providerCode: '10100' });
  });
});
