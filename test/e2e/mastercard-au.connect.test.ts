import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MASTERCARD_AU_SANDBOX_CREDENTIALS } from '../../src/sandbox/mastercard/index.js';
import { ConnectSessionDocument, GenerateConnectDashboardUrlDocument, GenerateConnectUrlDocument } from '../../src/generated/operations.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { startWebhookReceiver, type ReceivedRequest, type WebhookReceiver } from '../support/webhook-receiver.js';

let gateway: TestGateway;
let simulatorUrl: string;
const SECRET_VALUE = 'sadf67ewrkh-very-secret';
const sign = (raw: Buffer | string) => createHmac('sha256', MASTERCARD_AU_SANDBOX_CREDENTIALS.partnerSecret).update(raw).digest('hex');

async function auCustomer(username: string): Promise<{ id: string; providerId: string }> {
  const answer = await gateway.graphql<{ customers: { edges: Array<{ node: { id: string; providerId: string } }> } }>(
    `query { customers(provider: MASTERCARD_AU, username: ${JSON.stringify(username)}) { edges { node { id providerId } } } }`,
  );
  return answer.data!.customers.edges[0]!.node;
}

function sandboxConnect(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${simulatorUrl}/_sandbox/connect`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

const eventsOf = (receiver: WebhookReceiver) => (request: ReceivedRequest) => request.json.eventType !== 'ping' && request.status === 200;

beforeAll(async () => {
  // REPORT_CALLBACK_HOSTS: the caller-supplied webhooks below listen on other loopback ports.
  gateway = await startTestGateway({ env: { REPORT_CALLBACK_HOSTS: '127.0.0.1' } });
  simulatorUrl = gateway.sandbox!.simulators.MASTERCARD_AU!.url;
});
afterAll(async () => {
  await gateway.close();
});

describe('Mastercard AU Connect options and webhooks (issue 16 row 7, issue 14)', () => {
  it('pings the webhook, then sends the signed session events with webhookData and webhookHeaders, retrying failures with the same eventId', async () => {
    // The listener fails the first two deliveries of `adding`, then accepts.
    let addingFailures = 0;
    const receiver = await startWebhookReceiver((request) => (request.json.eventType === 'adding' && addingFailures++ < 2 ? 503 : 200));
    try {
      const customer = await auCustomer('customer_profile_4113');
      const generated = await gateway.graphql(GenerateConnectUrlDocument, {
        input: {
          customerId: customer.id,
          webhook: `${receiver.url}/hook`,
          webhookData: { uniqueRequestId: 'req-42' },
          webhookHeaders: [{ name: 'webhookServerKey', value: SECRET_VALUE }],
          institutionSettings: [{ institutionId: '2002120', visibility: 'HIDDEN' }],
          singleUseUrl: true,
        },
      });
      expect(generated.errors).toBeUndefined();
      const link = generated.data!.generateConnectUrl!.url;
      // The ping came before the answer: signed, with the custom header, body exactly as documented.
      const [ping] = await receiver.waitFor(1, (request) => request.json.eventType === 'ping');
      expect(JSON.parse(ping!.raw.toString())).toEqual({ eventType: 'ping', payload: {} });
      expect(ping!.headers['x-signature']).toBe(sign(ping!.raw));
      expect(ping!.headers.webhookserverkey).toBe(SECRET_VALUE);

      // The hidden institution cannot be chosen in this session.
      expect((await sandboxConnect({ customerId: customer.providerId, institutionId: '2002120', link })).status).toBe(400);
      const opened = await sandboxConnect({ customerId: customer.providerId, institutionId: '200003', profile: 'profile_4113', link });
      expect(opened.status).toBe(201);
      expect(((await opened.json()) as { connectEvents: string[] }).connectEvents).toEqual(['started', 'institutionSupported', 'adding', 'processing', 'added', 'done']);

      const delivered = await receiver.waitFor(6, eventsOf(receiver));
      expect(delivered.map((request) => request.json.eventType)).toEqual(['started', 'institutionSupported', 'adding', 'processing', 'added', 'done']);
      for (const request of delivered) {
        expect(request.headers['x-signature']).toBe(sign(request.raw));
        expect(request.json).toMatchObject({ customerId: customer.providerId, webhookData: { uniqueRequestId: 'req-42' } });
        expect(String(request.json.eventId)).toMatch(/^\d{13}-[0-9a-f]{24}$/);
      }
      const adding = receiver.received.filter((request) => request.json.eventType === 'adding');
      expect(adding.map((request) => request.status)).toEqual([503, 503, 200]);
      expect(new Set(adding.map((request) => request.json.eventId)).size).toBe(1);
      const added = delivered.find((request) => request.json.eventType === 'added')!.json.payload as { institutionId: string; accounts: Array<{ id: string }> };
      expect(added.institutionId).toBe('200003');
      expect(added.accounts.length).toBeGreaterThan(0);

      // Single use: the link does not open a second session.
      expect((await sandboxConnect({ customerId: customer.providerId, institutionId: '200003', link })).status).toBe(400);
    } finally {
      await receiver.close();
    }
  });

  it('fails Generate Connect URL when the webhook does not answer the ping with a 2xx, without echoing header values', async () => {
    const receiver = await startWebhookReceiver(() => 500);
    try {
      const customer = await auCustomer('customer_profile_4114');
      const answer = await gateway.graphql(GenerateConnectUrlDocument, {
        input: { customerId: customer.id, webhook: receiver.url, webhookHeaders: [{ name: 'X-Key', value: SECRET_VALUE }] },
      });
      expect(answer.data?.generateConnectUrl ?? null).toBeNull();
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', provider: 'MASTERCARD_AU', providerCode: '10010' });
      expect(JSON.stringify(answer.errors)).not.toContain(SECRET_VALUE);
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it.each([
    [{ webhookHeaders: [{ name: 'Bad Name', value: 'x' }] }, 'input.webhookHeaders[0].name'],
    [{ webhookHeaders: [{ name: 'X-Signature', value: 'x' }] }, 'input.webhookHeaders[0].name'],
    [{ webhookHeaders: [{ name: 'X-A', value: `${SECRET_VALUE}\r\nX-Injected: 1` }] }, 'input.webhookHeaders[0].value'],
    [{ webhookHeaders: [{ name: 'X-A', value: 'a' }, { name: 'x-a', value: 'b' }] }, 'input.webhookHeaders[1].name'],
    [{ webhookData: ['not', 'an', 'object'] }, 'input.webhookData'],
    [{ webhookData: { blob: 'x'.repeat(3000) } }, 'input.webhookData'],
    [{ institutionSettings: [{ institutionId: 'FinBank', visibility: 'HIDDEN' }] }, 'input.institutionSettings[0].institutionId'],
    [{ kind: 'LITE', institutionId: '200003', institutionSettings: [{ institutionId: '5', visibility: 'HIDDEN' }] }, 'input.institutionSettings'],
  ] as Array<[Record<string, unknown>, string]>)('refuses %j as BAD_USER_INPUT before any provider call', async (extra, field) => {
    const customer = await auCustomer('customer_profile_4115');
    const simulator = gateway.sandbox!.simulators.MASTERCARD_AU!;
    const before = simulator.stats!() as { byRoute: Record<string, number> };
    const answer = await gateway.graphql(GenerateConnectUrlDocument, { input: { customerId: customer.id, ...extra } as never });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(JSON.stringify(answer.errors)).not.toContain(SECRET_VALUE);
    const after = simulator.stats!() as { byRoute: Record<string, number> };
    expect(after.byRoute['POST /connect/v2/generate'] ?? 0).toBe(before.byRoute['POST /connect/v2/generate'] ?? 0);
  });

  it("defaults the webhook to the gateway's own receiver and records the session for its caller", async () => {
    const customer = await auCustomer('customer_profile_4116');
    const generated = await gateway.graphql(GenerateConnectUrlDocument, { input: { customerId: customer.id } });
    expect(generated.errors).toBeUndefined();
    const pending = await gateway.graphql(ConnectSessionDocument, { customerId: customer.id });
    expect(pending.data!.connectSession).toMatchObject({ lastEvent: 'generated' });
    const opened = await sandboxConnect({ customerId: customer.providerId, institutionId: '200003', profile: 'profile_4116', link: generated.data!.generateConnectUrl!.url });
    const { accountIds } = (await opened.json()) as { accountIds: string[] };
    let session = pending.data!.connectSession;
    for (let i = 0; i < 100 && session?.lastEvent !== 'done'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      session = (await gateway.graphql(ConnectSessionDocument, { customerId: customer.id })).data!.connectSession;
    }
    expect(session).toMatchObject({ lastEvent: 'done', institutionId: '200003' });
    expect([...session!.accountIds].sort()).toEqual([...accountIds].sort());
  });

  it('answers the Connect Dashboard link', async () => {
    const customer = await auCustomer('customer_profile_4110');
    const answer = await gateway.graphql(GenerateConnectDashboardUrlDocument, { customerId: customer.id });
    expect(answer.errors).toBeUndefined();
    const url = new URL(answer.data!.generateConnectDashboardUrl!.url);
    expect(url.searchParams.get('customerId')).toBe(customer.providerId);
    expect(gateway.sandbox!.simulators.MASTERCARD_AU!.stats!()).toMatchObject({ byRoute: { 'POST /connect/v2/generate/consent/manage': 1 } });
  });
});
