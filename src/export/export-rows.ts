import { accountsLeftOut } from '../domain/accounts-left-out.js';
import { encodeGlobalId } from '../domain/global-id.js';
import { keyOfTransaction, readKeysetPage, type TransactionKey } from '../domain/keyset.js';
import type { Transaction } from '../domain/model.js';
import { PAGE_LIMITS } from '../domain/paging.js';
import type { ProviderRegistry } from '../domain/registry.js';
import { asGatewayError, type ProviderProblem } from '../domain/transactions-fan-out.js';
import { createCustomerTransactionsLoader } from '../loaders/transactions.loader.js';
import { runInRequestScope } from '../observability/request-scope.js';
import { sourcesOf, type PreparedSearch, type SearchContext } from '../graphql/transaction-search.js';

/** One exported row, flat, the same columns in NDJSON and CSV. */
export interface ExportRow {
  id: string;
  provider: string;
  providerId: string;
  customerId: string | null;
  accountId: string | null;
  postedAt: string | null;
  transactedAt: string | null;
  amount: string;
  currency: string;
  status: string;
  providerStatus: string | null;
  description: string | null;
  payee: string | null;
  memo: string | null;
  category: string | null;
}

export const EXPORT_COLUMNS: ReadonlyArray<keyof ExportRow> = [
  'id', 'provider', 'providerId', 'customerId', 'accountId', 'postedAt', 'transactedAt', 'amount', 'currency',
  'status', 'providerStatus', 'description', 'payee', 'memo', 'category',
];

export type ExportRecord =
  | { type: 'transaction'; row: ExportRow }
  | { type: 'error'; provider: string; code: string; message: string; retryable: boolean; customerId: string | null; accountId: string | null }
  | { type: 'end'; rows: number; errors: number; complete: boolean };

export function exportRowOf(transaction: Transaction): ExportRow {
  return {
    id: encodeGlobalId(transaction.ref),
    provider: transaction.provider,
    providerId: transaction.providerId,
    customerId: transaction.customerRef ? encodeGlobalId(transaction.customerRef) : null,
    accountId: transaction.accountRef ? encodeGlobalId(transaction.accountRef) : null,
    postedAt: transaction.postedAt?.toISOString() ?? null,
    transactedAt: transaction.transactedAt?.toISOString() ?? null,
    amount: transaction.amount.amount,
    currency: transaction.amount.currency,
    status: transaction.status,
    providerStatus: transaction.providerStatus,
    description: transaction.description,
    payee: transaction.payee,
    memo: transaction.memo,
    category: transaction.category,
  };
}

const errorRecord = ({ provider, error, customer, account }: ProviderProblem): ExportRecord => ({
  type: 'error',
  provider,
  code: error.code,
  message: error.message,
  retryable: error.retryable,
  customerId: customer ? encodeGlobalId(customer) : null,
  accountId: account ? encodeGlobalId(account) : null,
});

export interface ExportLimits {
  /** Deadline of one upstream page (every attempt of its calls), ms. */
  pageDeadlineMs: number;
  /** Rows per upstream page. */
  pageSize: number;
}

/** Export limits (README, For BI): a page gets what a GraphQL request gets; the export as a whole has none. */
export const EXPORT_LIMITS: ExportLimits = {
  pageDeadlineMs: 15_000,
  // Two below the provider's largest window: the page, the row after it, and the cursor's own row fit one call (keyset.ts).
  pageSize: PAGE_LIMITS.maxSize - 2,
};

/**
 * The export's records: each customer's transactions (the search's sources in provider order) read
 * page by page with keyset cursors, each page within its own deadline and a fresh loader (nothing
 * is kept between pages: memory stays at one page), then an `end` record. A provider that cannot
 * take part, and a source that fails, give an `error` record and the export goes on with the next
 * source; `end.complete` is false after any failure (not for a provider that cannot take part). `signal` (the caller went away) stops it.
 */
export async function* exportRecords(
  context: SearchContext & { registry: ProviderRegistry; requestId: string },
  prepared: PreparedSearch,
  signal: AbortSignal,
  limits: ExportLimits = EXPORT_LIMITS,
): AsyncGenerator<ExportRecord> {
  let rows = 0;
  let errors = 0;
  const inScope = <T>(fn: () => Promise<T>): Promise<T> => {
    const deadline = AbortSignal.any([signal, AbortSignal.timeout(limits.pageDeadlineMs)]);
    return runInRequestScope({ requestId: context.requestId, warnings: [], deadlineAt: Date.now() + limits.pageDeadlineMs, signal: deadline }, fn);
  };
  const plan = await inScope(() => sourcesOf(context, prepared));
  for (const problem of plan.problems) {
    // A provider that cannot take part (UNSUPPORTED_BY_PROVIDER: Caibo without named customers) is
    // named in-band but does not make the export incomplete: nothing it could give is missing.
    if (problem.failed) errors += 1;
    yield errorRecord(problem);
  }
  for (const source of plan.sources) {
    // Accounts this customer's rows lack (AU: first aggregation running) make the export incomplete.
    const adapter = context.registry.adapter(source.provider);
    const leftOut = await inScope(() => accountsLeftOut(adapter, source.customer, (customer) => adapter.accounts!.listForCustomer(customer)));
    for (const { error, customer, account } of leftOut) {
      errors += 1;
      yield errorRecord({ provider: source.provider, error, failed: true, customer, account });
    }
    let after: TransactionKey | null = null;
    for (;;) {
      if (signal.aborted) return;
      const loader = createCustomerTransactionsLoader(context.registry);
      let page;
      try {
        page = await inScope(() =>
          readKeysetPage(
            (query, window) => loader.load({ customer: source.customer, query, page: window }),
            prepared.reader.queryFor(source.provider),
            after,
            limits.pageSize,
            PAGE_LIMITS.maxSize,
            prepared.reader.keep,
          ),
        );
      } catch (error) {
        errors += 1;
        yield errorRecord({ provider: source.provider, error: asGatewayError(error, source.provider), failed: true, customer: source.customer });
        break;
      }
      for (const transaction of page.items) {
        rows += 1;
        yield { type: 'transaction', row: exportRowOf(transaction) };
      }
      const last = page.items.at(-1);
      if (!page.hasMore || last === undefined) break;
      after = keyOfTransaction(last);
    }
  }
  yield { type: 'end', rows, errors, complete: errors === 0 };
}
