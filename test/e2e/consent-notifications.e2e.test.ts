import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Keyv from 'keyv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PurgeScope } from '../../src/domain/purge.js';
import { createSecretBox } from '../../src/security/secret-box.js';
import { createConsentSigningKeys } from '../../src/webhooks/consent-signing-keys.js';
import type { GatewayEvent } from '../../src/events/gateway-events.js';
import {
  AuCustomerAccountsDocument,
  ChangeConsentNotificationSubscriptionUrlDocument,
  ConsentNotificationSubscriptionDocument,
  ConsentNotificationSubscriptionsDocument,
  CreateConsentNotificationSubscriptionDocument,
  CustomerConsentsDocument,
  DeleteConsentNotificationSubscriptionDocument,
  DeletionRecordsDocument,
  GenerateVoaReportDocument,
} from '../../src/generated/operations.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/** What the provider posted, byte for byte, as a recording proxy in front of the gateway saw it. */
interface Captured {
  path: string;
  headers: Record<string, string>;
  body: Buffer;
  status: number;
}

let gateway: TestGateway;
let recorder: Server;
let recorderUrl: string;
const captured: Captured[] = [];
const store = new Keyv();
const SECRETS_KEY = randomBytes(32).toString('base64');

function startRecorder(target: () => string): Promise<Server> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name.startsWith('event-') || name === 'content-type')) as Record<string, string>;
      void fetch(`${target()}${request.url}`, { method: 'POST', headers, body })
        .then(async (answer) => {
          captured.push({ path: request.url ?? '', headers, body, status: answer.status });
          response.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
        })
        .catch(() => response.writeHead(502).end());
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const simUrl = () => gateway.sandbox!.simulators.MASTERCARD_AU!.url;
const sim = (path: string, body?: unknown) =>
  fetch(`${simUrl()}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
const post = (path: string, headers: Record<string, string>, body: Buffer | string) => fetch(`${gateway.url}${path}`, { method: 'POST', headers, body });

beforeAll(async () => {
  recorder = await startRecorder(() => gateway.url);
  recorderUrl = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`;
  // REPORT_CALLBACK_HOSTS: the subscription's baseUrl is the recorder, on another loopback port.
  gateway = await startTestGateway({ store, env: { GATEWAY_SECRETS_KEY: SECRETS_KEY, REPORT_CALLBACK_HOSTS: '127.0.0.1' }, sandbox: { providers: { MASTERCARD_AU: { consentRetryDelaysMs: [5, 10, 20] } } } });
});
afterAll(async () => {
  await gateway?.close();
  await new Promise((resolve) => recorder?.close(resolve));
});

async function countAll(scope: PurgeScope): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const target of gateway.purge.list()) counts[target.name] = await target.count(scope);
  return counts;
}

function nextEvent(type: GatewayEvent['type']): Promise<GatewayEvent> {
  return new Promise((resolve) => {
    const stop = gateway.events.subscribe((event) => {
      if (event.type !== type) return;
      stop();
      resolve(event);
    });
  });
}

let subscriptionId: string;

describe('consent notification subscriptions (operator)', () => {
  it('subscribes the gateway at the AU provider and keeps the signing key sealed, never returning it', async () => {
    const created = await gateway.graphql(CreateConsentNotificationSubscriptionDocument, { baseUrl: recorderUrl });
    expect(created.errors).toBeUndefined();
    const subscription = created.data!.createConsentNotificationSubscription!;
    expect(subscription).toMatchObject({ notificationType: 'CONSENT', signingKeyStored: true });
    expect(subscription.url).toMatch(new RegExp(`^${recorderUrl}/webhooks/mastercard/consents/[A-Za-z0-9_-]{43}$`));
    subscriptionId = subscription.id;

    const listed = await gateway.graphql(ConsentNotificationSubscriptionsDocument);
    expect(listed.data!.consentNotificationSubscriptions!.map((s) => s.id)).toContain(subscriptionId);
    const one = await gateway.graphql(ConsentNotificationSubscriptionDocument, { id: subscriptionId });
    expect(one.data!.consentNotificationSubscription).toMatchObject({ id: subscriptionId, url: subscription.url, signingKeyStored: true });
    // The only copy of the key is sealed (AES-256-GCM) in the store.
    const token = subscription.url.split('/').at(-1)!;
    const stored = (await store.get(`consent-webhook:token:${token}`)) as { sealed: string };
    expect(stored.sealed).toMatch(/^v1\./);
    expect(JSON.stringify(stored)).not.toMatch(/[0-9a-f]{64}/);

    const unknown = await gateway.graphql(ConsentNotificationSubscriptionDocument, { id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.errors![0]!.extensions.code).toBe('NOT_FOUND');
    const bad = await gateway.graphql(CreateConsentNotificationSubscriptionDocument, { baseUrl: 'ftp://example.com' });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'baseUrl' });
  });

  it('changes the URL at the provider, keeping the token that names the key', async () => {
    const moved = await gateway.graphql(ChangeConsentNotificationSubscriptionUrlDocument, { id: subscriptionId, baseUrl: `${recorderUrl}/` });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.changeConsentNotificationSubscriptionUrl!.url).toMatch(new RegExp(`^${recorderUrl}/webhooks/mastercard/consents/`));
  });
});

