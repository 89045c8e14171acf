import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Keyv from 'keyv';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookEndpoints } from '../../src/events/webhook-endpoints.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { startWebhookReceiver, type ReceivedRequest } from '../support/webhook-receiver.js';

let gateway: TestGateway;
let dir: string;
const READER_KEY = 'reader-caller-key-123456';

const CREATE = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { id url eventTypes description createdAt } }
}`;
type Created = { createWebhookEndpoint: { secret: string; endpoint: { id: string; url: string; eventTypes: string[] } } | null };

async function register(url: string, eventTypes: string[]): Promise<{ id: string; secret: string }> {
  const answer = await gateway.graphql<Created>(CREATE, { input: { url, eventTypes } });
  expect(answer.errors).toBeUndefined();
  const created = answer.data!.createWebhookEndpoint!;
  return { id: created.endpoint.id, secret: created.secret };
}

const headersOf = (request: ReceivedRequest): Record<string, string> =>
  Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gw-outbound-'));
  await writeFile(join(dir, 'keys.json'), JSON.stringify([{ id: 'reader', sha256: createHash('sha256').update(READER_KEY).digest('hex'), scopes: ['read', 'write'] }]));
  gateway = await startTestGateway({
    env: { REPORT_CALLBACK_HOSTS: '127.0.0.1', API_KEYS_FILE: join(dir, 'keys.json') },
    outboundWebhooks: { retryDelaysMs: [20, 40, 80], jitterRatio: 0.2, attemptTimeoutMs: 2_000 },
  });
});
afterAll(async () => {
  await gateway.close();
  await rm(dir, { recursive: true, force: true });
});

describe('outbound webhooks to the gateway operator (issue 14, item 6)', () => {
  it('signs events the Standard Webhooks way: the library verifies them with the secret shown once, and refuses another secret', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const { id, secret } = await register(`${receiver.url}/events`, ['REPORT_READY']);
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      // Reads never show the secret.
      const listed = await gateway.graphql(`{ webhookEndpoints { id url eventTypes } webhookEndpoint(id: ${JSON.stringify(id)}) { id eventTypes } }`);
      expect(listed.data).toMatchObject({ webhookEndpoint: { id, eventTypes: ['REPORT_READY'] } });
      expect(JSON.stringify(listed)).not.toContain(secret.slice(6));

      const event = gateway.events.publish('report.ready', { reportId: 'r-1', status: 'SUCCESS' });
      const [request] = await receiver.waitFor(1);
      expect(request!.headers['webhook-id']).toBe(event.id);
      expect(new Webhook(secret).verify(request!.raw.toString('utf8'), headersOf(request!))).toEqual({
        type: 'report.ready',
        timestamp: event.occurredAt,
        data: { reportId: 'r-1', status: 'SUCCESS' },
      });
      const other = (await register(`${receiver.url}/other`, ['CONSENT_EXPIRED'])).secret;
      expect(() => new Webhook(other).verify(request!.raw.toString('utf8'), headersOf(request!))).toThrow();
      expect((await gateway.graphql<{ deleteWebhookEndpoint: boolean }>(`mutation { deleteWebhookEndpoint(id: ${JSON.stringify(id)}) }`)).data).toEqual({ deleteWebhookEndpoint: true });
    } finally {
      await receiver.close();
    }
  });

  it('retries a failing receiver with backoff, the same webhook-id every time, until a 2xx', async () => {
    const receiver = await startWebhookReceiver((_request, index) => (index < 2 ? 503 : 204));
    try {
      const { id, secret } = await register(receiver.url, ['CONSENT_REVOKED']);
      const event = gateway.events.publish('consent.revoked', { customerId: 'c-1', purged: [{ store: 'consent-book', deleted: 2 }] });
      const attempts = await receiver.waitFor(3);
      expect(attempts.map((request) => request.status)).toEqual([503, 503, 204]);
      expect(new Set(attempts.map((request) => request.headers['webhook-id']))).toEqual(new Set([event.id]));
      for (const request of attempts) expect(new Webhook(secret).verify(request.raw.toString('utf8'), headersOf(request))).toMatchObject({ type: 'consent.revoked' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(receiver.received).toHaveLength(3);
      await gateway.graphql(`mutation { deleteWebhookEndpoint(id: ${JSON.stringify(id)}) }`);
    } finally {
      await receiver.close();
    }
  });

  it('sends an endpoint only the event types it registered, and nothing after it is deleted', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const { id } = await register(receiver.url, ['CONSENT_EXPIRED']);
      gateway.events.publish('report.ready', { reportId: 'not-for-this-endpoint' });
      const expired = gateway.events.publish('consent.expired', { customerId: 'c-2' });
      const [request] = await receiver.waitFor(1);
      expect(request!.headers['webhook-id']).toBe(expired.id);
      await gateway.graphql(`mutation { deleteWebhookEndpoint(id: ${JSON.stringify(id)}) }`);
      gateway.events.publish('consent.expired', { customerId: 'c-3' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(receiver.received.map((received) => received.json.type)).toEqual(['consent.expired']);
    } finally {
      await receiver.close();
    }
  });

  it('refuses destinations the operator does not allow, callers without the operator scope, and empty event lists', async () => {
    const foreign = await gateway.graphql(CREATE, { input: { url: 'http://169.254.169.254/latest', eventTypes: ['REPORT_READY'] } });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    const empty = await gateway.graphql(CREATE, { input: { url: 'http://127.0.0.1:9/x', eventTypes: [] } });
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.eventTypes' });
    const reader = await gateway.graphql(CREATE, { input: { url: 'http://127.0.0.1:9/x', eventTypes: ['REPORT_READY'] } }, { headers: { 'x-api-key': READER_KEY } });
    expect(reader.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const list = await gateway.graphql('{ webhookEndpoints { id } }', undefined, { headers: { 'x-api-key': READER_KEY } });
    expect(list.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it("shows a Connect session's status to the caller who generated the link and to operators only", async () => {
    const found = await gateway.graphql<{ customers: { edges: Array<{ node: { id: string } }> } }>('{ customers(provider: MASTERCARD_AU, username: "customer_profile_4111") { edges { node { id } } } }');
    const customerId = found.data!.customers.edges[0]!.node.id;
    const session = `query($id: ID!) { connectSession(customerId: $id) { lastEvent } }`;
    // Generated by the reader: theirs to read.
    const generated = await gateway.graphql(`mutation($id: ID!) { generateConnectUrl(input: { customerId: $id }) { url } }`, { id: customerId }, { headers: { 'x-api-key': READER_KEY } });
    expect(generated.errors).toBeUndefined();
    expect((await gateway.graphql(session, { id: customerId }, { headers: { 'x-api-key': READER_KEY } })).data).toEqual({ connectSession: { lastEvent: 'generated' } });
    // The sandbox key has the operator scope.
    expect((await gateway.graphql(session, { id: customerId })).data).toEqual({ connectSession: { lastEvent: 'generated' } });
    // Generated by the operator now: the reader may no longer read it.
    await gateway.graphql(`mutation($id: ID!) { generateConnectUrl(input: { customerId: $id }) { url } }`, { id: customerId });
    const refused = await gateway.graphql(session, { id: customerId }, { headers: { 'x-api-key': READER_KEY } });
    expect(refused.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it('keeps no secret it cannot seal: without GATEWAY_SECRETS_KEY creation names the variable', async () => {
    await expect(createWebhookEndpoints(new Keyv(), null).create({ url: 'https://x.test', eventTypes: ['report.ready'], description: null, createdBy: 't' })).rejects.toThrow(
      /GATEWAY_SECRETS_KEY/,
    );
  });
});
