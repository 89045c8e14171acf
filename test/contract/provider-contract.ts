import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { isDecimalString } from '../../src/domain/decimal.js';
import { canonicalAmount } from '../../src/domain/money.js';
import { GatewayError, ERROR_CODES } from '../../src/domain/errors.js';
import { decodeGlobalId, encodeGlobalId, type NativeRef } from '../../src/domain/global-id.js';
import { ACCOUNT_TYPES, TRANSACTION_STATUSES, type TransactionQuery } from '../../src/domain/model.js';
import { CAPABILITIES, capabilitiesOf, type CreateCustomerInput, type ProviderAdapter } from '../../src/domain/ports.js';
import { runPagingEdges } from './paging-edges.js';

/**
 * The provider contract suite (STYLE.md, habit 6): every adapter runs it against its own simulator
 * over real HTTP. Each block runs only for the ports the adapter has; capabilities it lacks must be
 * declared (the port absent), and `expectedCapabilities` pins that list so nothing is faked.
 */
export interface ContractFixtures {
  adapter: ProviderAdapter;
  expectedCapabilities: readonly (typeof CAPABILITIES)[number][];
  /** A customer the simulator's seed data has, with at least one account with transactions. */
  knownCustomer: NativeRef;
  /** A well-formed ref the provider does not know. */
  unknownCustomer: NativeRef;
  unknownAccount?: NativeRef;
  /** A window in which the known customer's accounts have transactions. */
  transactionWindow: { from: Date; to: Date };
  /** A valid create request (unique per run), when the adapter can create customers. */
  validCreate?: () => CreateCustomerInput;
  /** What the provider answers for the accounts of an unknown customer: NOT_FOUND (default) or an empty list. */
  unknownCustomerAccounts?: 'NOT_FOUND' | 'empty';
  /** An invalid one, and the field the BAD_USER_INPUT error must name. */
  invalidCreate?: { input: CreateCustomerInput; field: string };
  /** The provider's largest page (its `limit` maximum), when below PAGE_LIMITS.maxSize. */
  providerPageSize?: number;
  /** A customer search the seed data answers, and provider ids the answer must hold. */
  customerSearch?: { text: string; expected: readonly string[] };
  /**
   * Moves the simulator's clock by `ms`, past its token lifetime when `ms` is large: the adapter's
   * cached token is then refused and must be replaced transparently. Absent for providers without
   * expiring tokens (Caibo with an API key).
   */
  expireToken?: (ms: number) => void;
  close(): Promise<void>;
}

async function expectGatewayError(promise: Promise<unknown>, code: string): Promise<GatewayError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GatewayError);
  expect((error as GatewayError).code).toBe(code);
  return error as GatewayError;
}

