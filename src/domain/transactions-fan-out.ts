import pMap from 'p-map';
import type { AccountLeftOut } from './accounts-left-out.js';
import { GatewayError } from './errors.js';
import type { NativeRef } from './global-id.js';
import { compareTransactions, readKeysetPage, type TransactionKey } from './keyset.js';
import type { Page, PageRequest, Transaction, TransactionQuery } from './model.js';
import { PAGE_LIMITS } from './paging.js';
import type { ProviderAdapter } from './ports.js';
import type { ProviderKey } from './provider.js';
import type { ProviderRegistry } from './registry.js';

/**
 * Transactions across customers and providers (issue 15, items 3 and 5): which customers a search
 * reaches (its sources) and one keyset page merged over all of them. Shared by the top-level
 * `transactions` query and the export, so both read the same rows.
 */

/** Customers one provider may contribute without `filter.customers` (the cost estimate assumes this many). */
export const FAN_OUT_LIMITS = {
  /** Customers listed per provider; a provider with more is reported, and the caller names customers instead. */
  maxCustomersPerProvider: 100,
  /** Customers `filter.customers` may name. */
  maxNamedCustomers: 100,
  /** Sources read at the same time (one upstream call each). */
  concurrency: 8,
} as const;

export interface TransactionSource {
  provider: ProviderKey;
  customer: NativeRef;
}

/** Why a provider's rows are missing or incomplete; `failed` = an upstream failure (also in `errors`), else a capability it lacks. */
export interface ProviderProblem {
  provider: ProviderKey;
  error: GatewayError;
  failed: boolean;
  /** The customer whose rows are missing when the fault is that customer's; absent/null = provider-wide. */
  customer?: NativeRef | null;
  /** The account whose rows are missing when the fault is that account's (accounts-left-out.ts). */
  account?: NativeRef | null;
}

export function asGatewayError(error: unknown, provider: ProviderKey): GatewayError {
  if (error instanceof GatewayError) return error;
  return new GatewayError('INTERNAL', `${provider} failed unexpectedly`, { provider, cause: error });
}

const canListTransactions = (adapter: ProviderAdapter): boolean =>
  adapter.customerTransactions !== undefined || (adapter.accounts !== undefined && adapter.accountTransactions !== undefined);

const unsupported = (provider: ProviderKey, message: string): ProviderProblem => ({
  provider,
  error: new GatewayError('UNSUPPORTED_BY_PROVIDER', message, { provider }),
  failed: false,
});

async function customersOf(adapter: ProviderAdapter): Promise<NativeRef[]> {
  const max = FAN_OUT_LIMITS.maxCustomersPerProvider;
  const page = await adapter.customerList!.list({ search: null, username: null }, { offset: 0, limit: max + 1 });
  if (page.items.length > max || (page.items.length === max && page.hasMore)) {
    throw new GatewayError('BAD_USER_INPUT', `${adapter.key} has more than ${max} customers: name the customers to read in filter.customers`, {
      provider: adapter.key,
      field: 'filter.customers',
    });
  }
  return page.items.map((customer) => customer.ref);
}

/**
 * The (provider, customer) pairs a search reads, in the registry's provider order: the named
 * `customers` (already checked against the caller's providers), else every customer of each of
 * `providers` (null = every enabled provider). A provider that cannot list customers or
 * transactions, or whose list fails, is a problem, not an exception.
 */
export async function planTransactionSources(
  registry: ProviderRegistry,
  providers: readonly ProviderKey[] | null,
  customers: readonly NativeRef[] | null,
): Promise<{ sources: TransactionSource[]; problems: ProviderProblem[] }> {
  const adapters = providers === null ? registry.enabled() : providers.map((key) => registry.adapter(key));
  const problems: ProviderProblem[] = [];
  const perProvider = await Promise.all(
    adapters.map(async (adapter): Promise<TransactionSource[]> => {
      const named = customers?.filter((customer) => customer.provider === adapter.key) ?? null;
      if (named !== null && named.length === 0) return [];
      if (!canListTransactions(adapter)) {
        problems.push(unsupported(adapter.key, `${adapter.key} cannot list transactions, so none of its rows are here`));
        return [];
      }
      if (named !== null) return named.map((customer) => ({ provider: adapter.key, customer }));
      if (adapter.customerList === undefined) {
        problems.push(unsupported(adapter.key, `${adapter.key} has no customer list: name its customers in filter.customers to include its transactions`));
        return [];
      }
      try {
        return (await customersOf(adapter)).map((customer) => ({ provider: adapter.key, customer }));
      } catch (error) {
        problems.push({ provider: adapter.key, error: asGatewayError(error, adapter.key), failed: true });
        return [];
      }
    }),
  );
  const order = adapters.map((adapter) => adapter.key);
  problems.sort((a, b) => order.indexOf(a.provider) - order.indexOf(b.provider));
  return { sources: perProvider.flat(), problems };
}