describe('a signed INSTITUTIONS_REVOKED from the simulator', () => {
  it('purges every store for the customer, writes a deletion record, publishes consent.revoked and refuses reads', async () => {
    const customers = await gateway.graphql<{ customers: { edges: Array<{ node: { id: string; providerId: string } }> } }>(
      'query { customers(provider: MASTERCARD_AU, username: "customer_profile_4113") { edges { node { id providerId } } } }',
    );
    const customer = customers.data!.customers.edges[0]!.node;
    const accounts = await gateway.graphql(AuCustomerAccountsDocument, { id: customer.id });
    expect(accounts.errors).toBeUndefined();
    expect(accounts.data!.customer!.accounts!.edges.length).toBeGreaterThan(0);
    const consumer = await gateway.graphql(
      'mutation ($customerId: ID!) { createConsumer(customerId: $customerId, input: { firstName: "Ada", lastName: "Lovelace", address: "100 Arthur Street", city: "Sydney", state: "NSW", zip: "2060", phone: "0412345678", email: "ada@example.com.au", birthday: { year: 1989, month: 8, dayOfMonth: 13 } }) { id } }',
      { customerId: customer.id },
    );
    expect(consumer.errors).toBeUndefined();
    const report = await gateway.graphql(GenerateVoaReportDocument, { customerId: customer.id });
    expect(report.errors).toBeUndefined();
    const consent = (await gateway.graphql(CustomerConsentsDocument, { customerId: customer.id })).data!.consents!.edges[0]!.node;

    const scope: PurgeScope = { provider: 'MASTERCARD_AU', customerId: customer.providerId, institutionIds: null, accountIds: null };
    const before = await countAll(scope);
    expect(before['consent-book']).toBeGreaterThan(0);
    expect(before['report-status:MASTERCARD_AU']).toBeGreaterThan(0);

    const published = nextEvent('consent.revoked');
    // The customer revokes in the Connect Dashboard (sandbox control): the simulator signs and posts INSTITUTIONS_REVOKED.
    const revoked = await sim(`/_sandbox/consents/${consent.receiptId}/revoke`);
    expect(revoked.status).toBe(200);
    const { eventId } = (await revoked.json()) as { eventId: string };
    const event = await published;
    expect(event.data).toMatchObject({ provider: 'MASTERCARD_AU', customerId: customer.id, consentReceiptId: consent.receiptId, cause: { type: 'provider-event', eventId } });

    const after = await countAll(scope);
    expect(Object.values(after).every((count) => count === 0)).toBe(true);

    const records = await gateway.graphql(DeletionRecordsDocument, { first: 5 });
    expect(records.errors).toBeUndefined();
    const record = records.data!.deletionRecords!.edges[0]!.node;
    expect(record).toMatchObject({
      id: event.data.deletionRecordId,
      customerId: customer.id,
      customerProviderId: customer.providerId,
      consentReceiptId: consent.receiptId,
      kind: 'revoked',
      complete: true,
      cause: { type: 'provider-event', eventId, eventType: 'INSTITUTIONS_REVOKED', callerId: null },
    });
    expect([...record.institutionIds].sort()).toEqual(consent.arrangements.map((a) => a.institutionId).sort());
    for (const [store, count] of Object.entries(before)) expect(record.stores.find((s) => s.store === store)?.deleted).toBe(count);
    // The record names what and how many, never the data itself.
    expect(JSON.stringify(record)).not.toContain(accounts.data!.customer!.accounts!.edges[0]!.node.providerId);

    const refused = await gateway.graphql(AuCustomerAccountsDocument, { id: customer.id });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'CONSENT_REVOKED', provider: 'MASTERCARD_AU' });

    await sim('/_sandbox/consent-events/idle');
    const delivery = captured.find((c) => c.headers['event-id'] === eventId)!;
    expect(delivery).toMatchObject({ status: 200, headers: { 'event-type': 'INSTITUTIONS_REVOKED', 'event-context': 'CONSENT' } });
  });

  it('refuses a forged signature, a wrong key and an oversized body, and ignores a replay', async () => {
    const original = captured.find((c) => c.headers['event-type'] === 'INSTITUTIONS_REVOKED')!;
    const recordsBefore = (await gateway.graphql(DeletionRecordsDocument, { first: 1 })).data!.deletionRecords!.totalCount;
    const fresh = Buffer.from(original.body.toString('utf8').replaceAll(original.headers['event-id']!, 'ffffffff-0000-4000-8000-000000000000'));
    const headers = { ...original.headers, 'event-id': 'ffffffff-0000-4000-8000-000000000000' };

    const forged = await post(original.path, { ...headers, 'event-signature': 'a'.repeat(64) }, fresh);
    expect(forged.status).toBe(401);
    const wrongKey = await post(original.path, { ...headers, 'event-signature': createHmac('sha256', randomBytes(32)).update(fresh).digest('hex') }, fresh);
    expect(wrongKey.status).toBe(401);
    // The provider's signature over other bytes: changing one byte of the body breaks it.
    const tampered = await post(original.path, headers, fresh);
    expect(tampered.status).toBe(401);
    const oversized = await post(original.path, original.headers, Buffer.alloc(300 * 1024, 0x20));
    expect(oversized.status).toBe(413);

    const replay = await post(original.path, original.headers, original.body);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ accepted: true, replay: true });
    const recordsAfter = (await gateway.graphql(DeletionRecordsDocument, { first: 1 })).data!.deletionRecords!.totalCount;
    expect(recordsAfter).toBe(recordsBefore);
  });

  it('purges on INSTITUTIONS_EXPIRED for the one institution whose access period ended', async () => {
    const customers = await gateway.graphql<{ customers: { edges: Array<{ node: { id: string; providerId: string } }> } }>(
      'query { customers(provider: MASTERCARD_AU, username: "customer_profile_4112") { edges { node { id providerId } } } }',
    );
    const customer = customers.data!.customers.edges[0]!.node;
    const consent = (await gateway.graphql(CustomerConsentsDocument, { customerId: customer.id })).data!.consents!.edges[0]!.node;
    const second = consent.arrangements.find((a) => a.institutionId === '2002119')!;
    const published = nextEvent('consent.expired');
    const expired = await sim(`/_sandbox/consents/${consent.receiptId}/expire`, { institutionLoginId: second.institutionLoginId });
    expect(expired.status).toBe(200);
    const event = await published;
    expect(event.data).toMatchObject({ customerId: customer.id, institutionIds: ['2002119'], cause: { type: 'provider-event', eventType: 'INSTITUTIONS_EXPIRED' } });
    const record = (await gateway.graphql(DeletionRecordsDocument, { first: 1 })).data!.deletionRecords!.edges[0]!.node;
    expect(record).toMatchObject({ id: event.data.deletionRecordId, kind: 'expired', institutionIds: ['2002119'] });
    // The other institution's arrangement is still active: its accounts are still served.
    const accounts = await gateway.graphql(AuCustomerAccountsDocument, { id: customer.id });
    expect(accounts.errors).toBeUndefined();
    expect(accounts.data!.customer!.accounts!.edges.every((edge) => edge.node.institutionId !== '2002119')).toBe(true);
    expect(accounts.data!.customer!.accounts!.edges.length).toBeGreaterThan(0);
  });

  it('accepts and logs a signed event of a type it does not know, never a 5xx', async () => {
    // A subscription key written as the gateway writes it (sealed with its GATEWAY_SECRETS_KEY).
    const keys = createConsentSigningKeys(store, createSecretBox(SECRETS_KEY), () => gateway.url);
    const { token, url } = keys.newCallback();
    await keys.save(token, { provider: 'MASTERCARD_AU', subscriptionId: 'test-subscription', signingKey: 'known-test-key' });
    const body = JSON.stringify({ eventId: 'evt-unknown-1', eventType: 'CONSENT_REWRITTEN', eventContext: 'CONSENT', customerId: '1', payload: {} });
    const signature = createHmac('sha256', 'known-test-key').update(body).digest('hex');
    const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'event-signature': signature, 'event-id': 'evt-unknown-1' }, body });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ accepted: true });
    // Accepted means remembered: the same event again changes nothing.
    const again = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'event-signature': signature, 'event-id': 'evt-unknown-1' }, body });
    expect(await again.json()).toEqual({ accepted: true, replay: true });
  });

  it('deletes the gateway side of a subscription: its notifications are refused from then on', async () => {
    const original = captured.find((c) => c.headers['event-type'] === 'INSTITUTIONS_REVOKED')!;
    const deleted = await gateway.graphql(DeleteConsentNotificationSubscriptionDocument, { id: subscriptionId });
    expect(deleted.data!.deleteConsentNotificationSubscription).toBe(true);
    const after = await post(original.path, original.headers, original.body);
    expect(after.status).toBe(401);
  });
});
