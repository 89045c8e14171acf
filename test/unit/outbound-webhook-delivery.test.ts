import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Keyv from 'keyv';
import { afterEach, describe, expect, it } from 'vitest';
import { createGatewayEvents } from '../../src/events/gateway-events.js';
import { createWebhookDelivery } from '../../src/events/webhook-delivery.js';
import { createWebhookEndpoints } from '../../src/events/webhook-endpoints.js';
import { createLogger } from '../../src/observability/logger.js';
import { createSecretBox } from '../../src/security/secret-box.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A listener that leaves the first `hang` requests unanswered (until it closes), then answers 200. */
async function hangingReceiver(hang: number): Promise<{ url: string; count: () => number }> {
  let count = 0;
  const open: ServerResponse[] = [];
  const server = createServer((request, response) => {
    request.resume();
    count += 1;
    if (count <= hang) open.push(response);
    else response.writeHead(200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, count: () => count };
}

async function setUp(url: string, delivery: { attemptTimeoutMs: number; maxPending: number }) {
  const events = createGatewayEvents();
  const endpoints = createWebhookEndpoints(new Keyv(), createSecretBox('k'.repeat(40)));
  await endpoints.create({ url, eventTypes: ['report.ready'], description: null, createdBy: 'test' });
  const sender = createWebhookDelivery({
    events,
    endpoints,
    urlAllowed: () => true,
    logger: createLogger('silent'),
    delivery: { retryDelaysMs: [10, 10, 10, 10], jitterRatio: 0, ...delivery },
  });
  cleanups.unshift(() => sender.close());
  return { events, sender };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('outbound webhook delivery: deadlines and bounds', () => {
  it('gives up an attempt at its deadline and retries it', async () => {
    const receiver = await hangingReceiver(1);
    const { events, sender } = await setUp(receiver.url, { attemptTimeoutMs: 500, maxPending: 10 });
    events.publish('report.ready', { reportId: 'r' });
    await until(() => sender.attempts().some((attempt) => attempt.ok));
    // The first attempt hit its deadline (no status); a later one was answered (a loaded machine may need more than one).
    const attempts = sender.attempts();
    expect(attempts[0]).toMatchObject({ attempt: 1, status: 0, ok: false });
    expect(attempts.at(-1)).toMatchObject({ status: 200, ok: true });
    expect(receiver.count()).toBe(attempts.length);
    expect(sender.pending()).toBe(0);
  });

  it('keeps at most maxPending deliveries; the rest are dropped', async () => {
    const receiver = await hangingReceiver(100);
    const { events, sender } = await setUp(receiver.url, { attemptTimeoutMs: 5_000, maxPending: 2 });
    for (let i = 0; i < 5; i += 1) events.publish('report.ready', { reportId: `r${i}` });
    await until(() => receiver.count() >= 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sender.pending()).toBe(2);
    expect(receiver.count()).toBe(2);
  });

  it('sends nothing to a destination the policy refuses', async () => {
    const receiver = await hangingReceiver(0);
    const events = createGatewayEvents();
    const endpoints = createWebhookEndpoints(new Keyv(), createSecretBox('k'.repeat(40)));
    await endpoints.create({ url: receiver.url, eventTypes: ['report.ready'], description: null, createdBy: 'test' });
    const sender = createWebhookDelivery({ events, endpoints, urlAllowed: () => false, logger: createLogger('silent'), delivery: { retryDelaysMs: [10], jitterRatio: 0 } });
    cleanups.unshift(() => sender.close());
    events.publish('report.ready', { reportId: 'r' });
    await until(() => sender.attempts().length >= 2);
    expect(sender.attempts().map((attempt) => attempt.status)).toEqual([0, 0]);
    expect(receiver.count()).toBe(0);
  });
});
