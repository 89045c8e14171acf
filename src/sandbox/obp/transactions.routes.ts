import type { FastifyInstance } from 'fastify';
import { ObpError } from './errors.js';
import type { ObpTransaction } from './model.js';
import { applyQuery, queryFromHeaders, queryFromUrl } from './query-params.js';
import { obpRoute, param, queryOf, requireAccount, requireOwner, requireView, type ObpContext } from './route-context.js';
import { coreTransactionJsonV300, transactionJsonV300 } from './transaction.json.js';
import { versionsFrom } from './versions.js';

/** OBP's mapper filters and orders transactions by their finish date (`completed`). */
const completedAt = (t: ObpTransaction): Date => t.completed;

export function registerTransactionRoutes(app: FastifyInstance, ctx: ObpContext): void {
  const { store, auth } = ctx;

  // v3.0.0 getTransactionsForBankAccount (served up to v5.1.0): account, view, then the obp_*
  // REQUEST HEADERS (obp-notes.md, Pagination). The list has no total or next-page field.
  obpRoute(app, 'GET', versionsFrom('v3.0.0'), '/banks/:BANK_ID/accounts/:ACCOUNT_ID/:VIEW_ID/transactions', (request) => {
    const user = auth.authenticate(request.headers);
    const account = requireAccount(store, param(request, 'BANK_ID'), param(request, 'ACCOUNT_ID'));
    requireView(store, user, account, param(request, 'VIEW_ID'));
    const query = queryFromHeaders(request.headers);
    const page = applyQuery(store.transactions(account.bankId, account.accountId), query, completedAt);
    return { transactions: page.map((t) => transactionJsonV300(account, t)) };
  });

  obpRoute(
    app,
    'GET',
    versionsFrom('v3.1.0'),
    '/banks/:BANK_ID/accounts/:ACCOUNT_ID/:VIEW_ID/transactions/:TRANSACTION_ID/transaction',
    (request) => {
      const user = auth.authenticate(request.headers);
      const account = requireAccount(store, param(request, 'BANK_ID'), param(request, 'ACCOUNT_ID'));
      requireView(store, user, account, param(request, 'VIEW_ID'));
      const transactionId = param(request, 'TRANSACTION_ID');
      const transaction = store.transactions(account.bankId, account.accountId).find((t) => t.transactionId === transactionId);
      if (!transaction) throw new ObpError('TransactionNotFound');
      return transactionJsonV300(account, transaction);
    },
  );

  // v3.0.0 getCoreTransactionsForBankAccount: the same filters, but from URL query parameters
  // without the obp_ prefix (meta.pagination.urlQueryStyle).
  obpRoute(app, 'GET', versionsFrom('v3.0.0'), '/my/banks/:BANK_ID/accounts/:ACCOUNT_ID/transactions', (request) => {
    const user = auth.authenticate(request.headers);
    const account = requireAccount(store, param(request, 'BANK_ID'), param(request, 'ACCOUNT_ID'));
    requireOwner(store, user, account);
    const query = queryFromUrl(queryOf(request), true);
    const page = applyQuery(store.transactions(account.bankId, account.accountId), query, completedAt);
    return { transactions: page.map((t) => coreTransactionJsonV300(account, t)) };
  });
}
