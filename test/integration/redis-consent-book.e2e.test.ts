import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createCacheStore } from '../../src/auth/cache-store.js';
import { AuCustomerAccountsDocument, CustomerConsentsDocument, RevokeConsentDocument } from '../../src/generated/operations.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { redisUrlOrSkip } from '../support/redis.js';

const redisUrl = redisUrlOrSkip();
const running: TestGateway[] = [];
afterAll(async () => {
  // The first gateway owns the sandbox the second one borrows: close the borrower first.
  for (const gateway of running.reverse()) await gateway.close();
});

describe.skipIf(!redisUrl)('the consent book shared through CACHE_URL=redis://', () => {
  it('revokes through one gateway and answers CONSENT_REVOKED through the other', async () => {
    // One key namespace per test run: other worktrees use the same Redis at the same time.
    const namespace = `test-consent-book-${randomUUID()}`;
    const first = await startTestGateway({ store: await createCacheStore(redisUrl, namespace) });
    running.push(first);
    const second = await startTestGateway({ store: await createCacheStore(redisUrl, namespace), endpoints: first.sandbox!.endpoints });
    running.push(second);

    const found = await first.graphql<{ customers: { edges: Array<{ node: { id: string } }> } }>(
      'query { customers(provider: MASTERCARD_AU, username: "customer_profile_4114") { edges { node { id } } } }',
    );
    const customerId = found.data!.customers.edges[0]!.node.id;
    const read = await second.graphql(AuCustomerAccountsDocument, { id: customerId });
    expect(read.errors).toBeUndefined();
    expect(read.data!.customer!.accounts!.totalCount).toBeGreaterThan(0);

    const consent = (await first.graphql(CustomerConsentsDocument, { customerId })).data!.consents!.edges[0]!.node;
    const revoked = await first.graphql(RevokeConsentDocument, { id: consent.id, revokedBy: 'CUSTOMER' });
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data!.revokeConsent!.status).toBe('INACTIVE');

    // The second instance learns it from the shared book, not from a consent read of its own.
    const after = await second.graphql(AuCustomerAccountsDocument, { id: customerId });
    expect(after.errors?.[0]?.extensions).toMatchObject({ code: 'CONSENT_REVOKED', provider: 'MASTERCARD_AU' });
    expect(after.data?.customer?.accounts ?? null).toBeNull();
  });
});
