import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMastercardSimulator, type MastercardSimulator } from '../../src/sandbox/mastercard/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/**
 * Issue 16 row 10 over HTTP: Mastercard US reseller partners and the consumer's `endUser` (seed 001,
 * "Reseller Partners"; openbanking-us.yaml ConsumerEndUser), error 1201 checked before any call when
 * the gateway knows it is a reseller, and mapped from the provider when it does not.
 */
type Json = any; // GraphQL answers asserted by shape

const CONSUMER_CREATE_ROUTE = 'POST /decisioning/v1/customers/:customerId/consumer';
const CREATE = `mutation ($customerId: ID!, $input: ConsumerInput!) {
  createConsumer(customerId: $customerId, input: $input) { id firstName endUser { name address city state zip phone email url } }
}`;
const PERSON = { firstName: 'Ada', lastName: 'Lovelace', state: 'UT', email: 'ada@example.com', birthday: { year: 1989, month: 8, dayOfMonth: 13 } };
const END_USER = { name: 'ABC Apartments', address: '123 Main St', city: 'Murray', state: 'UT', zip: '84123', phone: '555-2106', email: null, url: 'abcapartments.com' };

let reseller: TestGateway;
let unaware: TestGateway;
let resellerSimulator: MastercardSimulator;

const firstCustomers = async (gateway: TestGateway, provider: string, count: number): Promise<string[]> =>
  (await gateway.graphql<Json>(`{ customers(provider: ${provider}, first: ${count}) { edges { node { id } } } }`)).data.customers.edges.map((e: Json) => e.node.id);

async function consumerCreates(gateway: TestGateway): Promise<number> {
  const body = (await (await fetch(`${gateway.sandbox!.simulators.MASTERCARD_US!.url}/_sandbox/stats`)).json()) as { byRoute: Record<string, number> };
  return body.byRoute[CONSUMER_CREATE_ROUTE] ?? 0;
}

beforeAll(async () => {
  reseller = await startTestGateway({ env: { MASTERCARD_US_RESELLER: 'true' } });
  // A gateway not told that its partner resells, in front of a simulator whose partner does.
  resellerSimulator = await startMastercardSimulator({ region: 'US', lending: { reseller: true } });
  const endpoints = reseller.sandbox!.endpoints;
  unaware = await startTestGateway({ endpoints: { ...endpoints, MASTERCARD_US: { ...endpoints.MASTERCARD_US!, baseUrl: resellerSimulator.url } } });
});
afterAll(async () => {
  await unaware?.close();
  await resellerSimulator?.close();
  await reseller?.close();
});

describe('Mastercard US reseller partners: consumer endUser and error 1201', () => {
  it('refuses a reseller consumer without endUser before any call, as BAD_USER_INPUT with providerCode 1201', async () => {
    const [customer] = await firstCustomers(reseller, 'MASTERCARD_US', 1);
    const before = await consumerCreates(reseller);
    const refused = await reseller.graphql<Json>(CREATE, { customerId: customer, input: PERSON });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', provider: 'MASTERCARD_US', providerCode: '1201', field: 'input.endUser' });
    const incomplete = await reseller.graphql<Json>(CREATE, { customerId: customer, input: { ...PERSON, endUser: { ...END_USER, zip: ' ' } } });
    expect(incomplete.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endUser.zip' });
    const badUrl = await reseller.graphql<Json>(CREATE, { customerId: customer, input: { ...PERSON, endUser: { ...END_USER, url: 'x' } } });
    expect(badUrl.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endUser.url' });
    expect(await consumerCreates(reseller)).toBe(before);
  });

  it('creates a reseller consumer with endUser and reads the end user back', async () => {
    const [, customer] = await firstCustomers(reseller, 'MASTERCARD_US', 2);
    const created = await reseller.graphql<Json>(CREATE, { customerId: customer, input: { ...PERSON, endUser: END_USER } });
    expect(created.errors).toBeUndefined();
    expect(created.data.createConsumer.endUser).toEqual(END_USER);
    const read = await reseller.graphql<Json>('query ($id: ID!) { customer(id: $id) { consumer { endUser { name url email } } } }', { id: customer });
    expect(read.data.customer.consumer.endUser).toEqual({ name: END_USER.name, url: END_USER.url, email: null });
  });

  it("maps the provider's own 1201 to the same typed error when the gateway does not know it resells", async () => {
    const [customer] = await firstCustomers(unaware, 'MASTERCARD_US', 1);
    const answer = await unaware.graphql<Json>(CREATE, { customerId: customer, input: PERSON });
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      provider: 'MASTERCARD_US',
      providerStatus: 400,
      providerCode: '1201',
      field: 'input.endUser',
    });
  });

  it('takes no endUser for Mastercard AU consumers (documented for US resellers only)', async () => {
    const [au] = await firstCustomers(reseller, 'MASTERCARD_AU', 1);
    const answer = await reseller.graphql<Json>(CREATE, { customerId: au, input: { firstName: 'Olivia', lastName: 'Nguyen', phone: '0412 345 678', endUser: END_USER } });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endUser' });
  });
});
