import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId, ref } from '../../src/domain/global-id.js';
import { CAIBO_SEED_CUSTOMER_IDS } from '../../src/sandbox/caibo/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/**
 * Provider-specific input through typed, provider-keyed sub-inputs (issue 10, item 4): a field
 * outside its provider's sub-input is a schema error; a sub-input of another provider is
 * BAD_USER_INPUT naming it, before any upstream call.
 */
const SUB_INPUTS = {
  MASTERCARD_US: ['mastercardUs', '{ applicationId: "app" }'],
  MASTERCARD_AU: ['mastercardAu', '{ abn: "51 824 753 556" }'],
  CAIBO_IPG: ['caiboIpg', '{ memberId: "M-1" }'],
  OBP: ['obp', '{ bankId: "gh.29.uk" }'],
} as const;
type Key = keyof typeof SUB_INPUTS;

let gateway: TestGateway;
const upstreamRequests = async (): Promise<number> => {
  let total = 0;
  for (const simulator of Object.values(gateway.sandbox!.simulators)) {
    const stats = (await fetch(`${simulator!.url}/_sandbox/stats`).then((response) => response.json())) as { requests: number };
    total += stats.requests;
  }
  return total;
};

beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(async () => {
  await gateway?.close();
});

describe('createCustomer sub-inputs', () => {
  const pairs = (Object.keys(SUB_INPUTS) as Key[]).flatMap((provider) =>
    (Object.keys(SUB_INPUTS) as Key[]).filter((other) => other !== provider).map((other) => [provider, other] as const),
  );

  it.each(pairs)('a %s customer refuses the %s sub-input by name, before any call', async (provider, other) => {
    const [key, value] = SUB_INPUTS[other];
    const before = await upstreamRequests();
    const answer = await gateway.graphql(`mutation { createCustomer(input: { provider: ${provider}, name: "X", ${key}: ${value} }) { id } }`);
    expect(answer.data).toEqual({ createCustomer: null });
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0]).toMatchObject({ path: ['createCustomer'], extensions: { code: 'BAD_USER_INPUT', field: `input.${key}` } });
    expect(await upstreamRequests()).toBe(before);
  });

  it('a field outside its provider\'s sub-input is a schema validation error', async () => {
    for (const [key, field] of [['mastercardUs', 'abn: "51824753556"'], ['caiboIpg', 'bankId: "gh.29.uk"'], ['obp', 'bankId: "gh.29.uk", memberId: "M"']]) {
      const answer = await gateway.graphql(`mutation { createCustomer(input: { provider: OBP, ${key}: { ${field} } }) { id } }`);
      expect(answer.status).toBe(400);
      expect(answer.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('updateCustomer sub-input', () => {
  it('refuses caiboIpg for another provider and a cleared Caibo field, naming them', async () => {
    const us = encodeGlobalId(ref('MASTERCARD_US', 'Customer', '1005061234'));
    const foreign = await gateway.graphql('mutation ($id: ID!) { updateCustomer(id: $id, input: { caiboIpg: { memberId: "M" } }) { id } }', { id: us });
    expect(foreign.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.caiboIpg' });

    const caibo = encodeGlobalId(ref('CAIBO_IPG', 'Customer', String(CAIBO_SEED_CUSTOMER_IDS.meiTanaka)));
    const cleared = await gateway.graphql('mutation ($id: ID!) { updateCustomer(id: $id, input: { caiboIpg: { address: null } }) { id } }', { id: caibo });
    expect(cleared.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.caiboIpg.address' });
  });
});
