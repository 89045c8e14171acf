import type { FastifyInstance, FastifyReply } from 'fastify';
import { resolveAccount, resolveCustomerForData } from './accounts.routes.js';
import { invalidParameter, missingParameter, sendError } from './errors.js';
import { parseOptionalBool, parsePaging, type Paging } from './paging.js';
import { transactionView } from './serializers.js';
import { checkAggregated, isAggregated, type SimContext } from './sim-context.js';
import type { SimTransaction } from './store.js';

type Query = Record<string, string | undefined>;

interface TransactionQuery extends Paging {
  fromDate: number;
  toDate: number;
  rawFrom: string;
  rawTo: string;
  sort: 'asc' | 'desc';
  includePending: boolean;
}

/**
 * fromDate/toDate are required epoch seconds (10005 when missing); start is a 1-based record index,
 * limit ≤ 1000, sort desc|asc, includePending defaults to false (us-notes.md, Transactions).
 */
function parseTransactionQuery(query: Query, reply: FastifyReply): TransactionQuery | undefined {
  const dates: Record<'fromDate' | 'toDate', number> = { fromDate: 0, toDate: 0 };
  for (const name of ['fromDate', 'toDate'] as const) {
    const raw = query[name];
    if (raw === undefined || raw.trim() === '') {
      missingParameter(reply, name);
      return undefined;
    }
    if (!/^\d+$/.test(raw.trim())) {
      invalidParameter(reply, name);
      return undefined;
    }
    dates[name] = Number(raw);
  }
  if (dates.fromDate > dates.toDate) {
    // error-examples.json InvalidDateRangeExample
    sendError(reply, 400, 41002, 'Invalid date range: fromDate must not be after toDate');
    return undefined;
  }
  const paging = parsePaging(query, reply);
  if (!paging) return undefined;
  const sort = query.sort === undefined || query.sort === '' ? 'desc' : query.sort;
  if (sort !== 'asc' && sort !== 'desc') {
    invalidParameter(reply, 'sort');
    return undefined;
  }
  const includePending = parseOptionalBool(query.includePending, false);
  if (includePending === undefined) {
    invalidParameter(reply, 'includePending');
    return undefined;
  }
  return { ...paging, ...dates, rawFrom: query.fromDate ?? '', rawTo: query.toDate ?? '', sort, includePending };
}

/** Epoch seconds of the oldest transaction the region's lists hold (`historyMonths` before now). */
function oldestHeld(ctx: SimContext): number {
  const now = new Date(ctx.now());
  return Math.floor(now.setUTCMonth(now.getUTCMonth() - ctx.profile.historyMonths) / 1000);
}

function page(ctx: SimContext, all: SimTransaction[], q: TransactionQuery): Record<string, unknown> {
  const oldest = oldestHeld(ctx);
  const matching = all
    .filter((t) => t.postedDate >= Math.max(q.fromDate, oldest) && t.postedDate <= q.toDate)
    .filter((t) => q.includePending || t.status !== 'pending')
    .sort((a, b) => (q.sort === 'asc' ? 1 : -1) * (a.postedDate - b.postedDate || a.id - b.id));
  const slice = matching.slice(q.start - 1, q.start - 1 + q.limit);
  return {
    found: matching.length,
    displaying: slice.length,
    // A STRING on transaction pages, and the dates echo as strings (us-notes.md, Transactions).
    moreAvailable: String(q.start - 1 + slice.length < matching.length),
    fromDate: q.rawFrom,
    toDate: q.rawTo,
    sort: q.sort,
    transactions: slice.map((t) => transactionView(ctx, t)),
  };
}

export function registerTransactionRoutes(app: FastifyInstance, ctx: SimContext): void {
  const { store } = ctx;

  app.get('/aggregation/v3/customers/:customerId/transactions', async (request, reply) => {
    const customer = resolveCustomerForData(ctx, request, reply);
    if (!customer) return reply;
    const q = parseTransactionQuery(request.query as Query, reply);
    if (!q) return reply;
    const accounts = store.accountsOf(customer.id);
    const ready = accounts.filter((a) => isAggregated(ctx, a));
    // Accounts still in their first aggregation contribute nothing yet; if none is ready, say so.
    const firstPending = accounts[0];
    if (ready.length === 0 && firstPending && !checkAggregated(ctx, reply, firstPending)) return reply;
    return page(ctx, ready.flatMap((a) => store.transactionsOfAccount(a.id)), q);
  });

  // Per-account path: v4 in the US spec, v3 for AU (au-reference-app-extract.json "Get account transactions").
  app.get(`/aggregation/${ctx.profile.accountTransactionsVersion}/customers/:customerId/accounts/:accountId/transactions`, async (request, reply) => {
    const resolved = resolveAccount(ctx, request, reply);
    if (!resolved) return reply;
    if (!checkAggregated(ctx, reply, resolved.account)) return reply;
    const q = parseTransactionQuery(request.query as Query, reply);
    if (!q) return reply;
    return page(ctx, store.transactionsOfAccount(resolved.account.id), q);
  });

  app.get('/aggregation/v2/customers/:customerId/transactions/:transactionId', async (request, reply) => {
    const customer = resolveCustomerForData(ctx, request, reply);
    if (!customer) return reply;
    const raw = (request.params as Record<string, string>).transactionId ?? '';
    const transaction = /^\d+$/.test(raw) ? store.transactionsById.get(Number(raw)) : undefined;
    const account = transaction ? store.accounts.get(transaction.accountId) : undefined;
    if (!transaction || !account || transaction.customerId !== customer.id || !store.isAccessible(account) || !isAggregated(ctx, account)) {
      // error-examples.json TransactionNotFoundExample (numeric code there)
      return sendError(reply, 404, 24553, 'Transaction not found.');
    }
    return transactionView(ctx, transaction);
  });
}
