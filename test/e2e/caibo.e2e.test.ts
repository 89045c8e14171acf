import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId, ref } from '../../src/domain/global-id.js';
import { CaiboCreateCustomerDocument, CaiboCustomerDocument } from '../../src/generated/operations.js';
import { CAIBO_SEED_CUSTOMER_IDS } from '../../src/sandbox/caibo/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/** Caibo customers end to end over HTTP, with the sandbox's default auth mode (API key). */
let gateway: TestGateway;
let run = 0;

const caiboCustomerId = (id: number | string): string => encodeGlobalId(ref('CAIBO_IPG', 'Customer', String(id)));
const uniqueEmail = (): string => `e2e-${process.pid}-${(run += 1)}@example.com`;

beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(async () => {
  await gateway?.close();
});

/** A create input: `address` and `memberId` go in the Caibo sub-input, the rest is unified. */
async function createCaibo(fields: Record<string, unknown>) {
  const { address, memberId, ...unified } = fields;
  const own = address === undefined && memberId === undefined ? {} : { caiboIpg: { address, memberId } };
  return gateway.graphql(CaiboCreateCustomerDocument, { input: { provider: 'CAIBO_IPG', ...unified, ...own } as never });
}

describe('Caibo IPG customers end to end', () => {
  it('lists its capabilities without CUSTOMER_LIST, CUSTOMER_DELETE or ACCOUNTS', async () => {
    const answer = await gateway.graphql<{ providers: Array<{ provider: string; enabled: boolean; sandbox: boolean; capabilities: string[] }> }>(
      '{ providers { provider enabled sandbox capabilities } }',
    );
    const caibo = answer.data!.providers.find((provider) => provider.provider === 'CAIBO_IPG')!;
    expect(caibo.enabled).toBe(true);
    expect(caibo.sandbox).toBe(true);
    expect(caibo.capabilities).toEqual(['CUSTOMER_READ', 'CUSTOMER_WRITE', 'CUSTOMER_TRANSACTIONS', 'PAYMENT_REQUESTS', 'SAVED_PAYMENT_METHODS']);
  });

  it('answers UNSUPPORTED_BY_PROVIDER for a Caibo customer list, and the fan-out names Caibo as left out (issue 16, row 5)', async () => {
    const only = await gateway.graphql('{ customers(provider: CAIBO_IPG) { totalCount } }');
    expect(only.errors?.[0]?.extensions).toMatchObject({ code: 'UNSUPPORTED_BY_PROVIDER', provider: 'CAIBO_IPG' });
    type Fan = { customers: { totalCount: number | null; edges: Array<{ node: { provider: string } }>; pageInfo: { endCursor: string }; providerErrors: Array<Record<string, unknown>> } };
    const FAN = 'query($after: String) { customers(first: 5, after: $after) { totalCount edges { node { provider } } pageInfo { endCursor } providerErrors { provider code message retryable retryAfterMs } } }';
    const all = await gateway.graphql<Fan>(FAN, { after: null });
    // Not a failure of this request: providerErrors only, nothing in `errors`.
    expect(all.errors).toBeUndefined();
    expect(all.data!.customers.providerErrors).toEqual([
      { provider: 'CAIBO_IPG', code: 'UNSUPPORTED_BY_PROVIDER', message: expect.stringContaining('no customer list'), retryable: false, retryAfterMs: null },
    ]);
    expect(all.data!.customers.edges.map((edge) => edge.node.provider)).not.toContain('CAIBO_IPG');
    // Every page says so, not only the first.
    const next = await gateway.graphql<Fan>(FAN, { after: all.data!.customers.pageInfo.endCursor });
    expect(next.data!.customers.providerErrors.map((error) => error.provider)).toEqual(['CAIBO_IPG']);
  });

  it('reads a seed customer with memberId, address, totalDeposits and payment requests as transactions', async () => {
    // Jane's seed requests reach 150 days back; the default window is shorter.
    const from = new Date(Date.now() - 200 * 86_400_000).toISOString();
    const answer = await gateway.graphql(CaiboCustomerDocument, { id: caiboCustomerId(CAIBO_SEED_CUSTOMER_IDS.janeDoe), filter: { from } });
    expect(answer.errors).toBeUndefined();
    const customer = answer.data!.customer!;
    expect(customer.providerId).toBe(String(CAIBO_SEED_CUSTOMER_IDS.janeDoe));
    expect(customer).toMatchObject({ name: 'Jane Doe', memberId: 'CUST-001', hasPaymentRequests: true });
    expect(customer.address).toContain('Springfield');
    // Jane's seed requests: approved, approved, declined, pending, all in USD.
    expect(customer.totalDeposits?.currency).toBe('USD');
    expect(Number(customer.totalDeposits!.amount)).toBeGreaterThan(0);
    const transactions = customer.transactions!.edges.map((edge) => edge.node);
    expect(customer.transactions!.totalCount).toBe(4);
    expect(transactions.map((transaction) => transaction.status).sort()).toEqual(['DECLINED', 'PENDING', 'POSTED', 'POSTED']);
    const posted = transactions.filter((transaction) => transaction.status === 'POSTED');
    const sum = posted.reduce((total, transaction) => total + Number(transaction.amount.amount), 0);
    expect(Number(customer.totalDeposits!.amount)).toBeCloseTo(sum, 2);
    for (const transaction of transactions) {
      expect(transaction.account).toBeNull();
      expect(transaction.amount.currency).toBe('USD');
      expect(transaction.amount.amount).toMatch(/^\d+(\.\d+)?$/);
      expect(transaction.paymentRequest?.link).toMatch(/requestId=\d+/);
      expect(transaction.providerStatus).toMatch(/^(waiting|pending|approved|declined)\/(paid|unpaid|cancelled)$/);
    }
    const dates = transactions.map((transaction) => Date.parse(transaction.transactedAt!));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    expect(posted.every((transaction) => transaction.postedAt !== null)).toBe(true);
  });

  it('shows a cancelled payment request as CANCELLED and filters transactions by status', async () => {
    const answer = await gateway.graphql<{ customer: { transactions: { edges: Array<{ node: { status: string; providerStatus: string } }> } } }>(
      'query ($id: ID!, $from: DateTime!) { customer(id: $id) { transactions(filter: { statuses: [CANCELLED], from: $from }) { edges { node { status providerStatus } } } } }',
      { id: caiboCustomerId(CAIBO_SEED_CUSTOMER_IDS.lukasSchmidt), from: new Date(Date.now() - 200 * 86_400_000).toISOString() },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.customer.transactions.edges.map((edge) => edge.node)).toEqual([{ status: 'CANCELLED', providerStatus: 'waiting/cancelled' }]);
  });

  it('has no accounts: Customer.accounts answers UNSUPPORTED_BY_PROVIDER', async () => {
    const answer = await gateway.graphql('query ($id: ID!) { customer(id: $id) { name accounts { totalCount } } }', {
      id: caiboCustomerId(CAIBO_SEED_CUSTOMER_IDS.meiTanaka),
    });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'UNSUPPORTED_BY_PROVIDER', provider: 'CAIBO_IPG' });
    expect(answer.errors?.[0]?.path).toEqual(['customer', 'accounts']);
  });

  it('answers NOT_FOUND for an unknown customer', async () => {
    const answer = await gateway.graphql(CaiboCustomerDocument, { id: caiboCustomerId('9999999999999999') });
    expect(answer.data?.customer).toBeNull();
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', provider: 'CAIBO_IPG' });
  });

  it('creates a customer with address and memberId, reads it back, and updates it partially', async () => {
    const email = uniqueEmail();
    const created = await createCaibo({ name: 'Ana Lima', email, phone: '+5511987654321', address: 'Rua A 1, São Paulo', memberId: 'M-77' });
    expect(created.errors).toBeUndefined();
    const customer = created.data!.createCustomer;
    expect(customer).toMatchObject({ provider: 'CAIBO_IPG', name: 'Ana Lima', email, address: 'Rua A 1, São Paulo', memberId: 'M-77', hasPaymentRequests: false });
    expect(customer!.providerId).toMatch(/^\d+$/);
    expect(Date.parse(customer!.createdAt!)).not.toBeNaN();

    const updated = await gateway.graphql<{ updateCustomer: { name: string; email: string; phone: string; memberId: string; address: string } }>(
      'mutation ($id: ID!) { updateCustomer(id: $id, input: { caiboIpg: { memberId: "M-78" }, phone: "+5511000000000" }) { name email phone memberId address } }',
      { id: customer!.id },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateCustomer).toEqual({ name: 'Ana Lima', email, phone: '+5511000000000', memberId: 'M-78', address: 'Rua A 1, São Paulo' });

    const reread = await gateway.graphql(CaiboCustomerDocument, { id: customer!.id });
    expect(reread.data!.customer).toMatchObject({ memberId: 'M-78', phone: '+5511000000000' });
  });

  describe('validation before any call (BAD_USER_INPUT naming the field)', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['name missing', { email: 'a@example.com' }, 'input.name'],
      ['email missing', { name: 'A' }, 'input.email'],
      ['email format', { name: 'A', email: 'not-an-email' }, 'input.email'],
      ['email with two @', { name: 'A', email: 'a@b@example.com' }, 'input.email'],
      ['name over 100', { name: 'n'.repeat(101), email: 'a@example.com' }, 'input.name'],
      ['email over 100', { name: 'A', email: `${'e'.repeat(89)}@example.com` }, 'input.email'],
      ['address over 255', { name: 'A', email: 'a@example.com', address: 'x'.repeat(256) }, 'input.caiboIpg.address'],
      ['phone over 20', { name: 'A', email: 'a@example.com', phone: '+'.padEnd(21, '1') }, 'input.phone'],
      ['memberId over 50', { name: 'A', email: 'a@example.com', memberId: 'm'.repeat(51) }, 'input.caiboIpg.memberId'],
      ['firstName (Caibo has one name)', { name: 'A', email: 'a@example.com', firstName: 'A' }, 'input.firstName'],
      ['username', { name: 'A', email: 'a@example.com', username: 'someone' }, 'input.username'],
      ['kind (Caibo customers have none)', { name: 'A', email: 'a@example.com', kind: 'TESTING' }, 'input.kind'],
    ];
    it.each(cases)('%s', async (_label, fields, field) => {
      const before = await fetch(`${gateway.sandbox!.simulators.CAIBO_IPG!.url}/_sandbox/stats`).then((response) => response.json() as Promise<{ requests: number }>);
      const answer = await createCaibo(fields);
      expect(answer.data).toEqual({ createCustomer: null });
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      const after = await fetch(`${gateway.sandbox!.simulators.CAIBO_IPG!.url}/_sandbox/stats`).then((response) => response.json() as Promise<{ requests: number }>);
      expect(after.requests).toBe(before.requests);
    });

    it('accepts every field at its maximum length', async () => {
      const email = `${'e'.repeat(100 - '@example.com'.length - 6)}${String(run += 1).padStart(6, '0')}@example.com`;
      expect(email).toHaveLength(100);
      const answer = await createCaibo({ name: 'n'.repeat(100), email, address: 'a'.repeat(255), phone: '1'.repeat(20), memberId: 'm'.repeat(50) });
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.createCustomer!.memberId).toHaveLength(50);
    });

    it('checks update fields too', async () => {
      const answer = await gateway.graphql('mutation ($id: ID!) { updateCustomer(id: $id, input: { email: "nope" }) { id } }', {
        id: caiboCustomerId(CAIBO_SEED_CUSTOMER_IDS.meiTanaka),
      });
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
    });

    it('Mastercard rejects the Caibo-only fields by name', async () => {
      const answer = await gateway.graphql('mutation { createCustomer(input: { provider: MASTERCARD_US, username: "caibo-only-1", caiboIpg: { memberId: "M-1" } }) { id } }');
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.caiboIpg' });
      const update = await gateway.graphql('mutation ($id: ID!) { updateCustomer(id: $id, input: { caiboIpg: { address: "x" } }) { id } }', {
        id: encodeGlobalId(ref('MASTERCARD_US', 'Customer', '1005061234')),
      });
      expect(update.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.caiboIpg' });
    });
  });
});
