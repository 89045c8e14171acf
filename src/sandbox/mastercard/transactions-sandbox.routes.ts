import type { FastifyInstance } from 'fastify';
import { sendError } from './errors.js';
import { transactionView } from './serializers.js';
import type { SimContext } from './sim-context.js';
import type { SimTransaction } from './store.js';

const HOUR = 3600;

function body(request: { body: unknown }): Record<string, unknown> {
  return request.body !== null && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
}

/**
 * Sandbox stand-ins for what a new aggregation finds at the institution (never provider paths):
 *
 *   POST   /_sandbox/accounts/{accountId}/transactions   `{amount, description, status?: "active"|"pending"}`:
 *          a new transaction (amount signed, negative = debit; dated an hour ago) → 201, the transaction
 *   POST   /_sandbox/transactions/{id}/post              `{amount?}`: a pending transaction settles. As seed 002
 *          says ("Pending transactions are ephemeral … if any of those transactions are not found in a subsequent
 *          connection, they will be deleted"), the pending record goes and the posted one is a new record with
 *          its own id (amount may differ, e.g. a tip) → 200 `{removedId, transaction}`
 *   DELETE /_sandbox/transactions/{id}                   a pending transaction the institution no longer shows
 *          (an expired authorisation) → 204; only pending ones: posted records stay (seed 002, Shadow Transactions)
 */
export function registerTransactionControls(app: FastifyInstance, ctx: SimContext): void {
  const { store } = ctx;
  const findPending = (raw: string): SimTransaction | undefined => (/^\d+$/.test(raw) ? store.transactionsById.get(Number(raw)) : undefined);

  app.post<{ Params: { accountId: string } }>('/_sandbox/accounts/:accountId/transactions', async (request, reply) => {
    const account = store.accounts.get(request.params.accountId);
    if (!account) return sendError(reply, 404, '38003', 'Account not found.');
    const { amount, description, status = 'active' } = body(request);
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount === 0) return sendError(reply, 400, 10100, 'Invalid parameter (amount)');
    if (typeof description !== 'string' || description.trim() === '') return sendError(reply, 400, 10100, 'Invalid parameter (description)');
    if (status !== 'active' && status !== 'pending') return sendError(reply, 400, 10100, 'Invalid parameter (status)');
    const transactionDate = ctx.nowSeconds() - HOUR;
    const transaction: SimTransaction = {
      id: store.nextTransactionId++,
      accountId: account.id,
      customerId: account.customerId,
      amount,
      status,
      description,
      memo: '',
      type: amount < 0 ? 'debit' : 'credit',
      transactionDate,
      postedDate: status === 'pending' ? transactionDate : ctx.nowSeconds() - 60,
      createdDate: ctx.nowSeconds() - 60,
      categorization: { normalizedPayeeName: description, category: 'Uncategorized', country: ctx.profile.country },
    };
    store.addTransactions(account.id, [transaction]);
    return reply.code(201).send(transactionView(ctx, transaction));
  });

  app.post<{ Params: { id: string } }>('/_sandbox/transactions/:id/post', async (request, reply) => {
    const pending = findPending(request.params.id);
    if (!pending) return sendError(reply, 404, 24553, 'Transaction not found.');
    if (pending.status !== 'pending') return sendError(reply, 400, 10100, 'Invalid parameter (id): only pending transactions post');
    const { amount = pending.amount } = body(request);
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount === 0) return sendError(reply, 400, 10100, 'Invalid parameter (amount)');
    store.removeTransaction(pending.id);
    const posted: SimTransaction = { ...pending, id: store.nextTransactionId++, amount, status: 'active', postedDate: ctx.nowSeconds() - 60, createdDate: ctx.nowSeconds() - 60 };
    store.addTransactions(posted.accountId, [posted]);
    return reply.code(200).send({ removedId: pending.id, transaction: transactionView(ctx, posted) });
  });

  app.delete<{ Params: { id: string } }>('/_sandbox/transactions/:id', async (request, reply) => {
    const pending = findPending(request.params.id);
    if (!pending) return sendError(reply, 404, 24553, 'Transaction not found.');
    if (pending.status !== 'pending') return sendError(reply, 400, 10100, 'Invalid parameter (id): only pending transactions disappear');
    store.removeTransaction(pending.id);
    return reply.code(204).send();
  });
}
