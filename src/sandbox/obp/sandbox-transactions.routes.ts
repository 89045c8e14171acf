import type { FastifyInstance } from 'fastify';
import { randomUuid } from './ids.js';
import type { ObpTransaction } from './model.js';
import type { ObpStore } from './store.js';

const MINOR_PATTERN = /^-?\d+(\.\d{1,2})?$/;

/**
 * Sandbox stand-in for a payment booked on an account (never an OBP path, no auth):
 *
 *   POST /_sandbox/banks/{bankId}/accounts/{accountId}/transactions   `{"amount": "-12.34", "description": "…"}`
 *        books a transaction (started an hour ago, completed a minute ago), moves the balance → 201
 *        `{"transaction_id": …}`. Only booked transactions exist in OBP's view (no pending state).
 */
export function registerSandboxTransactionRoutes(app: FastifyInstance, store: ObpStore, now: () => number): void {
  app.post<{ Params: { bankId: string; accountId: string } }>('/_sandbox/banks/:bankId/accounts/:accountId/transactions', async (request, reply) => {
    const account = store.account(request.params.bankId, request.params.accountId);
    if (!account) return reply.code(404).send({ code: 404, message: 'OBP-30018: Bank Account not found. Please specify valid values for BANK_ID and ACCOUNT_ID.' });
    const body = request.body !== null && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
    const { amount, description } = body;
    if (typeof amount !== 'string' || !MINOR_PATTERN.test(amount) || Number(amount) === 0 || typeof description !== 'string' || description.trim() === '') {
      return reply.code(400).send({ code: 400, message: 'OBP-10001: Incorrect json format. amount (a decimal string with at most 2 decimals, not 0) and description are required.' });
    }
    const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
    const amountMinor = (amount.startsWith('-') ? -1 : 1) * (Number(whole) * 100 + Number(fraction.padEnd(2, '0')));
    account.balanceMinor += amountMinor;
    const at = now();
    const transaction: ObpTransaction = {
      transactionId: randomUuid(),
      bankId: account.bankId,
      accountId: account.accountId,
      type: amountMinor < 0 ? 'DEBIT' : 'CREDIT',
      description,
      posted: new Date(at - 3_600_000),
      completed: new Date(at - 60_000),
      currency: account.currency,
      amountMinor,
      newBalanceMinor: account.balanceMinor,
      counterparty: { id: randomUuid(), name: description, bankRouting: { scheme: 'OBP', address: account.bankId }, accountRoutings: [] },
    };
    store.addTransaction(transaction);
    return reply.code(201).send({ transaction_id: transaction.transactionId });
  });
}
