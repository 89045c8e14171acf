import { readFileSync } from 'node:fs';
import { buildSchema, isInputObjectType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_OR_DISPLAY_URL_FIELDS, SERVER_TO_SERVER_URL_FIELDS } from '../../src/security/callback-urls.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

/**
 * Every caller-supplied URL a provider calls server to server is held to REPORT_CALLBACK_HOSTS
 * (src/security/callback-urls.ts), not only report `callbackUrl`s: a Connect `webhook` (the
 * platform pings it while the link is generated), a Caibo `notifyUrl`, a consent subscription's
 * `baseUrl`. Here REPORT_CALLBACK_HOSTS is unset: only the gateway's own address is allowed, and the
 * receiver listens on another loopback port.
 */
let gateway: TestGateway;
let receiver: WebhookReceiver;
const TOKEN = 'tok-3f9a1c-secret';

beforeAll(async () => {
  gateway = await startTestGateway();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await gateway?.close();
});

async function auCustomerId(): Promise<string> {
  const answer = await gateway.graphql<{ customers: { edges: Array<{ node: { id: string } }> } }>('{ customers(provider: MASTERCARD_AU, first: 1) { edges { node { id } } } }');
  return answer.data!.customers.edges[0]!.node.id;
}

function expectRefused(answer: { errors?: Array<{ message: string; extensions: Record<string, unknown> }> }, field: string) {
  expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(answer.errors?.[0]?.message).toContain('REPORT_CALLBACK_HOSTS');
  // The URL is never quoted back: it may carry a token.
  expect(JSON.stringify(answer.errors)).not.toContain(TOKEN);
  expect(JSON.stringify(answer.errors)).not.toContain('169.254');
}

const CONNECT = 'mutation($input: GenerateConnectUrlInput!) { generateConnectUrl(input: $input) { url } }';

describe('caller-supplied server-to-server URLs (SSRF)', () => {
  it.each([
    ['the cloud metadata address', `http://169.254.169.254/latest/meta-data/?t=${TOKEN}`],
    ['another loopback port', 'RECEIVER'],
  ])('refuses a Connect webhook at %s before the provider pings it', async (_label, target) => {
    const webhook = target === 'RECEIVER' ? `${receiver.url}/hook?token=${TOKEN}` : target;
    const answer = await gateway.graphql(CONNECT, { input: { customerId: await auCustomerId(), webhook } });
    expect(answer.data?.generateConnectUrl ?? null).toBeNull();
    expectRefused(answer, 'input.webhook');
    expect(receiver.received).toHaveLength(0);
  });

  it("accepts a Connect webhook on the gateway's own address", async () => {
    const answer = await gateway.graphql<{ generateConnectUrl: { url: string } }>(CONNECT, {
      input: { customerId: await auCustomerId(), webhook: `${gateway.url}/webhooks/mastercard/connect` },
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.generateConnectUrl.url).toMatch(/^https?:\/\//);
  });

  it('refuses a Caibo notifyUrl on a host the operator did not allow', async () => {
    const answer = await gateway.graphql('mutation($input: CreatePaymentRequestInput!) { createPaymentRequest(input: $input) { id } }', {
      input: { provider: 'CAIBO_IPG', amount: '10.00', currency: 'EUR', notifyUrl: `${receiver.url}/caibo?token=${TOKEN}` },
    });
    expectRefused(answer, 'input.notifyUrl');
  });

  it('refuses a consent notification baseUrl on a host the operator did not allow', async () => {
    const answer = await gateway.graphql('mutation($b: String) { createConsentNotificationSubscription(baseUrl: $b) { id } }', { b: `http://169.254.169.254/${TOKEN}` });
    expectRefused(answer, 'baseUrl');
  });

  it('classifies every URL input of the schema as server-to-server (checked) or browser/display (not)', () => {
    const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
    const names = new Set<string>();
    for (const type of Object.values(schema.getTypeMap())) {
      if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) names.add(field.name);
      if (isObjectType(type)) for (const field of Object.values(type.getFields())) for (const arg of field.args) names.add(arg.name);
    }
    const urlLike = [...names].filter((name) => /url|uri|webhook|callback/i.test(name) && !/webhook(Data|Headers)/.test(name));
    const classified = new Set([...Object.keys(SERVER_TO_SERVER_URL_FIELDS), ...BROWSER_OR_DISPLAY_URL_FIELDS, 'singleUseUrl']);
    expect(urlLike.filter((name) => !classified.has(name))).toEqual([]);
  });
});

/**
 * PUBLIC_BASE_URL names the gateway's own origin, host and port: another port of that host is
 * another service on the gateway's machine (Redis on 6379, Docker's API on 2375), not the gateway.
 */
describe("the gateway's own host on another port (SSRF)", () => {
  let own: TestGateway;
  beforeAll(async () => {
    own = await startTestGateway({ env: { PUBLIC_BASE_URL: 'http://gw.example.com' } });
  });
  afterAll(async () => {
    await own?.close();
  });

  const VOA = 'mutation($id: ID!, $url: String) { generateVoaReport(customerId: $id, input: { callbackUrl: $url }) { id } }';
  const ENDPOINT = 'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }';

  it('refuses a report callbackUrl on the gateway host at another port', async () => {
    const answer = await own.graphql(VOA, { id: 'any', url: `http://gw.example.com:6379/?t=${TOKEN}` });
    expect(answer.data?.generateVoaReport ?? null).toBeNull();
    expectRefused(answer, 'input.callbackUrl');
  });

  it('refuses a webhook endpoint the gateway itself would POST to at another port of its host, and accepts its own origin', async () => {
    const refused = await own.graphql(ENDPOINT, { input: { url: `http://gw.example.com:2375/containers?t=${TOKEN}`, eventTypes: ['REPORT_READY'] } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    expect(JSON.stringify(refused.errors)).not.toContain(TOKEN);
    for (const url of ['http://gw.example.com/hooks', 'http://gw.example.com:80/hooks']) {
      const accepted = await own.graphql<{ createWebhookEndpoint: { endpoint: { id: string } } }>(ENDPOINT, { input: { url, eventTypes: ['REPORT_READY'] } });
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data!.createWebhookEndpoint.endpoint.id).toBeTruthy();
    }
  });
});
