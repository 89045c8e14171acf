import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/**
 * Issue 15's drift case over HTTP: page 1 of a customer's transactions, then a new institution is
 * connected for that customer through the AU simulator's `/_sandbox/connect` (new accounts with
 * transactions across the whole window, so older ones too), then paging on. Keyset cursors
 * (src/domain/keyset.ts) give no duplicate and lose no row of a fresh pull made before the change,
 * in both sort orders. With offset cursors this repeated and skipped dozens of rows.
 */
let gateway: TestGateway;
const clock = { ms: Date.now() };
beforeAll(async () => {
  gateway = await startTestGateway({ sandbox: { now: () => clock.ms } });
});
afterAll(async () => {
  await gateway?.close();
});

interface Row {
  id: string;
  postedAt: string | null;
}
interface PageAnswer {
  customer: { transactions: { edges: Array<{ cursor: string; node: Row }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null } | null;
}
const PAGE = `query ($id: ID!, $first: Int, $after: String, $filter: TransactionFilter) {
  customer(id: $id) { transactions(first: $first, after: $after, filter: $filter) { edges { cursor node { id postedAt } } pageInfo { hasNextPage endCursor } } }
}`;

async function connect(customerProviderId: string, institutionId: string, profile: string): Promise<void> {
  const answer = await fetch(`${gateway.sandbox!.simulators.MASTERCARD_AU!.url}/_sandbox/connect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ customerId: customerProviderId, institutionId, profile }),
  });
  expect(answer.status).toBe(201);
  // Past the AU simulator's first-aggregation delay (325/5006 until then).
  clock.ms += 120_000;
}

async function page(id: string, sort: 'asc' | 'desc', first: number, after: string | null) {
  const answer = await gateway.graphql<PageAnswer>(PAGE, { id, first, after, filter: { sort } });
  expect(answer.errors).toBeUndefined();
  return answer.data!.customer!.transactions!;
}

async function pullAll(id: string, sort: 'asc' | 'desc', first: number, after: string | null = null): Promise<Row[]> {
  const rows: Row[] = [];
  for (let pages = 0; pages < 200; pages += 1) {
    const connection = await page(id, sort, first, after);
    rows.push(...connection.edges.map((edge) => edge.node));
    if (!connection.pageInfo.hasNextPage) return rows;
    after = connection.pageInfo.endCursor;
  }
  throw new Error('more than 200 pages');
}

describe.each(['desc', 'asc'] as const)('paging a customer while an institution is connected (%s)', (sort) => {
  it('neither duplicates nor drops a row of the pull made before the change', async () => {
    const created = await gateway.graphql<{ createCustomer: { id: string; providerId: string } | null }>(
      'mutation ($u: String!) { createCustomer(input: { provider: MASTERCARD_AU, username: $u, firstName: "Drift", lastName: "Case" }) { id providerId } }',
      { u: `drift-${sort}-${process.pid}` },
    );
    const customer = created.data!.createCustomer!;
    await connect(customer.providerId, '200003', 'profile_4110');

    const before = await pullAll(customer.id, sort, 1000);
    expect(before.length).toBeGreaterThan(60);
    const first = await page(customer.id, sort, 25, null);
    expect(first.edges.map((edge) => edge.node.id)).toEqual(before.slice(0, 25).map((row) => row.id));

    await connect(customer.providerId, '2002120', 'profile_4117');
    const after = await pullAll(customer.id, sort, 1000);
    expect(after.length).toBeGreaterThan(before.length);

    const rest = await pullAll(customer.id, sort, 25, first.pageInfo.endCursor);
    const seen = [...first.edges.map((edge) => edge.node), ...rest].map((row) => row.id);
    expect(new Set(seen).size).toBe(seen.length);
    const missing = before.filter((row) => !seen.includes(row.id));
    expect(missing).toEqual([]);
    // What joined is exactly the new rows after page 1's position, in the order of a fresh pull.
    const afterPage1 = after.slice(after.findIndex((row) => row.id === first.edges.at(-1)!.node.id) + 1).map((row) => row.id);
    expect(rest.map((row) => row.id)).toEqual(afterPage1);
  });
});

describe('transaction cursors', () => {
  it('refuse another filter or sort, and resume exactly from a middle edge', async () => {
    const list = await gateway.graphql<{ customers: { edges: Array<{ node: { id: string } }> } }>('{ customers(provider: MASTERCARD_AU, first: 5) { edges { node { id } } } }');
    const id = list.data!.customers.edges[0]!.node.id;
    const first = await page(id, 'desc', 10, null);
    expect(first.edges.length).toBe(10);
    const other = await gateway.graphql<PageAnswer>(PAGE, { id, first: 10, after: first.pageInfo.endCursor, filter: { sort: 'asc' } });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const narrowed = await gateway.graphql<PageAnswer>(PAGE, { id, first: 10, after: first.pageInfo.endCursor, filter: { statuses: ['POSTED'] } });
    expect(narrowed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const forged = await gateway.graphql<PageAnswer>(PAGE, { id, first: 10, after: 'bm90LWEtY3Vyc29y', filter: { sort: 'desc' } });
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });

    const middle = await page(id, 'desc', 5, first.edges[4]!.cursor);
    expect(middle.edges.map((edge) => edge.node.id)).toEqual(first.edges.slice(5).map((edge) => edge.node.id));
  });
});
