import { nullWhenNotFound } from '../../domain/errors.js';
import type { Page, PageRequest, Transaction, TransactionQuery } from '../../domain/model.js';
import { emptyPage, lookAheadPage } from '../../domain/paging.js';
import type { AccountTransactionsPort } from '../../domain/ports.js';
import { readOne, readRecords } from '../record-reader.js';
import { OWNER_VIEW } from './accounts.mapper.js';
import { idOf, read, segment, type ObpContext } from './context.js';
import { toObpFilterDate } from './dates.js';
import { toTransaction } from './transactions.mapper.js';
import { recordBodySchema, transactionListSchema, transactionSchema } from './wire.js';

/** Account transactions through the `owner` view. */
export function createObpTransactions({ client, scope, bankPath }: ObpContext): AccountTransactionsPort {
  /**
   * v3.0.0 getTransactionsForBankAccount through the owner view. Its filters are REQUEST HEADERS,
   * not URL parameters (obp-notes.md, Pagination: "verified in code"; the resource-doc text says
   * URL parameters, OBP's own tests send headers). OBP also accepts the names without `obp_`, but
   * these are the documented ones. Underscores in header names are legal HTTP; a proxy in front of
   * OBP must not drop them (nginx: underscores_in_headers on).
   */
  async function transactionWindow(bankId: string, accountId: string, query: TransactionQuery, window: PageRequest): Promise<Page<Transaction>> {
    const body = await client.callJson(
      {
        operation: 'transactions.list',
        method: 'GET',
        path: `${bankPath(bankId)}/accounts/${segment(accountId)}/${OWNER_VIEW}/transactions`,
        headers: {
          // One more than asked: OBP lists have no total or next-page field (meta.pagination).
          obp_limit: String(window.limit + 1),
          obp_offset: String(window.offset),
          obp_from_date: toObpFilterDate(query.from),
          obp_to_date: toObpFilterDate(query.to),
          obp_sort_direction: query.sort === 'asc' ? 'ASC' : 'DESC',
        },
      },
      transactionListSchema,
    );
    const context = read('transactions.list');
    const items = readRecords(transactionSchema, body.transactions, context, (wire) => toTransaction(wire, bankId, accountId, context));
    return lookAheadPage(items, window, body.transactions.length);
  }

  return {
    async listForAccount(account, query, page) {
      const bankId = scope.bankOf(account);
      // Everything read through the view is booked (POSTED): a selection without POSTED is empty.
      if (query.statuses.length > 0 && !query.statuses.includes('POSTED')) return emptyPage(page);
      return transactionWindow(bankId, account.id, query, page);
    },
    get(target) {
      const bankId = scope.bankOf(target);
      const accountId = idOf(target, 1, 'account');
      // v3.1.0 getTransactionByIdForBankAccount; an unknown id is OBP-30067 (mapped to NOT_FOUND).
      return nullWhenNotFound(
        client
          .callJson(
            {
              operation: 'transactions.get',
              method: 'GET',
              path: `${bankPath(bankId)}/accounts/${segment(accountId)}/${OWNER_VIEW}/transactions/${segment(target.id)}/transaction`,
            },
            recordBodySchema,
          )
          .then((body) => {
            const context = read('transactions.get');
            return readOne(transactionSchema, body, context, (wire) => toTransaction(wire, bankId, accountId, context));
          }),
      );
    },
  };
}
