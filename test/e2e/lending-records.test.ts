import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../support/gateway-harness.js';

/**
 * Consumers, businesses and authorization periods through the gateway over HTTP (Mastercard US
 * and AU simulators): validation before any call, the consumer/business ordering rule, CONFLICTs,
 * the derived authorization fields, and the AU differences.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- responses are walked freely in assertions

const DAY_MS = 86_400_000;
const CONSUMER_CREATE_ROUTE = 'POST /decisioning/v1/customers/:customerId/consumer';

let gateway: TestGateway;
let usCustomers: string[];
let auCustomer: string;

const gql = (query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<Json>> => gateway.graphql<Json>(query, variables);

async function stats(region: 'MASTERCARD_US' | 'MASTERCARD_AU'): Promise<Record<string, number>> {
  const body = (await (await fetch(`${gateway.sandbox!.simulators[region]!.url}/_sandbox/stats`)).json()) as { byRoute: Record<string, number> };
  return body.byRoute;
}

const CREATE_CONSUMER = `mutation ($customerId: ID!, $input: ConsumerInput!, $ssn: Ssn) {
  createConsumer(customerId: $customerId, input: $input, ssn: $ssn) { id firstName lastName state phone }
}`;
const CREATE_BUSINESS = 'mutation ($customerId: ID!, $input: BusinessInput!) { createBusiness(customerId: $customerId, input: $input) { id name personallyLiable address { city addressLine2 } phoneNumber { phoneNo } createdAt } }';
const BUSINESS = {
  name: 'ABC Tires Inc',
  personallyLiable: false,
  address: { addressLine1: '434 W Ascension Way', addressLine2: 'Suite #200', city: 'Murray', state: 'UT', country: 'US', postalCode: '84123' },
  phoneNumber: { countryCode: '1', phoneNo: '8042221111' },
  email: 'owner@example.com',
  type: 'LLC',
  taxId: 'A1234561Z',
};

beforeAll(async () => {
  gateway = await startTestGateway({ sandbox: { providers: { MASTERCARD_US: { reportDelayMs: 200 }, MASTERCARD_AU: { reportDelayMs: 200 } } } });
  const us = await gql('{ customers(provider: MASTERCARD_US, first: 6) { edges { node { id } } } }');
  usCustomers = us.data!.customers.edges.map((edge: Json) => edge.node.id);
  const au = await gql('{ customers(provider: MASTERCARD_AU, first: 1) { edges { node { id } } } }');
  auCustomer = au.data!.customers.edges[0].node.id;
});

afterAll(async () => {
  await gateway?.close();
});

describe('consumers', () => {
  it('validates before any call and names the field', async () => {
    const before = (await stats('MASTERCARD_US'))[CONSUMER_CREATE_ROUTE] ?? 0;
    const cases: Array<[Json, string | null, string]> = [
      [{ firstName: 'A', lastName: 'B', email: 'a@example.com', birthday: { year: 1990, month: 1, dayOfMonth: 2 } }, null, 'input.state'],
      [{ firstName: 'A', lastName: 'B', state: 'UT', email: 'a@example.com' }, null, 'input.birthday'],
      [{ firstName: 'A', lastName: 'B', state: 'UT', birthday: { year: 1990, month: 1, dayOfMonth: 2 } }, null, 'input.phone'],
      [{ firstName: 'A', lastName: 'B', state: 'UT', email: 'a@example.com', birthday: { year: 1990, month: 2, dayOfMonth: 30 } }, null, 'input.birthday'],
      [{ firstName: 'A', lastName: 'B', state: 'UT', email: 'a@example.com' }, '12345', 'ssn'],
      [{ firstName: 'A', lastName: 'B', state: 'UT', email: 'not-an-email', birthday: { year: 1990, month: 1, dayOfMonth: 2 } }, null, 'input.email'],
    ];
    for (const [input, ssn, field] of cases) {
      const answer = await gql(CREATE_CONSUMER, { customerId: usCustomers[1], input, ssn });
      expect(answer.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(answer.errors?.[0]?.message).not.toContain('12345');
    }
    expect((await stats('MASTERCARD_US'))[CONSUMER_CREATE_ROUTE] ?? 0).toBe(before);
  });

  it('creates with an SSN instead of a birthday, reads it back by customer and by id, and updates it', async () => {
    const created = await gql(CREATE_CONSUMER, {
      customerId: usCustomers[1],
      input: { firstName: 'Maria', lastName: 'Garcia', state: 'TX', phone: '1-801-555-1001' },
      ssn: '123-45-6789',
    });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createConsumer.id;
    const updated = await gql('mutation ($id: ID!) { updateConsumer(id: $id, input: { city: "Austin", email: "maria@example.com" }) { id city email lastName } }', { id });
    expect(updated.data!.updateConsumer).toEqual({ id, city: 'Austin', email: 'maria@example.com', lastName: 'Garcia' });
    const byId = await gql('query ($id: ID!) { consumer(id: $id) { id city customer { id } } node(id: $id) { ... on Consumer { state } } }', { id });
    expect(byId.data).toEqual({ consumer: { id, city: 'Austin', customer: { id: usCustomers[1] } }, node: { state: 'TX' } });
    expect(JSON.stringify([created, updated, byId])).not.toMatch(/6789/);
  });

  it('answers null for a customer without a consumer, and offers no delete', async () => {
    const answer = await gql('query ($id: ID!) { customer(id: $id) { consumer { id } } }', { id: usCustomers[5] });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.customer.consumer).toBeNull();
    const mutations = await gql('{ __type(name: "Mutation") { fields { name } } }');
    const names = mutations.data!.__type.fields.map((field: Json) => field.name);
    expect(names).toContain('createConsumer');
    expect(names.filter((name: string) => /consumer/i.test(name) && /delete|remove/i.test(name))).toEqual([]);
  });

  it('AU: names plus a phone are enough, and there is no SSN', async () => {
    const refused = await gql(CREATE_CONSUMER, { customerId: auCustomer, input: { firstName: 'Olivia', lastName: 'Nguyen', phone: '0412 345 678' }, ssn: '123456789' });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ssn' });
    expect(refused.errors?.[0]?.extensions).not.toHaveProperty('providerStatus'); // refused by the gateway, not upstream
    const created = await gql(CREATE_CONSUMER, { customerId: auCustomer, input: { firstName: 'Olivia', lastName: 'Nguyen', phone: '0412 345 678' } });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createConsumer).toMatchObject({ firstName: 'Olivia', state: null });
  });

  it('AU: generates VOI on the one versioned path the simulator accepts (issue 16, row 3)', async () => {
    const before = await stats('MASTERCARD_AU');
    const answer = await gql('mutation ($id: ID!) { generateVoiReport(customerId: $id) { type status } }', { id: auCustomer });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.generateVoiReport).toMatchObject({ type: 'VOI', status: 'IN_PROGRESS' });
    const after = await stats('MASTERCARD_AU');
    const route = 'POST /decisioning/v2/customers/:customerId/voi';
    expect((after[route] ?? 0) - (before[route] ?? 0)).toBe(1);
    const unversioned = await fetch(`${gateway.sandbox!.simulators.MASTERCARD_AU!.url}/decisioning/customers/1/voi`, { method: 'POST' });
    expect(unversioned.status).toBe(404);
  });
});

describe('businesses (Mastercard US)', () => {
  it('refuses a personally liable business before the consumer, saying what to create first', async () => {
    const answer = await gql(CREATE_BUSINESS, { customerId: usCustomers[2], input: { ...BUSINESS, personallyLiable: true } });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', provider: 'MASTERCARD_US', providerStatus: 409 });
    expect(answer.errors?.[0]?.message).toMatch(/consumer first/);
  });

  it('creates (one per customer), lists, reads and updates a business', async () => {
    const created = await gql(CREATE_BUSINESS, { customerId: usCustomers[2], input: BUSINESS });
    expect(created.errors).toBeUndefined();
    const business = created.data!.createBusiness;
    expect(business).toMatchObject({ name: 'ABC Tires Inc', personallyLiable: false, address: { city: 'Murray', addressLine2: 'Suite #200' } });
    expect(Number.isNaN(Date.parse(business.createdAt))).toBe(false);

    const second = await gql(CREATE_BUSINESS, { customerId: usCustomers[2], input: BUSINESS });
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
    expect(second.errors?.[0]?.message).toMatch(/already has a business/);

    const listed = await gql('query ($id: ID!) { customer(id: $id) { businesses { id name } } }', { id: usCustomers[2] });
    expect(listed.data!.customer.businesses).toEqual([{ id: business.id, name: 'ABC Tires Inc' }]);

    const updated = await gql(
      'mutation ($id: ID!) { updateBusiness(id: $id, input: { name: "ABC Tyres LLC", address: { city: "Provo" } }) { id name taxId address { city addressLine1 } } }',
      { id: business.id },
    );
    expect(updated.data!.updateBusiness).toEqual({ id: business.id, name: 'ABC Tyres LLC', taxId: 'A1234561Z', address: { city: 'Provo', addressLine1: '434 W Ascension Way' } });
    const read = await gql('query ($id: ID!) { business(id: $id) { name customer { id } } }', { id: business.id });
    expect(read.data!.business).toEqual({ name: 'ABC Tyres LLC', customer: { id: usCustomers[2] } });
  });

  it('creates a personally liable business once the consumer exists', async () => {
    const consumer = await gql(CREATE_CONSUMER, {
      customerId: usCustomers[3],
      input: { firstName: 'James', lastName: 'Johnson', state: 'OH', email: 'james@example.com', birthday: { year: 1980, month: 5, dayOfMonth: 4 } },
    });
    expect(consumer.errors).toBeUndefined();
    const business = await gql(CREATE_BUSINESS, { customerId: usCustomers[3], input: { ...BUSINESS, personallyLiable: true } });
    expect(business.errors).toBeUndefined();
    expect(business.data!.createBusiness.personallyLiable).toBe(true);
  });

  it('lists no business as an empty list, and validates before any call', async () => {
    const empty = await gql('query ($id: ID!) { customer(id: $id) { businesses { id } } }', { id: usCustomers[4] });
    expect(empty.data!.customer.businesses).toEqual([]);
    const invalid = await gql(CREATE_BUSINESS, { customerId: usCustomers[4], input: { ...BUSINESS, phoneNumber: { countryCode: '1', phoneNo: '12' } } });
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.phoneNumber.phoneNo' });
  });

  it('is US only', async () => {
    const answer = await gql('query ($id: ID!) { customer(id: $id) { businesses { id } } }', { id: auCustomer });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'UNSUPPORTED_BY_PROVIDER', provider: 'MASTERCARD_AU' });
  });
});

describe('authorization periods (Mastercard US)', () => {
  let loginId: string;
  const PERIOD = `query ($id: ID!, $login: ID!) { customer(id: $id) { authorizationPeriod(institutionLoginId: $login) {
    institutionLoginId startsAt endsAt expiresInDays isExpired isExpiringSoon } } }`;

  async function setPeriod(body: Json): Promise<void> {
    const url = `${gateway.sandbox!.simulators.MASTERCARD_US!.url}/_sandbox/mastercard/lending/authorization-details/${loginId}`;
    const response = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status).toBe(200);
  }

  beforeAll(async () => {
    const accounts = await gql('query ($id: ID!) { customer(id: $id) { accounts { edges { node { institutionLoginId } } } } }', { id: usCustomers[0] });
    loginId = accounts.data!.customer.accounts.edges[0].node.institutionLoginId;
  });

  it('derives expiresInDays and isExpiringSoon from the request clock', async () => {
    const start = new Date(Date.now() - 300 * DAY_MS).toISOString();
    await setPeriod({ authorizationStartDate: start, authorizationEndDate: new Date(Date.now() + 10.5 * DAY_MS).toISOString() });
    const soon = await gql(PERIOD, { id: usCustomers[0], login: loginId });
    expect(soon.errors).toBeUndefined();
    expect(soon.data!.customer.authorizationPeriod).toMatchObject({ institutionLoginId: loginId, expiresInDays: 10, isExpired: false, isExpiringSoon: true });

    await setPeriod({ authorizationStartDate: start, authorizationEndDate: new Date(Date.now() + 90.5 * DAY_MS).toISOString() });
    const later = await gql(PERIOD, { id: usCustomers[0], login: loginId });
    expect(later.data!.customer.authorizationPeriod).toMatchObject({ expiresInDays: 90, isExpiringSoon: false });

    await setPeriod({ authorizationStartDate: start, authorizationEndDate: new Date(Date.now() - 1.5 * DAY_MS).toISOString() });
    const ended = await gql(PERIOD, { id: usCustomers[0], login: loginId });
    expect(ended.data!.customer.authorizationPeriod).toMatchObject({ expiresInDays: -2, isExpired: true, isExpiringSoon: false });
  });

  it('answers null when the provider holds no period (3004), NOT_FOUND for another customer\'s login', async () => {
    await setPeriod({ detailsFound: false });
    const none = await gql(PERIOD, { id: usCustomers[0], login: loginId });
    expect(none.errors).toBeUndefined();
    expect(none.data!.customer.authorizationPeriod).toBeNull();
    const foreign = await gql(PERIOD, { id: usCustomers[1], login: loginId });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('report preconditions (Mastercard US)', () => {
  it('refuses a VOA report before the consumer exists, saying what to create first', async () => {
    const answer = await gql('mutation ($id: ID!) { generateVoaReport(customerId: $id) { id } }', { id: usCustomers[5] });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', providerStatus: 404, providerCode: '10100' });
    expect(answer.errors?.[0]?.message).toMatch(/consumer first/);
  });
});

describe('reports in Australia (v4 paths, no personal cash flow)', () => {
  it('generates a VOA report and reads its assets once finished', async () => {
    const generated = await gql('mutation ($id: ID!) { generateVoaReport(customerId: $id) { id status type } }', { id: auCustomer });
    expect(generated.errors).toBeUndefined();
    const id = generated.data!.generateVoaReport.id;
    const deadline = Date.now() + 10_000;
    let answer: GraphQLResponse<Json>;
    for (;;) {
      answer = await gql('query ($id: ID!) { report(id: $id) { status currency ... on VoaReport { assets { currentBalance sixMonthAverage } } } }', { id });
      if (answer.data?.report?.status === 'SUCCESS' && answer.errors === undefined) break;
      if (Date.now() > deadline) throw new Error(JSON.stringify(answer));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(answer.data!.report.currency).toBe('AUD');
    expect(answer.data!.report.assets.currentBalance).toMatch(/^-?\d+(\.\d+)?$/);
    expect((await stats('MASTERCARD_AU'))['GET /decisioning/v4/customers/:customerId/reports/:reportId']).toBeGreaterThan(0);
  });

  it('refuses a personal cash-flow report as unsupported', async () => {
    const answer = await gql('mutation ($id: ID!) { generateCashFlowReport(customerId: $id, input: { kind: PERSONAL }) { id } }', { id: auCustomer });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'UNSUPPORTED_BY_PROVIDER', provider: 'MASTERCARD_AU' });
  });
});
