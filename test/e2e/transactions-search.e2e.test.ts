import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId, ref } from '../../src/domain/global-id.js';
import { CAIBO_SEED_CUSTOMER_IDS } from '../../src/sandbox/caibo/index.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-all.js';
import { startFaultyProxy, type FaultyProxy } from '../support/faulty-proxy.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../support/gateway-harness.js';

/**
 * The top-level `transactions` (issue 15, item 3) over HTTP against the simulators: every provider
 * merged in one order, filters, keyset paging, partial results per provider and the cost budget.
 */
interface Row {
  id: string;
  provider: string;
  providerId: string;
  amount: { amount: string };
  status: string;
  description: string | null;
  payee: string | null;
  memo: string | null;
  postedAt: string | null;
  transactedAt: string | null;
}
interface Answer {
  transactions: {
    edges: Array<{ cursor: string; node: Row }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    providerErrors: Array<{ provider: string; customerId: string | null; code: string; retryable: boolean }>;
  } | null;
}
const SEARCH = `query ($filter: TransactionSearchFilter, $first: Int, $after: String) {
  transactions(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id provider providerId amount { amount } status description payee memo postedAt transactedAt } }
    pageInfo { hasNextPage endCursor }
    providerErrors { provider customerId code retryable }
  }
}`;

const time = (row: Row): number => Date.parse(row.postedAt ?? row.transactedAt ?? '1970-01-01T00:00:00Z');
const cents = (amount: string): bigint => {
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const value = BigInt(whole + fraction.padEnd(4, '0').slice(0, 4));
  return amount.startsWith('-') ? -value : value;
};
const from = new Date(Date.now() - 7 * 86_400_000).toISOString();

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(async () => {
  await gateway?.close();
});

async function search(variables: Record<string, unknown>): Promise<GraphQLResponse<Answer>> {
  return gateway.graphql<Answer>(SEARCH, variables);
}

