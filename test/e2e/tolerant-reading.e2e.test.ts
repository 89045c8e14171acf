import { afterEach, describe, expect, it } from 'vitest';
import { counterValue } from '../support/sandbox-deps.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { startRewritingProxy, type JsonRewrite, type RewritingProxy } from '../support/rewriting-proxy.js';

/**
 * Issue 9, item 2 end to end: a Mastercard page with odd records, served by a proxy on port 0 in
 * front of the Mastercard US simulator, reaches the caller with every other record intact and the
 * problems in `extensions.warnings` and gateway_provider_data_warnings_total.
 */
interface TransactionsAnswer {
  customer: {
    transactions: {
      totalCount: number | null;
      edges: Array<{ node: { providerId: string; status: string; providerStatus: string | null; postedAt: string | null } }>;
    } | null;
  } | null;
}

const TRANSACTIONS = `query ($id: ID!) {
  customer(id: $id) {
    transactions(first: 100) { totalCount edges { node { providerId status providerStatus postedAt } } }
  }
}`;

interface Warning {
  path: Array<string | number> | null;
  provider: string;
  operation: string;
  field: string;
  kind: string;
  count: number;
}

let base: TestGateway | undefined;
let gateway: TestGateway | undefined;
let proxy: RewritingProxy | undefined;
afterEach(async () => {
  await gateway?.close();
  await proxy?.close();
  await base?.close();
  gateway = base = proxy = undefined;
});

/** The sandbox, a proxy in front of its Mastercard US simulator, and a gateway talking to the proxy. */
async function gatewayBehind(rewrite: JsonRewrite): Promise<{ base: TestGateway; gateway: TestGateway }> {
  base = await startTestGateway();
  const endpoints = base.sandbox!.endpoints;
  proxy = await startRewritingProxy(endpoints.MASTERCARD_US!.baseUrl, rewrite);
  gateway = await startTestGateway({ endpoints: { ...endpoints, MASTERCARD_US: { ...endpoints.MASTERCARD_US!, baseUrl: proxy.url } } });
  return { base, gateway };
}

/** A US customer with a few transactions in the default window, read straight from the sandbox. */
async function customerWithTransactions(running: TestGateway): Promise<{ id: string; answer: TransactionsAnswer }> {
  const list = await running.graphql<{ customers: { edges: Array<{ node: { id: string } }> } }>(
    '{ customers(provider: MASTERCARD_US, first: 20) { edges { node { id } } } }',
  );
  for (const { node } of list.data!.customers.edges) {
    const answer = await running.graphql<TransactionsAnswer>(TRANSACTIONS, { id: node.id });
    if ((answer.data?.customer?.transactions?.edges.length ?? 0) >= 3) return { id: node.id, answer: answer.data! };
  }
  throw new Error('no sandbox customer with transactions');
}

type Json = Record<string, unknown>;
const transactionsPage = (path: string, body: unknown): Json[] | undefined =>
  path.endsWith('/transactions') && Array.isArray((body as Json).transactions) ? ((body as Json).transactions as Json[]) : undefined;