export interface FanOutReader {
  /** The provider-side query for a provider (its default window, the snapshot bound). */
  queryFor(provider: ProviderKey): TransactionQuery;
  /** One window of a customer's transactions by offset (a DataLoader, or a port for the export). */
  fetch(source: TransactionSource, query: TransactionQuery, window: PageRequest): Promise<Page<Transaction>>;
  /** The gateway-side filter (amount, text). */
  keep?: (transaction: Transaction) => boolean;
  /** Accounts of a source its customer-wide rows lack (accounts-left-out.ts); read beside its page. */
  leftOut?: (source: TransactionSource) => Promise<AccountLeftOut[]>;
}

/**
 * One problem per failing source, naming its customer; a provider of two or more sources that all
 * failed is one provider-wide problem (customer null): the fault is the provider's, not each customer's.
 */
function sourceProblems(sources: readonly TransactionSource[], failures: readonly ProviderProblem[]): ProviderProblem[] {
  const counts = new Map<ProviderKey, { sources: number; failed: number }>();
  for (const source of sources) {
    const count = counts.get(source.provider) ?? { sources: 0, failed: 0 };
    count.sources += 1;
    counts.set(source.provider, count);
  }
  for (const failure of failures) counts.get(failure.provider)!.failed += 1;
  const whole = new Set<ProviderKey>();
  return failures.flatMap((failure) => {
    const count = counts.get(failure.provider)!;
    if (count.sources < 2 || count.failed < count.sources) return [failure];
    if (whole.has(failure.provider)) return [];
    whole.add(failure.provider);
    return [{ ...failure, customer: null }];
  });
}

/**
 * The first `limit` rows after `after` over all `sources`, merged in the one total order. Each
 * source reads its own keyset page; a source that fails is a problem naming its customer (its rows
 * are missing from this page; see sourceProblems), the others still answer. An account a source's
 * rows lack (`reader.leftOut`) is a problem naming the customer and the account.
 */
export async function readFanOutPage(
  sources: readonly TransactionSource[],
  reader: FanOutReader,
  sort: TransactionQuery['sort'],
  after: TransactionKey | null,
  limit: number,
): Promise<{ items: Transaction[]; hasMore: boolean; problems: ProviderProblem[] }> {
  // By source index, so problems keep the sources' order whatever order the reads finish in.
  const failures: Array<ProviderProblem | undefined> = [];
  const leftOut: ProviderProblem[][] = [];
  const pages = await pMap(
    sources,
    async (source, index) => {
      const missing = reader.leftOut?.(source) ?? Promise.resolve([]);
      try {
        const page = await readKeysetPage((query, window) => reader.fetch(source, query, window), reader.queryFor(source.provider), after, limit, PAGE_LIMITS.maxSize, reader.keep);
        leftOut[index] = (await missing).map(({ error, customer, account }) => ({ provider: source.provider, error, failed: true, customer, account }));
        return page;
      } catch (error) {
        failures[index] = { provider: source.provider, error: asGatewayError(error, source.provider), failed: true, customer: source.customer };
        return null;
      }
    },
    { concurrency: FAN_OUT_LIMITS.concurrency },
  );
  const merged = pages.flatMap((page) => page?.items ?? []).sort(compareTransactions(sort));
  return {
    items: merged.slice(0, limit),
    hasMore: merged.length > limit || pages.some((page) => page?.hasMore === true),
    problems: [...sourceProblems(sources, failures.filter((failure) => failure !== undefined)), ...leftOut.flat()],
  };
}
