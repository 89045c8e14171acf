import { GatewayError } from '../domain/errors.js';
import { accountsLeftOut } from '../domain/accounts-left-out.js';
import { decodeGlobalId, encodeGlobalId, type NativeRef } from '../domain/global-id.js';
import { compareDecimals } from '../domain/decimal.js';
import type { ProviderKey } from '../domain/provider.js';
import { isEmptySearch, matchesSearch, MAX_SEARCH_TEXT, transactionSearchOf } from '../domain/transaction-search.js';
import {
  FAN_OUT_LIMITS,
  planTransactionSources,
  readFanOutPage,
  type FanOutReader,
  type ProviderProblem,
  type TransactionSource,
} from '../domain/transactions-fan-out.js';
import type { Account, Page, PageRequest, Transaction, TransactionQuery } from '../domain/model.js';
import type { GatewayContext } from './context.js';
import { providerTransactionQuery } from './transaction-filter.js';
import { keysetConnection, keysetStart, type KeysetStart } from './transaction-connection.js';
import type { ConnectionShape } from './types/connection.js';
import type { TransactionSearchFilter } from './types/transaction-search.type.js';

/** What a search needs of a request: the caller's registry and clock (GraphQL context or the export route). */
export type SearchContext = Pick<GatewayContext, 'registry' | 'now'>;

/** A validated search: where it starts, what it reads, and the provider-side query per provider. */
export interface PreparedSearch {
  start: KeysetStart;
  sort: TransactionQuery['sort'];
  /** Epoch ms: the snapshot "now" (a cursor's, else the request's). */
  snapshotTo: number;
  providers: ProviderKey[] | null;
  customers: NativeRef[] | null;
  reader: Omit<FanOutReader, 'fetch'>;
}

const bad = (message: string, field: string) => new GatewayError('BAD_USER_INPUT', message, { field });

/**
 * Checks a top-level `transactions` (or export) request. BAD_USER_INPUT naming the field for: a bad
 * `first` or cursor, more than FAN_OUT_LIMITS.maxNamedCustomers customers, an ID that is not a
 * customer, a customer of a provider `providers` leaves out, `minAmount` above `maxAmount`, a `text`
 * over MAX_SEARCH_TEXT characters; FORBIDDEN for a provider the caller may not use.
 */
export function prepareSearch(
  context: SearchContext,
  filter: TransactionSearchFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): PreparedSearch {
  const start = keysetStart('Query.transactions', { first, after, filter });
  const providers = filter?.providers ? [...new Set(filter.providers as ProviderKey[])] : null;
  for (const provider of providers ?? []) context.registry.adapter(provider);
  const named = filter?.customers ?? null;
  if (named !== null && named.length > FAN_OUT_LIMITS.maxNamedCustomers) {
    throw bad(`filter.customers names more than ${FAN_OUT_LIMITS.maxNamedCustomers} customers`, 'filter.customers');
  }
  const customers = named?.map((id) => decodeGlobalId(id, 'Customer', 'filter.customers')) ?? null;
  for (const customer of customers ?? []) {
    context.registry.adapter(customer.provider);
    if (providers !== null && !providers.includes(customer.provider)) {
      throw bad(`filter.customers names a ${customer.provider} customer, which filter.providers leaves out`, 'filter.customers');
    }
  }
  if (filter?.minAmount && filter.maxAmount && compareDecimals(filter.minAmount, filter.maxAmount) > 0) {
    throw bad('filter.minAmount must not be above filter.maxAmount', 'filter.minAmount');
  }
  if (filter?.text && filter.text.length > MAX_SEARCH_TEXT) throw bad(`filter.text is longer than ${MAX_SEARCH_TEXT} characters`, 'filter.text');
  const search = transactionSearchOf(filter ?? {});
  const snapshotTo = start.cursor?.snapshotTo ?? context.now;
  return {
    start,
    sort: filter?.sort ?? 'desc',
    snapshotTo,
    providers,
    customers: customers === null ? null : [...new Map(customers.map((customer) => [JSON.stringify(customer), customer])).values()],
    reader: {
      queryFor: (provider) => providerTransactionQuery(context, provider, filter, snapshotTo),
      ...(isEmptySearch(search) ? {} : { keep: (transaction: Transaction) => matchesSearch(transaction, search) }),
    },
  };
}

const problemKey = ({ provider, customer, account }: ProviderProblem): string =>
  `${provider}|${customer ? encodeGlobalId(customer) : ''}|${account ? encodeGlobalId(account) : ''}`;

/**
 * Problems in the registry's provider order, one per provider, customer and account (the first);
 * a provider-wide problem (no customer) stands for all of that provider's.
 */
export function orderProblems(context: SearchContext, problems: readonly ProviderProblem[]): ProviderProblem[] {
  const order = context.registry.enabled().map((adapter) => adapter.key);
  const wide = new Set(problems.filter((problem) => !problem.customer).map((problem) => problem.provider));
  const first = new Map<string, ProviderProblem>();
  for (const problem of problems) {
    if (problem.customer && wide.has(problem.provider)) continue;
    const key = problemKey(problem);
    if (!first.has(key)) first.set(key, problem);
  }
  return [...first.values()].sort((a, b) => order.indexOf(a.provider) - order.indexOf(b.provider));
}

/** The sources of a prepared search (customer lists are read here). */
export function sourcesOf(context: SearchContext, prepared: PreparedSearch): Promise<{ sources: TransactionSource[]; problems: ProviderProblem[] }> {
  return planTransactionSources(context.registry, prepared.providers, prepared.customers);
}

/** One page of the search as a connection, and the providers missing from it. */
export async function searchTransactionsPage(
  context: SearchContext,
  prepared: PreparedSearch,
  fetch: (source: TransactionSource, query: TransactionQuery, window: PageRequest) => Promise<Page<Transaction>>,
  listAccounts: (customer: NativeRef) => Promise<Account[]>,
): Promise<{ connection: ConnectionShape<Transaction>; problems: ProviderProblem[] }> {
  const plan = await sourcesOf(context, prepared);
  const leftOut = (source: TransactionSource) => accountsLeftOut(context.registry.adapter(source.provider), source.customer, listAccounts);
  const reader = { ...prepared.reader, fetch, leftOut };
  const page = await readFanOutPage(plan.sources, reader, prepared.sort, prepared.start.cursor?.key ?? null, prepared.start.limit);
  const connection = keysetConnection({ ...page, totalCount: null }, prepared.start, prepared.sort, prepared.snapshotTo);
  return { connection, problems: orderProblems(context, [...plan.problems, ...page.problems]) };
}