describe('transactions across customers and providers', () => {
  it('merges every provider newest first, names Caibo (no customer list), and pages without repeats', async () => {
    const all = await search({ filter: { from }, first: 1000 });
    expect(all.errors).toBeUndefined();
    expect(all.data!.transactions!.pageInfo.hasNextPage).toBe(false);

    const rows = all.data!.transactions!.edges.map((edge) => edge.node);
    expect(new Set(rows.map((row) => row.provider))).toEqual(new Set(['MASTERCARD_AU', 'MASTERCARD_US', 'OBP']));
    expect(all.data!.transactions!.providerErrors).toEqual([{ provider: 'CAIBO_IPG', customerId: null, code: 'UNSUPPORTED_BY_PROVIDER', retryable: false }]);
    for (let index = 1; index < rows.length; index += 1) expect(time(rows[index - 1]!)).toBeGreaterThanOrEqual(time(rows[index]!));
    for (const row of rows) expect(time(row)).toBeGreaterThanOrEqual(Date.parse(from));

    const paged: Row[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages += 1) {
      const page: GraphQLResponse<Answer> = await search({ filter: { from }, first: 150, after });
      expect(page.errors).toBeUndefined();
      paged.push(...page.data!.transactions!.edges.map((edge) => edge.node));
      if (!page.data!.transactions!.pageInfo.hasNextPage) break;
      after = page.data!.transactions!.pageInfo.endCursor;
    }
    expect(paged.map((row) => row.id)).toEqual(rows.map((row) => row.id));
  });

  it('filters by amount range exactly, text, statuses, providers and named customers (Caibo included)', async () => {
    const ranged = await search({ filter: { from, minAmount: '-50.00', maxAmount: '-10' }, first: 1000 });
    expect(ranged.errors).toBeUndefined();
    const amounts = ranged.data!.transactions!.edges.map((edge) => cents(edge.node.amount.amount));
    expect(amounts.length).toBeGreaterThan(0);
    for (const amount of amounts) expect(amount >= -500_000n && amount <= -100_000n).toBe(true);

    const all = (await search({ filter: { from }, first: 1000 })).data!.transactions!.edges.map((edge) => edge.node);
    const word = (all.find((row) => (row.description ?? '').length > 4)!.description ?? '').slice(0, 4);
    const texted = await search({ filter: { from, text: word.toUpperCase() }, first: 1000 });
    const expected = all.filter((row) => [row.description, row.payee, row.memo].some((value) => value?.toLowerCase().includes(word.toLowerCase())));
    expect(texted.data!.transactions!.edges.map((edge) => edge.node.id)).toEqual(expected.map((row) => row.id));

    const posted = await search({ filter: { from, statuses: ['PENDING'], providers: ['MASTERCARD_US'] }, first: 1000 });
    const pending = posted.data!.transactions!.edges.map((edge) => edge.node);
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((row) => row.status === 'PENDING' && row.provider === 'MASTERCARD_US')).toBe(true);
    expect(posted.data!.transactions!.providerErrors).toEqual([]);

    const caibo = encodeGlobalId(ref('CAIBO_IPG', 'Customer', String(CAIBO_SEED_CUSTOMER_IDS.janeDoe)));
    const named = await search({ filter: { customers: [caibo], from: '2000-01-01T00:00:00Z' }, first: 100 });
    expect(named.errors).toBeUndefined();
    expect(named.data!.transactions!.edges.length).toBeGreaterThan(0);
    expect(named.data!.transactions!.edges.every((edge) => edge.node.provider === 'CAIBO_IPG')).toBe(true);
    expect(named.data!.transactions!.providerErrors).toEqual([]);
  });

  it('writes every provider amount in one form: at least the currency minor units, no float noise (Money.amount)', async () => {
    const answer = await gateway.graphql<{ transactions: { edges: Array<{ node: { provider: string; amount: { amount: string; currency: string } } }> } }>(
      'query($from: DateTime) { transactions(filter: { from: $from }, first: 1000) { edges { node { provider amount { amount currency } } } } }',
      { from },
    );
    const nodes = answer.data!.transactions.edges.map((edge) => edge.node);
    expect(new Set(nodes.map((node) => node.provider))).toEqual(new Set(['MASTERCARD_AU', 'MASTERCARD_US', 'OBP']));
    // ISO 4217 minor units of the simulators' currencies: 2, except these.
    const minor = (currency: string) => (({ JPY: 0, KRW: 0, KWD: 3, BHD: 3 }) as Record<string, number>)[currency] ?? 2;
    const form = (digits: number) => new RegExp(`^-?(0|[1-9]\\d*)${digits === 0 ? '(\\.\\d*[1-9])?' : `\\.\\d{${digits}}(\\d*[1-9])?`}$`);
    const odd = nodes.filter(({ amount }) => !form(minor(amount.currency)).test(amount.amount));
    // Before: Mastercard's JSON numbers came out as "-56.4" and "-50" beside OBP's "-50.00".
    expect(odd.map((node) => `${node.provider} ${node.amount.amount} ${node.amount.currency}`)).toEqual([]);
  });

  it('refuses bad input with a typed error naming the field', async () => {
    const inverted = await search({ filter: { minAmount: '10', maxAmount: '9.99' } });
    expect(inverted.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.minAmount' });
    const foreign = await search({ filter: { customers: ['bm90LWFuLWlk'] } });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.customers' });
    const float = await gateway.graphql('{ transactions(filter: { minAmount: 1.5 }) { edges { cursor } } }');
    expect(float.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a huge fan-out on the cost budget before any provider call', async () => {
    const before = JSON.stringify(Object.values(gateway.sandbox!.simulators).map((simulator) => simulator.stats?.()));
    const aliases = ['a', 'b', 'c'].map((alias) => `${alias}: transactions(first: 10) { edges { cursor } }`).join(' ');
    const refused = await gateway.graphql(`{ ${aliases} }`);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(JSON.stringify(Object.values(gateway.sandbox!.simulators).map((simulator) => simulator.stats?.()))).toBe(before);
  });
});

describe('a failing provider in the top-level transactions', () => {
  let sandbox: RunningSandbox;
  let proxy: FaultyProxy;
  let faulty: TestGateway;
  beforeAll(async () => {
    sandbox = await startSandbox();
    const us = sandbox.endpoints.MASTERCARD_US!;
    proxy = await startFaultyProxy(us.baseUrl, (method, path) =>
      method === 'GET' && path.includes('/transactions') ? { status: 503, body: JSON.stringify({ code: 503, message: 'Service unavailable' }) } : null,
    );
    faulty = await startTestGateway({ endpoints: { ...sandbox.endpoints, MASTERCARD_US: { ...us, baseUrl: proxy.url } } });
  });
  afterAll(async () => {
    await faulty?.close();
    await proxy?.close();
    await sandbox?.close();
  });

  it('names it in providerErrors and errors; the other providers arrive', async () => {
    const answer = await faulty.graphql<Answer>(SEARCH, { filter: { from }, first: 200 });
    expect(new Set(answer.data!.transactions!.edges.map((edge) => edge.node.provider))).toEqual(new Set(['MASTERCARD_AU', 'OBP']));
    expect(answer.data!.transactions!.providerErrors.map((error) => error.provider)).toEqual(['MASTERCARD_US', 'CAIBO_IPG']);
    // Every US customer failed: the fault is the provider's, so one entry that names no customer.
    expect(answer.data!.transactions!.providerErrors[0]!.customerId).toBeNull();
    expect(answer.errors?.map((error) => [error.path, error.extensions.provider])).toEqual([[['transactions'], 'MASTERCARD_US']]);
  });
});

describe('one failing customer in the top-level transactions', () => {
  let sandbox: RunningSandbox;
  let proxy: FaultyProxy;
  let faulty: TestGateway;
  let failing = '';
  beforeAll(async () => {
    sandbox = await startSandbox();
    const us = sandbox.endpoints.MASTERCARD_US!;
    proxy = await startFaultyProxy(us.baseUrl, (method, path) =>
      failing !== '' && method === 'GET' && path.includes(`/customers/${failing}/transactions`)
        ? { status: 503, body: JSON.stringify({ code: 503, message: 'Service unavailable' }) }
        : null,
    );
    faulty = await startTestGateway({ endpoints: { ...sandbox.endpoints, MASTERCARD_US: { ...us, baseUrl: proxy.url } } });
  });
  afterAll(async () => {
    await faulty?.close();
    await proxy?.close();
    await sandbox?.close();
  });

  it('names that customer in providerErrors.customerId and errors[].extensions.customerId; its siblings arrive', async () => {
    const listed = await faulty.graphql<{ customers: { edges: Array<{ node: { id: string; providerId: string } }> } }>(
      '{ customers(provider: MASTERCARD_US, first: 2) { edges { node { id providerId } } } }',
    );
    const [bad, good] = listed.data!.customers.edges.map((edge) => edge.node);
    failing = bad!.providerId;
    const answer = await faulty.graphql<Answer>(SEARCH, { filter: { from: '2000-01-01T00:00:00Z', customers: [bad!.id, good!.id] }, first: 200 });
    expect(answer.data!.transactions!.edges.length).toBeGreaterThan(0);
    expect(answer.data!.transactions!.providerErrors).toEqual([{ provider: 'MASTERCARD_US', customerId: bad!.id, code: 'PROVIDER_UNAVAILABLE', retryable: true }]);
    expect(answer.errors?.map((error) => [error.path, error.extensions.code, error.extensions.customerId])).toEqual([[['transactions'], 'PROVIDER_UNAVAILABLE', bad!.id]]);
  });
});
