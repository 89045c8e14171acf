import { keyOfTransaction, readKeysetPage, type KeysetPage } from '../domain/keyset.js';
import type { Page, PageRequest, Transaction, TransactionQuery } from '../domain/model.js';
import { PAGE_LIMITS } from '../domain/paging.js';
import type { ProviderKey } from '../domain/provider.js';
import type { GatewayContext } from './context.js';
import { pageRequestOf } from './cursor.js';
import { providerTransactionQuery } from './transaction-filter.js';
import { decodeTransactionCursor, encodeTransactionCursor, filterFingerprint, type TransactionCursor } from './transaction-cursor.js';
import type { ConnectionShape } from './types/connection.js';
import type { TransactionFilter } from './types/inputs.js';

export interface TransactionListArgs {
  first?: number | null;
  after?: string | null;
  filter?: TransactionFilter | null;
}

/** Where a keyset page starts: the page size, the decoded cursor (null on a first page) and the fingerprint. */
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
  const fingerprint = filterFingerprint(list, [args.filter ?? null, extraFilter]);
  const cursor = args.after ? decodeTransactionCursor(args.after, fingerprint, args.filter?.sort ?? 'desc') : null;
  return { limit, fingerprint, cursor };
}

/** A keyset page as a Relay connection; every edge's cursor is its own row's key, so any edge resumes exactly. */
export function keysetConnection(
  page: KeysetPage<Transaction>,
  start: KeysetStart,
  sort: TransactionQuery['sort'],
  snapshotTo: number,
): ConnectionShape<Transaction> {
  const base = { sort, fingerprint: start.fingerprint, snapshotTo };
  const edges = page.items.map((node) => ({ cursor: encodeTransactionCursor({ ...base, key: keyOfTransaction(node) }), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasMore,
      hasPreviousPage: start.cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: page.totalCount,
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
