import { describe, expect, it } from 'vitest';
import { createObpSeed, OBP_SANDBOX_USERS } from '../../../src/sandbox/obp/index.js';
import { ANCHOR } from './obp-test-kit.js';

const seedWith = (seed: number, anchorDate = ANCHOR) => createObpSeed({ seed, anchorDate, users: OBP_SANDBOX_USERS });

describe('OBP simulator: seed data', () => {
  it('is a pure function of seed and anchorDate', () => {
    const a = seedWith(7);
    const b = seedWith(7);
    expect(b.customers).toEqual(a.customers);
    expect(b.accounts).toEqual(a.accounts);
    expect([...b.transactions.entries()]).toEqual([...a.transactions.entries()]);
    expect(seedWith(8).accounts.map((x) => x.accountId)).not.toEqual(a.accounts.map((x) => x.accountId));
  });

  it('gives every account at least six months of history before anchorDate with a running balance ending at the balance', () => {
    const seed = seedWith(20241016);
    expect(new Set(seed.banks.map((b) => b.countryCode)).size).toBeGreaterThanOrEqual(3);
    for (const account of seed.accounts) {
      const txs = seed.transactions.get(`${account.bankId}/${account.accountId}`) ?? [];
      expect(txs.length).toBeGreaterThan(10);
      const first = txs[0]!;
      const last = txs[txs.length - 1]!;
      expect(ANCHOR.getTime() - first.completed.getTime()).toBeGreaterThan(183 * 86_400_000);
      expect(last.completed.getTime()).toBeLessThan(ANCHOR.getTime());
      expect(last.newBalanceMinor).toBe(account.balanceMinor);
      let balance = first.newBalanceMinor - first.amountMinor;
      for (const t of txs) {
        balance += t.amountMinor;
        expect(t.newBalanceMinor).toBe(balance);
      }
      if (account.productCode !== 'CREDIT_CARD') expect(Math.min(...txs.map((t) => t.newBalanceMinor))).toBeGreaterThanOrEqual(0);
    }
  });

  it('links the admin to a customer at every bank and the viewer to one customer at gh.29.uk', () => {
    const seed = seedWith(1);
    const [admin, viewer] = seed.users;
    const customersOf = (userId: string) =>
      seed.userCustomerLinks.filter((l) => l.userId === userId).map((l) => seed.customers.find((c) => c.customerId === l.customerId)!);
    expect(customersOf(admin!.userId).map((c) => c.bankId).sort()).toEqual(seed.banks.map((b) => b.id).sort());
    expect(customersOf(viewer!.userId).map((c) => c.bankId)).toEqual(['gh.29.uk']);
  });
});