describe('tolerant reading of a provider page (issue 9, item 2)', () => {
  it('keeps a transaction with status "posted" as OTHER with providerStatus, and every other one intact', async () => {
    let oddId: string | undefined;
    const running = await gatewayBehind((path, body) => {
      const records = transactionsPage(path, body);
      if (records?.[1]) {
        records[1].status = 'posted';
        oddId = String(records[1].id);
      }
      return body;
    });
    const { id, answer: expected } = await customerWithTransactions(running.base);

    const answer = await running.gateway.graphql<TransactionsAnswer>(TRANSACTIONS, { id });
    expect(answer.errors).toBeUndefined();
    const edges = answer.data!.customer!.transactions!.edges;
    const wanted = expected.customer!.transactions!.edges;
    expect(edges).toHaveLength(wanted.length);
    const odd = edges.find((edge) => edge.node.providerId === oddId)!;
    expect(odd.node).toMatchObject({ status: 'OTHER', providerStatus: 'posted' });
    // Every other record exactly as the simulator's own answer has it.
    expect(edges.filter((edge) => edge !== odd)).toEqual(wanted.filter((edge) => edge.node.providerId !== oddId));

    const warnings = answer.extensions?.warnings as Warning[];
    expect(warnings).toEqual([
      {
        path: ['customer', 'transactions'],
        provider: 'MASTERCARD_US',
        operation: 'transactions.customer',
        field: 'status',
        kind: 'unknown_enum',
        count: 1,
      },
    ]);
    expect(JSON.stringify(answer.extensions)).not.toContain('posted');
    expect(
      await counterValue(running.gateway.metrics, 'gateway_provider_data_warnings_total', {
        provider: 'MASTERCARD_US',
        operation: 'transactions.customer',
        kind: 'unknown_enum',
      }),
    ).toBe(1);
  });

  it('leaves out a record without an id, nulls a date that is not a date, and counts both', async () => {
    let undatedId: string | undefined;
    let droppedId: string | undefined;
    const running = await gatewayBehind((path, body) => {
      const records = transactionsPage(path, body);
      // The first answer only: a keyset page may read a second window to finish a timestamp it ends on.
      if (records && records.length >= 3 && droppedId === undefined) {
        droppedId = String(records[0]!.id);
        delete records[0]!.id;
        undatedId = String(records[2]!.id);
        records[2]!.postedDate = 'yesterday';
      }
      return body;
    });
    const { id, answer: expected } = await customerWithTransactions(running.base);

    const answer = await running.gateway.graphql<TransactionsAnswer>(TRANSACTIONS, { id });
    expect(answer.errors).toBeUndefined();
    const edges = answer.data!.customer!.transactions!.edges;
    const wanted = expected.customer!.transactions!.edges.filter((edge) => edge.node.providerId !== droppedId);
    // A keyset page is filled past the record left out (stable paging, issue 15): one more row than `wanted`.
    expect(edges).toHaveLength(Math.min(100, wanted.length + 1));
    expect(edges.find((edge) => edge.node.providerId === undatedId)!.node.postedAt).toBeNull();
    const others = wanted.filter((edge) => edge.node.providerId !== undatedId);
    expect(edges.filter((edge) => edge.node.providerId !== undatedId).slice(0, others.length)).toEqual(others);
    const warnings = answer.extensions?.warnings as Warning[];
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ provider: 'MASTERCARD_US', field: 'id', kind: 'missing_id', count: 1 }),
        expect.objectContaining({ provider: 'MASTERCARD_US', field: 'postedDate', kind: 'unparsable', count: 1 }),
      ]),
    );
    expect(warnings).toHaveLength(2);
    expect(JSON.stringify(warnings)).not.toContain('yesterday');
    expect(await counterValue(running.gateway.metrics, 'gateway_provider_data_warnings_total', { kind: 'missing_id' })).toBe(1);
    expect(await counterValue(running.gateway.metrics, 'gateway_provider_data_warnings_total', { kind: 'unparsable' })).toBe(1);
  });

  it('pages on after a record left out, without showing any record twice (Page.span)', async () => {
    let targetId: string | undefined;
    const running = await gatewayBehind((path, body) => {
      for (const record of transactionsPage(path, body) ?? []) if (String(record.id) === targetId) delete record.id;
      return body;
    });
    const { id } = await customerWithTransactions(running.base);
    // One fixed window for both reads, inside one 1000-record page (the default window is the provider's 180 days).
    const window = `filter: { from: "${new Date(Date.now() - 90 * 86_400_000).toISOString()}" }`;
    const all = await running.base.graphql<TransactionsAnswer>(TRANSACTIONS.replace('first: 100', `first: 1000, ${window}`), { id });
    const wanted = all.data!.customer!.transactions!.edges.map((edge) => edge.node.providerId);
    targetId = wanted[2];

    const PAGE = `query ($id: ID!, $after: String) {
      customer(id: $id) { transactions(first: 25, after: $after, ${window}) { edges { node { providerId } } pageInfo { hasNextPage endCursor } } }
    }`;
    type PageAnswer = {
      customer: { transactions: { edges: Array<{ node: { providerId: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    };
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages += 1) {
      const answer: Awaited<ReturnType<typeof running.gateway.graphql<PageAnswer>>> = await running.gateway.graphql<PageAnswer>(PAGE, { id, after });
      expect(answer.errors).toBeUndefined();
      const connection = answer.data!.customer.transactions;
      seen.push(...connection.edges.map((edge) => edge.node.providerId));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(wanted.filter((providerId) => providerId !== targetId));
  });

  it('still fails the call when the envelope itself is not the documented shape', async () => {
    const running = await gatewayBehind((path, body) => (transactionsPage(path, body) ? { transactions: 'not a list' } : body));
    const { id } = await customerWithTransactions(running.base);
    const answer = await running.gateway.graphql<TransactionsAnswer>(TRANSACTIONS, { id });
    expect(answer.errors?.[0]).toMatchObject({ path: ['customer', 'transactions'], extensions: { code: 'PROVIDER_UNAVAILABLE', provider: 'MASTERCARD_US' } });
    expect(answer.extensions?.warnings).toBeUndefined();
  });
});
