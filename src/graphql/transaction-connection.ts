import { keyOfTransaction, readKeysetPage, type KeysetPage } from '../domain/keyset.js';
import type { Page, PageRequest, Transaction, TransactionQuery } from '../domain/model.js';
import { PAGE_LIMITS } from '../domain/paging.js';
import type { ProviderKey } from '../domain/provider.js';
import type { GatewayContext } from './context.js';
import { pageRequestOf } from './cursor.js';
import { providerTransactionQuery } from './transaction-filter.js';
import { decodeTransactionCursor, encodeTransactionCursor, filterFingerprint, type TransactionCursor } from './transaction-cursor.js';
import type { ConnectionShape, EdgeShape } from './types/connection.js';
import type { TransactionFilter } from './types/inputs.js';

export interface TransactionListArgs {
  first?: number | null;
  after?: string | null;
  filter?: TransactionFilter | null;
}

/** Where a keyset page starts: the page size, the decoded cursor (null on a first page) and the fingerprint (computed on first read). */
export interface KeysetStart {
  limit: number;
  fingerprint: string;
  cursor: TransactionCursor | null;
}

/**
 * Validates `first`/`after` of a transaction list named `list` (a parent's global id, or the root
 * field plus its scope). BAD_USER_INPUT for a bad `first`, a foreign cursor, or a cursor issued for
 * another list, filter or sort.
 */
export function keysetStart(list: string, args: TransactionListArgs, extraFilter: unknown = null): KeysetStart {
  const { limit } = pageRequestOf(args.first, null);
  // The fingerprint (a canonical JSON of the filter and its hash) is needed to read an `after` cursor
  // or to issue one; a first page whose cursors nobody selects never computes it (issue 17 profile).
  let fingerprint: string | undefined;
  const fingerprintOnce = (): string => (fingerprint ??= filterFingerprint(list, [args.filter ?? null, extraFilter]));
  const cursor = args.after ? decodeTransactionCursor(args.after, fingerprintOnce(), args.filter?.sort ?? 'desc') : null;
  return {
    limit,
    get fingerprint() {
      return fingerprintOnce();
    },
    cursor,
  };
}

/**
 * An edge whose cursor is encoded on first read: most queries (the reference query among them) select
 * nodes and not cursors, and encoding one is a JSON document and a base64url string (issue 17 profile).
 */
class KeysetEdge implements EdgeShape<Transaction> {
  #cursor: string | undefined;
  constructor(
    readonly node: Transaction,
    private readonly list: { start: KeysetStart; sort: TransactionQuery['sort']; snapshotTo: number },
  ) {}

  get cursor(): string {
    const { start, sort, snapshotTo } = this.list;
    return (this.#cursor ??= encodeTransactionCursor({ sort, fingerprint: start.fingerprint, snapshotTo, key: keyOfTransaction(this.node) }));
  }
}

/**
 * A keyset page as a Relay connection; every edge's cursor is its own row's key, so any edge resumes
 * exactly. Cursors and `totalCount` are read when a caller selects them (getters), not before.
 */
export function keysetConnection(
  page: KeysetPage<Transaction>,
  start: KeysetStart,
  sort: TransactionQuery['sort'],
  snapshotTo: number,
): ConnectionShape<Transaction> {
  const list = { start, sort, snapshotTo };
  const edges = page.items.map((node) => new KeysetEdge(node, list));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasMore,
      hasPreviousPage: start.cursor !== null,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
    get totalCount() {
      return page.totalCount;
    },
  };
}

/**
 * One provider's transaction list (Account.transactions, Customer.transactions) paged by keyset:
 * `fetch` reads the provider's list by offset for a query (a DataLoader of src/loaders). Later pages
 * keep the first page's snapshot bound (`to`) and sort. Errors: keysetStart's and `fetch`'s.
 */
export async function pageProviderTransactions(
  context: GatewayContext,
  list: string,
  provider: ProviderKey,
  args: TransactionListArgs,
  fetch: (query: TransactionQuery, window: PageRequest) => Promise<Page<Transaction>>,
): Promise<ConnectionShape<Transaction>> {
  const start = keysetStart(list, args);
  const query = providerTransactionQuery(context, provider, args.filter, start.cursor?.snapshotTo);
  const page = await readKeysetPage(fetch, query, start.cursor?.key ?? null, start.limit, PAGE_LIMITS.maxSize);
  return keysetConnection(page, start, query.sort, query.to.getTime());
}
