import { createHmac } from 'node:crypto';
import { createSleeper } from '../../lifecycle/sleeper.js';

/** One Connect webhook event as sent (seed 002, Connect Webhooks, Event Body). */
export interface ConnectEventBody {
  customerId?: string;
  eventType: string;
  eventId?: string;
  payload: Record<string, unknown>;
  webhookData?: Record<string, unknown>;
}

export interface ConnectDestination {
  url: string;
  /** `webhookHeaders` of the session, added to every event. */
  headers: Readonly<Record<string, string>>;
}

export interface ConnectDeliveryAttempt {
  eventType: string;
  eventId: string | undefined;
  attempt: number;
  /** HTTP status, or 0 when the request itself failed. */
  status: number;
  ok: boolean;
}

/**
 * "Our retry logic will function for 3 days with an exponential back-off … 12ms, 72ms, 432ms,
 * 2592ms, 15552ms, 93312ms … followed by a retry every hour for 72 hours" (seed 002, Connect
 * Webhooks): delays after the first attempt, in ms.
 */
export const CONNECT_RETRY_DELAYS_MS: readonly number[] = [
  12, 72, 432, 2592, 15552, 93312,
  ...Array.from({ length: 72 }, () => 60 * 60 * 1000),
];

/** The ping's and every attempt's deadline; the documents give none. */
export const CONNECT_ATTEMPT_TIMEOUT_MS = 5_000;

export interface ConnectEventSender {
  /**
   * The `ping` (seed 002, ping: "This endpoint must return a 200 series or the Generate Connect URL
   * call fails"): one attempt; true on a 2xx.
   */
  ping(destination: ConnectDestination): Promise<boolean>;
  /** Queues events for a destination, delivered in order, each retried on the documented schedule. Never throws. */
  send(destination: ConnectDestination, events: readonly ConnectEventBody[]): Promise<void>;
  attempts(): readonly ConnectDeliveryAttempt[];
  /** Stops retrying and waits for in-flight deliveries. */
  close(): Promise<void>;
}

/**
 * Signs every event with `X-Signature`: the hex HMAC-SHA256 of the body bytes keyed with the
 * partner secret ("The X-Signature header gets added to every event sent", seed 002, Prevent
 * Spoofing). A non-2xx answer or no answer is a failed event, retried ("For any non-200 HTTP status
 * code (failed event), we will resend the webhook").
 */
export function createConnectEventSender(options: { partnerSecret: string; retryDelaysMs?: readonly number[]; timeoutMs?: number }): ConnectEventSender {
  const delays = options.retryDelaysMs ?? CONNECT_RETRY_DELAYS_MS;
  const timeoutMs = options.timeoutMs ?? CONNECT_ATTEMPT_TIMEOUT_MS;
  const log: ConnectDeliveryAttempt[] = [];
  const chains = new Map<string, Promise<void>>();
  const sleeper = createSleeper();
  let closed = false;

  async function post(destination: ConnectDestination, body: ConnectEventBody): Promise<number> {
    const raw = JSON.stringify(body);
    try {
      const response = await fetch(destination.url, {
        method: 'POST',
        headers: {
          ...destination.headers,
          'content-type': 'application/json',
          'x-signature': createHmac('sha256', options.partnerSecret).update(raw).digest('hex'),
        },
        body: raw,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.status;
    } catch {
      return 0;
    }
  }

  async function deliver(destination: ConnectDestination, body: ConnectEventBody): Promise<void> {
    for (let attempt = 1; !closed; attempt += 1) {
      const status = await post(destination, body);
      const ok = status >= 200 && status < 300;
      log.push({ eventType: body.eventType, eventId: body.eventId, attempt, status, ok });
      const delay = delays[attempt - 1];
      if (ok || delay === undefined) return;
      await sleeper.sleep(delay);
    }
  }

  return {
    async ping(destination) {
      const status = await post(destination, { eventType: 'ping', payload: {} });
      log.push({ eventType: 'ping', eventId: undefined, attempt: 1, status, ok: status >= 200 && status < 300 });
      return status >= 200 && status < 300;
    },
    send(destination, events) {
      const previous = chains.get(destination.url) ?? Promise.resolve();
      const next = events.reduce((chain, event) => chain.then(() => deliver(destination, event)), previous).catch(() => undefined);
      chains.set(destination.url, next);
      return next;
    },
    attempts: () => log,
    async close() {
      closed = true;
      sleeper.wakeAll();
      await Promise.allSettled([...chains.values()]);
    },
  };
}
