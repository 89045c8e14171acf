import { Webhook } from 'standardwebhooks';
import { createSleeper } from '../lifecycle/sleeper.js';
import type { Logger } from '../observability/logger.js';
import type { GatewayEvent, GatewayEvents } from './gateway-events.js';
import type { WebhookEndpoint, WebhookEndpoints } from './webhook-endpoints.js';

export interface DeliveryOptions {
  /**
   * Waits before each retry, in ms; jittered by ±`jitterRatio`. Default: 5 s, 5 min, 30 min, 2 h,
   * 5 h, 10 h, 10 h — the schedule Standard Webhooks suggests (after an immediate first attempt),
   * about 28 hours in all.
   */
  retryDelaysMs: readonly number[];
  jitterRatio: number;
  /** Deadline of one attempt (connect, headers and body), ms. */
  attemptTimeoutMs: number;
  /** Deliveries (first attempts and retries) waiting or in flight at most; more are dropped and logged. */
  maxPending: number;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = {
  retryDelaysMs: [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000],
  jitterRatio: 0.2,
  attemptTimeoutMs: 10_000,
  maxPending: 1_000,
};

export interface DeliveryAttempt {
  endpointId: string;
  webhookId: string;
  eventType: string;
  attempt: number;
  /** HTTP status, or 0 when no answer came (refused, timed out, not allowed). */
  status: number;
  ok: boolean;
}

export interface WebhookDelivery {
  /** Deliveries waiting or in flight. */
  pending(): number;
  /** The latest attempts (at most 200), newest last: for operators and tests; no bodies, no secrets. */
  attempts(): readonly DeliveryAttempt[];
  /** Stops retrying, unsubscribes, aborts attempts in flight and waits for them to settle. */
  close(): Promise<void>;
}

/**
 * The body of every outbound event: `{type, timestamp, data}` (the Standard Webhooks payload shape);
 * `webhook-id` carries the event id.
 */
export function eventBody(event: GatewayEvent): string {
  return JSON.stringify({ type: event.type, timestamp: event.occurredAt, data: event.data });
}

const RECENT_ATTEMPTS = 200;

/**
 * Sends the gateway's events to the operators' endpoints subscribed to their type, signed the
 * Standard Webhooks way with the `standardwebhooks` library: `webhook-id` (the event id, the same on
 * every retry, so a receiver can drop repeats), `webhook-timestamp` (epoch seconds of the attempt)
 * and `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">` keyed with the endpoint's
 * secret. A 2xx is delivered; anything else — another status, a redirect (never followed), no
 * answer within the deadline — is retried after the next delay of the schedule, jittered, until
 * it runs out. Destinations are checked against `urlAllowed` (REPORT_CALLBACK_HOSTS and the
 * gateway's own host) before every attempt. Logs name endpoint ids and event ids, never secrets
 * or bodies.
 */
export function createWebhookDelivery(options: {
  events: GatewayEvents;
  endpoints: WebhookEndpoints;
  urlAllowed: (url: string) => boolean;
  logger: Logger;
  delivery?: Partial<DeliveryOptions>;
  random?: () => number;
}): WebhookDelivery {
  const settings: DeliveryOptions = { ...DEFAULT_DELIVERY_OPTIONS, ...options.delivery };
  const random = options.random ?? Math.random;
  const log = options.logger.child({ component: 'outbound-webhooks' });
  const recent: DeliveryAttempt[] = [];
  const sleeper = createSleeper();
  // Aborts attempts in flight on close, so a shutdown does not wait out a slow receiver.
  const stopping = new AbortController();
  const inFlight = new Set<Promise<void>>();
  let pending = 0;
  let closed = false;

  async function attemptOnce(endpoint: WebhookEndpoint, signer: Webhook, event: GatewayEvent, body: string): Promise<number> {
    if (!options.urlAllowed(endpoint.url)) return 0;
    const at = new Date();
    // One controller per attempt: its deadline, or the sender closing (AbortSignal.any would let
    // the timeout signal be collected early on Node 20).
    const attempt = new AbortController();
    const deadline = setTimeout(() => attempt.abort(), settings.attemptTimeoutMs);
    const stop = () => attempt.abort();
    stopping.signal.addEventListener('abort', stop, { once: true });
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/json',
          'webhook-id': event.id,
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
          'webhook-signature': signer.sign(event.id, at, body),
        },
        body,
        signal: attempt.signal,
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.status;
    } catch {
      return 0;
    } finally {
      clearTimeout(deadline);
      stopping.signal.removeEventListener('abort', stop);
    }
  }

  async function deliver(endpoint: WebhookEndpoint, secret: string, event: GatewayEvent): Promise<void> {
    const signer = new Webhook(secret);
    const body = eventBody(event);
    for (let attempt = 1; !closed; attempt += 1) {
      const status = await attemptOnce(endpoint, signer, event, body);
      const ok = status >= 200 && status < 300;
      recent.push({ endpointId: endpoint.id, webhookId: event.id, eventType: event.type, attempt, status, ok });
      if (recent.length > RECENT_ATTEMPTS) recent.shift();
      const fields = { endpointId: endpoint.id, webhookId: event.id, eventType: event.type, attempt, status };
      if (ok) return log.info(fields, 'outbound webhook delivered');
      const delay = settings.retryDelaysMs[attempt - 1];
      if (delay === undefined) return log.warn(fields, 'outbound webhook failed: retries exhausted');
      log.info(fields, 'outbound webhook attempt failed: will retry');
      await sleeper.sleep(Math.max(0, Math.round(delay * (1 + settings.jitterRatio * (2 * random() - 1)))));
    }
  }

  function enqueue(endpoint: WebhookEndpoint, secret: string, event: GatewayEvent): void {
    if (closed) return;
    if (pending >= settings.maxPending) {
      log.warn({ endpointId: endpoint.id, webhookId: event.id, eventType: event.type, maxPending: settings.maxPending }, 'outbound webhook dropped: too many pending deliveries');
      return;
    }
    pending += 1;
    const run = deliver(endpoint, secret, event)
      .catch((error: unknown) => log.error({ err: error, endpointId: endpoint.id, webhookId: event.id }, 'outbound webhook delivery crashed'))
      .finally(() => {
        pending -= 1;
        inFlight.delete(run);
      });
    inFlight.add(run);
  }

  const unsubscribe = options.events.subscribe(async (event) => {
    for (const { endpoint, secret } of await options.endpoints.subscribers(event.type)) enqueue(endpoint, secret, event);
  });

  return {
    pending: () => pending,
    attempts: () => recent,
    async close() {
      closed = true;
      unsubscribe();
      stopping.abort();
      sleeper.wakeAll();
      await Promise.allSettled([...inFlight]);
    },
  };
}
