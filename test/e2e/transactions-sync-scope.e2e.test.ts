import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/security/api-keys.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

const SYNC = `query Sync($cursor: String, $scope: TransactionsSyncScope, $limit: Int) {
  transactionsSync(cursor: $cursor, scope: $scope, limit: $limit) {
    added { customerId transaction { id provider } }
    modified { transaction { id } }
    removed { id }
    nextCursor hasMore fetchedAt
  }
}`;

interface Page {
  added: Array<{ customerId: string | null; transaction: { id: string; provider: string } }>;
  modified: unknown[];
  removed: unknown[];
  nextCursor: string;
  hasMore: boolean;
  fetchedAt: string | null;
}

describe('transactionsSync scope, callers and paging (issue 15)', () => {
  let gateway: TestGateway;
  let dir: string;
  const limitedKey = `bi_${randomUUID()}`;
  const limited = { headers: { 'x-api-key': limitedKey } };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sync-keys-'));
    const keysFile = join(dir, 'keys.json');
    await writeFile(keysFile, JSON.stringify([{ id: 'bi-limited', sha256: sha256Hex(limitedKey), scopes: ['read'], providers: ['OBP', 'CAIBO_IPG'] }]));
    gateway = await startTestGateway({ env: { API_KEYS_FILE: keysFile, REQUEST_DEADLINE_MS: '90000' } });
  }, 60_000);
  afterAll(async () => {
    await gateway?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('syncs only the providers a caller may use, and refuses naming another', async () => {
    const answer = await gateway.graphql<{ transactionsSync: Page }>(SYNC, { limit: 500 }, limited);
    expect(answer.errors ?? []).toEqual([]);
    const providers = new Set(answer.data!.transactionsSync.added.map((row) => row.transaction.provider));
    expect([...providers].sort()).toEqual(['CAIBO_IPG', 'OBP']);
    const refused = await gateway.graphql(SYNC, { scope: { providers: ['MASTERCARD_US'] } }, limited);
    expect(refused.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  }, 90_000);

  it('narrows to a customer, binds the cursor to that scope, and pages without repeating or skipping a row', async () => {
    const customers = await gateway.graphql<{ customers: { edges: Array<{ node: { id: string } }> } }>('{ customers(provider: MASTERCARD_US, first: 1) { edges { node { id } } } }');
    const customer = customers.data!.customers.edges[0]!.node.id;
    const scope = { customers: [customer] };
    const pull = async (limit: number) => {
      const rows: Page['added'] = [];
      let cursor: string | null = null;
      let pages = 0;
      for (let more = true; more; pages += 1) {
        const answer: { data?: { transactionsSync: Page } | null; errors?: unknown[] } = await gateway.graphql<{ transactionsSync: Page }>(SYNC, { scope, cursor, limit });
        expect(answer.errors ?? []).toEqual([]);
        const page = answer.data!.transactionsSync;
        expect(page.added.length).toBeLessThanOrEqual(limit);
        expect(page.fetchedAt).not.toBeNull();
        rows.push(...page.added);
        cursor = page.nextCursor;
        more = page.hasMore;
      }
      return { rows, cursor: cursor!, pages };
    };
    const whole = await pull(500);
    expect(new Set(whole.rows.map((row) => row.customerId))).toEqual(new Set([customer]));
    // The same scope from the start again, 50 rows at a time: the same rows, each once, in order.
    const paged = await pull(50);
    expect(paged.pages).toBeGreaterThan(2);
    expect(paged.rows.map((row) => row.transaction.id)).toEqual(whole.rows.map((row) => row.transaction.id));
    const cursor = paged.cursor;

    const other = await gateway.graphql(SYNC, { cursor, scope: { providers: ['MASTERCARD_US'] } });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cursor' });
    const bad = await gateway.graphql(SYNC, { scope: { customers: ['not-an-id'] } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scope.customers[0]' });
    const tooMany = await gateway.graphql(SYNC, { limit: 501 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
  }, 90_000);

  it('keeps cursors across a restart on the same store, and refuses them on another store', async () => {
    const storeDir = await mkdtemp(join(tmpdir(), 'sync-restart-'));
    const scope = { providers: ['CAIBO_IPG'] };
    try {
      const first = await startTestGateway({ env: { TRANSACTION_STORE_DIR: storeDir } });
      const before = (await first.graphql<{ transactionsSync: Page }>(SYNC, { scope, limit: 500 })).data!.transactionsSync;
      await first.close();
      expect(before.added.length).toBeGreaterThan(5);

      const second = await startTestGateway({ env: { TRANSACTION_STORE_DIR: storeDir } });
      try {
        const after = await second.graphql<{ transactionsSync: Page }>(SYNC, { scope, cursor: before.nextCursor });
        expect(after.errors ?? []).toEqual([]);
        expect(after.data!.transactionsSync).toMatchObject({ added: [], modified: [], removed: [], hasMore: false });
      } finally {
        await second.close();
      }
      const elsewhere = await gateway.graphql(SYNC, { scope, cursor: before.nextCursor });
      expect(elsewhere.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cursor' });
    } finally {
      await rm(storeDir, { recursive: true, force: true });
    }
  }, 90_000);

  it('answers a store that cannot be opened as INTERNAL, retryable, without its path, on every call', async () => {
    const storeDir = await mkdtemp(join(tmpdir(), 'sync-broken-'));
    const plainFile = join(storeDir, 'not-a-directory');
    await writeFile(plainFile, 'x');
    const broken = await startTestGateway({ env: { TRANSACTION_STORE_DIR: join(plainFile, 'store') } });
    try {
      for (let call = 0; call < 2; call += 1) {
        const answer = await broken.graphql(SYNC, { scope: { providers: ['CAIBO_IPG'] } });
        expect(answer.data?.transactionsSync ?? null).toBeNull();
        expect(answer.errors).toHaveLength(1);
        expect(answer.errors![0]!.extensions).toMatchObject({ code: 'INTERNAL', retryable: true });
        expect(answer.errors![0]!.message).toMatch(/transaction store could not be opened/);
        expect(answer.errors![0]!.message).not.toContain(storeDir);
      }
    } finally {
      await broken.close();
      await rm(storeDir, { recursive: true, force: true });
    }
  }, 60_000);
});