export function runProviderContract(name: string, setup: () => Promise<ContractFixtures>): void {
  describe(`provider contract: ${name}`, () => {
    let f: ContractFixtures;
    beforeAll(async () => {
      f = await setup();
    });
    afterAll(async () => {
      await f?.close();
    });

    const query = (): TransactionQuery => ({ ...f.transactionWindow, statuses: [], sort: 'desc' });

    runPagingEdges(() => f);

    it('declares exactly its capabilities, derived from its ports', () => {
      expect(capabilitiesOf(f.adapter)).toEqual([...f.expectedCapabilities]);
    });

    it('lists customers in pages that do not overlap', async (context) => {
      if (!f.adapter.customerList) return context.skip();
      const first = await f.adapter.customerList.list({ search: null, username: null }, { offset: 0, limit: 2 });
      expect(first.items.length).toBeGreaterThan(0);
      expect(first.items.length).toBeLessThanOrEqual(2);
      for (const customer of first.items) {
        expect(customer.provider).toBe(f.adapter.key);
        expect(decodeGlobalId(encodeGlobalId(customer.ref))).toEqual(customer.ref);
      }
      if (first.totalCount !== null) expect(first.totalCount).toBeGreaterThanOrEqual(first.items.length);
      if (first.hasMore) {
        const second = await f.adapter.customerList.list({ search: null, username: null }, { offset: 2, limit: 2 });
        expect(second.offset).toBe(2);
        const firstIds = new Set(first.items.map((customer) => customer.providerId));
        for (const customer of second.items) expect(firstIds.has(customer.providerId)).toBe(false);
      }
    });

    it('reads a known customer and answers null for an unknown one', async (context) => {
      if (!f.adapter.customerRead) return context.skip();
      const customer = await f.adapter.customerRead.get(f.knownCustomer);
      expect(customer?.providerId).toBe(f.knownCustomer.id);
      expect(customer?.provider).toBe(f.adapter.key);
      expect(await f.adapter.customerRead.get(f.unknownCustomer)).toBeNull();
    });

    it('creates a customer, and refuses bad input with BAD_USER_INPUT naming the field', async (context) => {
      if (!f.adapter.customerWrite || !f.validCreate) return context.skip();
      const created = await f.adapter.customerWrite.create(f.validCreate());
      expect(created.provider).toBe(f.adapter.key);
      expect(created.providerId).not.toBe('');
      if (f.adapter.customerRead) {
        const reread = await f.adapter.customerRead.get(created.ref);
        expect(reread?.providerId).toBe(created.providerId);
      }
      if (f.invalidCreate) {
        const error = await expectGatewayError(f.adapter.customerWrite.create(f.invalidCreate.input), 'BAD_USER_INPUT');
        expect(error.field).toBe(f.invalidCreate.field);
      }
    });

    it('lists accounts of a customer and reads each one back', async (context) => {
      if (!f.adapter.accounts) return context.skip();
      const accounts = await f.adapter.accounts.listForCustomer(f.knownCustomer);
      expect(accounts.length).toBeGreaterThan(0);
      for (const account of accounts) {
        expect(ACCOUNT_TYPES).toContain(account.type);
        expect(account.provider).toBe(f.adapter.key);
        if (account.balance) {
          expect(isDecimalString(account.balance.amount)).toBe(true);
          // One form per amount (src/domain/money.ts): at least the currency's minor units.
          expect(canonicalAmount(account.balance.amount, account.balance.currency)).toBe(account.balance.amount);
          expect(account.balance.currency).toMatch(/^[A-Z]{3,5}$/);
        }
        // Full account numbers never leave an adapter: at most a masked display value.
        if (account.numberMasked) expect(account.numberMasked.replace(/\D/g, '').length).toBeLessThanOrEqual(4);
      }
      const first = accounts[0]!;
      const reread = await f.adapter.accounts.get(first.ref);
      expect(reread?.providerId).toBe(first.providerId);
      if (f.unknownAccount) expect(await f.adapter.accounts.get(f.unknownAccount)).toBeNull();
    });

    it('pages an account\'s transactions with exact decimal amounts and unified statuses', async (context) => {
      if (!f.adapter.accountTransactions || !f.adapter.accounts) return context.skip();
      const accounts = await f.adapter.accounts.listForCustomer(f.knownCustomer);
      let checked = 0;
      for (const account of accounts) {
        const page = await f.adapter.accountTransactions.listForAccount(account.ref, query(), { offset: 0, limit: 5 });
        if (page.items.length === 0) continue;
        checked += 1;
        for (const transaction of page.items) {
          expect(isDecimalString(transaction.amount.amount)).toBe(true);
          expect(canonicalAmount(transaction.amount.amount, transaction.amount.currency)).toBe(transaction.amount.amount);
          expect(TRANSACTION_STATUSES).toContain(transaction.status);
          expect(transaction.accountRef?.id).toBe(account.ref.id);
          const at = transaction.postedAt ?? transaction.transactedAt;
          expect(at).toBeInstanceOf(Date);
        }
        const dates = page.items.map((transaction) => (transaction.postedAt ?? transaction.transactedAt)!.getTime());
        expect([...dates].sort((a, b) => b - a)).toEqual(dates);
        if (page.hasMore) {
          const next = await f.adapter.accountTransactions.listForAccount(account.ref, query(), { offset: 5, limit: 5 });
          const seen = new Set(page.items.map((transaction) => transaction.providerId));
          for (const transaction of next.items) expect(seen.has(transaction.providerId)).toBe(false);
        }
        const reread = await f.adapter.accountTransactions.get(page.items[0]!.ref);
        expect(reread?.providerId).toBe(page.items[0]!.providerId);
        break;
      }
      expect(checked).toBe(1);
    });

    it('filters transactions by status', async (context) => {
      if (!f.adapter.accountTransactions || !f.adapter.accounts) return context.skip();
      const [account] = await f.adapter.accounts.listForCustomer(f.knownCustomer);
      const posted = await f.adapter.accountTransactions.listForAccount(
        account!.ref,
        { ...query(), statuses: ['POSTED'] },
        { offset: 0, limit: 50 },
      );
      expect(posted.items.length).toBeGreaterThan(0);
      for (const transaction of posted.items) expect(transaction.status).toBe('POSTED');
    });

    it('lists a customer\'s transactions across accounts in one call', async (context) => {
      if (!f.adapter.customerTransactions) return context.skip();
      const page = await f.adapter.customerTransactions.listForCustomer(f.knownCustomer, query(), { offset: 0, limit: 50 });
      expect(page.items.length).toBeGreaterThan(0);
      for (const transaction of page.items) expect(transaction.customerRef?.id).toBe(f.knownCustomer.id);
    });

    it('reports failures as GatewayErrors with a unified code and the provider', async (context) => {
      if (!f.adapter.accounts) return context.skip();
      const error = await f.adapter.accounts.listForCustomer(f.unknownCustomer).then(
        (accounts) => accounts,
        (caught: unknown) => caught,
      );
      if (f.unknownCustomerAccounts === 'empty') {
        expect(error).toEqual([]);
        return;
      }
      expect(error).toBeInstanceOf(GatewayError);
      expect(ERROR_CODES).toContain((error as GatewayError).code);
      expect((error as GatewayError).code).toBe('NOT_FOUND');
      expect((error as GatewayError).provider).toBe(f.adapter.key);
    });
  });
}
