import { LRUCache } from 'lru-cache';
import pMap from 'p-map';
import type { Bank, BanksPort } from '../../domain/banks.port.js';
import { nullWhenNotFound } from '../../domain/errors.js';
import type { Customer, PageRequest } from '../../domain/model.js';
import { lookAheadPage, withoutHoles } from '../../domain/paging.js';
import { readOne, readRecords, readRecordsInPlace } from '../record-reader.js';
import type { ObpAccounts } from './accounts.js';
import { toBank } from './banks.mapper.js';
import { ACCOUNT_READ_CONCURRENCY, read, type ObpContext } from './context.js';
import { toCustomer } from './customers.mapper.js';
import { bankListSchema, bankSchema, basicAccountListSchema, basicAccountSchema, customerListSchema, customerSchema, recordBodySchema } from './wire.js';

/** The bank list rarely changes; re-read it every 5 minutes for fan-outs over "all banks". */
const BANK_LIST_TTL_MS = 5 * 60 * 1000;

export interface ObpBanks {
  port: BanksPort;
  /** The banks a fan-out covers, in order: OBP_BANK_IDS as configured, or OBP's list (cached for 5 minutes). */
  fanOutBankIds(): Promise<string[]>;
  /**
   * v5.0.0 getCustomersAtOneBank at one bank. A customer record that cannot be read leaves
   * `undefined` in its place, so bank offsets keep counting OBP's positions; pages drop the holes last.
   */
  customersAt(bankId: string, window: PageRequest): Promise<Array<Customer | undefined>>;
}

/** OBP banks as a scope: the bank list, one bank, and a bank's customers and accounts. */
export function createObpBanks(context: ObpContext, accounts: ObpAccounts): ObpBanks {
  const { client, scope, path, bankPath } = context;

  async function listBanks(): Promise<Bank[]> {
    // Banks are public in OBP, but the token is harmless and keeps one code path.
    const body = await client.callJson({ operation: 'banks.list', method: 'GET', path: path('/banks') }, bankListSchema);
    const banks = readRecords(bankSchema, body.banks, read('banks.list'), toBank);
    if (!scope.configured) return banks;
    const byId = new Map(banks.map((bank) => [bank.providerId, bank]));
    return scope.configured.flatMap((id) => {
      const bank = byId.get(id);
      return bank ? [bank] : [];
    });
  }

  // One entry, refreshed after the TTL; concurrent readers share one fetch and a failure is not kept.
  const bankIds = new LRUCache<'all', string[]>({
    max: 1,
    ttl: BANK_LIST_TTL_MS,
    perf: { now: context.now },
    fetchMethod: async () => (await listBanks()).map((bank) => bank.providerId),
  });

  async function customersAt(bankId: string, window: PageRequest): Promise<Array<Customer | undefined>> {
    const body = await client.callJson(
      {
        operation: 'customers.list',
        method: 'GET',
        path: `${bankPath(bankId)}/customers`,
        query: {
          // OBP's minimum limit is 1 (OBP-10025); a zero-size window still learns whether more exist.
          limit: Math.max(1, window.limit),
          offset: window.offset,
          // Oldest first, so customers added meanwhile land at the end instead of shifting every offset.
          sort_direction: 'ASC',
        },
      },
      customerListSchema,
    );
    const reading = read('customers.list');
    return readRecordsInPlace(customerSchema, body.customers.slice(0, window.limit), reading, (wire) => toCustomer(wire, bankId, reading), {
      idField: 'customer_id',
    });
  }

  return {
    customersAt,
    fanOutBankIds: async () => (scope.configured ? [...scope.configured] : ((await bankIds.fetch('all')) ?? [])),
    port: {
      list: listBanks,
      get(target) {
        const bankId = scope.check(target.id, 'id');
        return nullWhenNotFound(
          client
            .callJson({ operation: 'banks.get', method: 'GET', path: bankPath(bankId) }, recordBodySchema)
            .then((body) => readOne(bankSchema, body, read('banks.get'), toBank)),
        );
      },
      async customers(target, page) {
        const bankId = scope.check(target.id, 'id');
        return withoutHoles(lookAheadPage(await customersAt(bankId, { offset: page.offset, limit: page.limit + 1 }), page));
      },
      async accounts(target, page) {
        const bankId = scope.check(target.id, 'id');
        // BasicAccountJSON has ids and labels only: list them, then read the page's accounts through the view.
        const body = await client.callJson(
          { operation: 'accounts.listAtBank', method: 'GET', path: `${bankPath(bankId)}/accounts` },
          basicAccountListSchema,
        );
        const ids = readRecords(basicAccountSchema, body.accounts, read('accounts.listAtBank'), (account) => account.id);
        const pageIds = ids.slice(page.offset, page.offset + page.limit);
        return {
          items: await pMap(pageIds, (accountId) => accounts.readAccount(bankId, accountId), { concurrency: ACCOUNT_READ_CONCURRENCY }),
          offset: page.offset,
          hasMore: ids.length > page.offset + page.limit,
          totalCount: ids.length,
        };
      },
    },
  };
}
