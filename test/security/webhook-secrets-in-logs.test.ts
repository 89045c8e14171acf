import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.js';
import { MASTERCARD_AU_SANDBOX_CREDENTIALS } from '../../src/sandbox/mastercard/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { logLineSink } from '../support/log-lines.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';

const HEADER_SECRET = 'hdr-secret-value-5521';

describe('webhook secrets never reach the logs (issue 14)', () => {
  let gateway: TestGateway;
  const { stream, lines } = logLineSink();
  beforeAll(async () => {
    gateway = await startTestGateway({
      logger: createLogger('trace', stream),
      env: { REPORT_CALLBACK_HOSTS: '127.0.0.1' },
      outboundWebhooks: { retryDelaysMs: [10], jitterRatio: 0 },
    });
  });
  afterAll(async () => gateway?.close());

  it('logs neither outbound endpoint secrets, Connect webhookHeaders values, signatures nor the partner secret', async () => {
    const failing = await startWebhookReceiver((_request, index) => (index === 0 ? 500 : 200));
    const good = await startWebhookReceiver();
    try {
      const created = await gateway.graphql<{ createWebhookEndpoint: { secret: string } }>(
        'mutation($url: String!) { createWebhookEndpoint(input: { url: $url, eventTypes: [REPORT_READY] }) { secret } }',
        { url: failing.url },
      );
      const secret = created.data!.createWebhookEndpoint.secret;
      gateway.events.publish('report.ready', { reportId: 'r' });
      await failing.waitFor(2);

      const found = await gateway.graphql<{ customers: { edges: Array<{ node: { id: string; providerId: string } }> } }>(
        '{ customers(provider: MASTERCARD_AU, username: "customer_profile_4112") { edges { node { id providerId } } } }',
      );
      const customer = found.data!.customers.edges[0]!.node;
      const refused = await gateway.graphql(
        'mutation($input: GenerateConnectUrlInput!) { generateConnectUrl(input: $input) { url } }',
        { input: { customerId: customer.id, webhook: `${good.url}/x`, webhookHeaders: [{ name: 'X-Key', value: `${HEADER_SECRET}\n` }] } },
      );
      expect(refused.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      const link = await gateway.graphql<{ generateConnectUrl: { url: string } }>(
        'mutation($input: GenerateConnectUrlInput!) { generateConnectUrl(input: $input) { url } }',
        { input: { customerId: customer.id, webhook: `${good.url}/x`, webhookHeaders: [{ name: 'X-Key', value: HEADER_SECRET }] } },
      );
      expect(link.errors).toBeUndefined();
      const simulator = gateway.sandbox!.simulators.MASTERCARD_AU!.url;
      await fetch(`${simulator}/_sandbox/connect`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ customerId: customer.providerId, link: link.data!.generateConnectUrl.url }),
      });
      const events = await good.waitFor(7);
      const signatures = [...failing.received, ...events].flatMap((request) => [request.headers['x-signature'], request.headers['webhook-signature']]).filter(Boolean) as string[];
      expect(signatures.length).toBeGreaterThan(5);

      const log = lines.join('\n');
      expect(log).toContain('outbound webhook delivered'); // the lines under test were written
      for (const value of [secret, secret.slice('whsec_'.length), HEADER_SECRET, MASTERCARD_AU_SANDBOX_CREDENTIALS.partnerSecret, ...signatures]) {
        expect(log.includes(value), value.slice(0, 8)).toBe(false);
      }
    } finally {
      await failing.close();
      await good.close();
    }
  });
});
