import { expect, it } from 'vitest';
import type { NativeRef } from '../../src/domain/global-id.js';
import type { Page, PageRequest, Transaction, TransactionQuery } from '../../src/domain/model.js';
import { PAGE_LIMITS, transactionTime } from '../../src/domain/paging.js';
import type { ContractFixtures } from './provider-contract.js';

const DAY = 86_400_000;
const ids = (page: Page<{ providerId: string }>): string[] => page.items.map((item) => item.providerId);

/**
 * The paging and window edges every adapter must get right (issue 10, item 3): `first: 0`, past the
 * end, a page larger than the provider's own, `from`/`to`, ascending order, search, token expiry.
 * Transaction edges run on the account lists, or on the customer-level list where a provider has no
 * accounts (Caibo).
 */
export function runPagingEdges(fixtures: () => ContractFixtures): void {
  const f = fixtures;
  const window = (): TransactionQuery => ({ ...f().transactionWindow, statuses: [], sort: 'desc' });

  /** One transaction list of the known customer with records: an account's, or the customer's. */
  async function transactionList(): Promise<(query: TransactionQuery, page: PageRequest) => Promise<Page<Transaction>>> {
    const { adapter, knownCustomer } = f();
    if (adapter.accounts && adapter.accountTransactions) {
      const port = adapter.accountTransactions;
      for (const account of await adapter.accounts.listForCustomer(knownCustomer)) {
        const probe = await port.listForAccount(account.ref, window(), { offset: 0, limit: 1 });
        if (probe.items.length > 0) return (query, page) => port.listForAccount(account.ref, query, page);
      }
      throw new Error('the known customer has no account with transactions in the window');
    }
    const port = adapter.customerTransactions!;
    return (query, page) => port.listForCustomer(knownCustomer, query, page);
  }
  const hasTransactions = () => Boolean((f().adapter.accounts && f().adapter.accountTransactions) || f().adapter.customerTransactions);

  it('answers first: 0 with no items and says whether the list goes on', async (context) => {
    if (!hasTransactions()) return context.skip();
    const list = await transactionList();
    const empty = await list(window(), { offset: 0, limit: 0 });
    expect(empty.items).toEqual([]);
    expect(empty.offset).toBe(0);
    expect(empty.hasMore).toBe(true);
    if (f().adapter.customerList) {
      const customers = await f().adapter.customerList!.list({ search: null, username: null }, { offset: 0, limit: 0 });
      expect(customers.items).toEqual([]);
      expect(customers.hasMore).toBe(true);
    }
  });

  it('answers a page past the end with no items and no next page', async (context) => {
    if (!hasTransactions()) return context.skip();
    const list = await transactionList();
    const past = await list(window(), { offset: 50_000, limit: 10 });
    expect(past.items).toEqual([]);
    expect(past.hasMore).toBe(false);
    if (f().adapter.customerList) {
      const customers = await f().adapter.customerList!.list({ search: null, username: null }, { offset: 50_000, limit: 10 });
      expect(customers.items).toEqual([]);
      expect(customers.hasMore).toBe(false);
    }
  });

  it('fills a page larger than the provider\'s own, the same records as two smaller pages', async (context) => {
    if (!hasTransactions()) return context.skip();
    const list = await transactionList();
    const size = Math.min((f().providerPageSize ?? PAGE_LIMITS.maxSize - 7) + 7, PAGE_LIMITS.maxSize);
    const whole = await list(window(), { offset: 0, limit: size });
    expect(new Set(ids(whole)).size).toBe(whole.items.length);
    expect(whole.items.length).toBeLessThanOrEqual(size);
    if (whole.hasMore) expect(whole.items.length).toBe(size);
    const half = Math.ceil(size / 2);
    const first = await list(window(), { offset: 0, limit: half });
    const second = await list(window(), { offset: half, limit: size - half });
    expect([...ids(first), ...ids(second)]).toEqual(ids(whole));
    if (whole.totalCount !== null && !whole.hasMore) expect(whole.totalCount).toBe(whole.items.length);
  });

  it('keeps to from/to (inclusive) and orders ascending when asked', async (context) => {
    if (!hasTransactions()) return context.skip();
    const list = await transactionList();
    const all = await list(window(), { offset: 0, limit: PAGE_LIMITS.maxSize });
    const times = all.items.map((transaction) => transactionTime(transaction)!);
    const newest = Math.max(...times);
    // A narrower window ending at the newest record and starting ten days before it.
    const narrow: TransactionQuery = { from: new Date(newest - 10 * DAY), to: new Date(newest), statuses: [], sort: 'asc' };
    const inside = await list(narrow, { offset: 0, limit: PAGE_LIMITS.maxSize });
    expect(inside.items.length).toBeGreaterThan(0);
    const insideTimes = inside.items.map((transaction) => transactionTime(transaction)!);
    for (const at of insideTimes) {
      expect(at).toBeGreaterThanOrEqual(narrow.from.getTime());
      expect(at).toBeLessThanOrEqual(narrow.to.getTime());
    }
    expect(insideTimes).toEqual([...insideTimes].sort((a, b) => a - b));
    const expected = times.filter((at) => at >= narrow.from.getTime() && at <= narrow.to.getTime());
    if (!all.hasMore) expect(inside.items.length).toBe(expected.length);
  });

  it('finds customers by a search text', async (context) => {
    const search = f().customerSearch;
    if (!f().adapter.customerList || !search) return context.skip();
    const found = await f().adapter.customerList!.list({ search: search.text, username: null }, { offset: 0, limit: 100 });
    for (const id of search.expected) expect(ids(found)).toContain(id);
  });

  it('replaces an expired provider token without the caller noticing', async (context) => {
    const expire = f().expireToken;
    if (!expire) return context.skip();
    const read = async (): Promise<unknown> => {
      const { adapter, knownCustomer } = f();
      if (adapter.customerRead) return adapter.customerRead.get(knownCustomer);
      if (adapter.accounts) return adapter.accounts.listForCustomer(knownCustomer);
      return (await transactionList())(window(), { offset: 0, limit: 1 });
    };
    expect(await read()).toBeTruthy();
    expire(30 * DAY);
    expect(await read()).toBeTruthy();
  });

  it('names the customer window of each account: the account\'s own customer', async (context) => {
    const { adapter, knownCustomer } = f();
    if (!adapter.customerTransactions || !adapter.accounts) return context.skip();
    const accounts = await adapter.accounts.listForCustomer(knownCustomer);
    for (const account of accounts) {
      const customer: NativeRef | null = adapter.customerTransactions.customerOfAccount(account.ref);
      expect(customer).toMatchObject({ provider: adapter.key, type: 'Customer', id: knownCustomer.id });
    }
  });
}
