import { createHmac } from 'node:crypto';

/**
 * "Our retry logic does exponential retries for 24 hours. The exact instances of each retry are as
 * follows: 6 s, 48 s, 5 min, 34 min, 3 hours 42 min, 24 hours" (seed 002, Consent Notifications).
 */
export const CONSENT_RETRY_DELAYS_MS: readonly number[] = [6_000, 48_000, 300_000, 2_040_000, 13_320_000, 86_400_000];

export interface SignedDelivery {
  eventId: string;
  eventType: string;
  url: string;
  attempt: number;
  /** HTTP status, or 0 when the request itself failed. */
  status: number;
  ok: boolean;
  /** Epoch ms. */
  at: number;
}

export interface SignedSender {
  /**
   * Posts `body` (already serialised: the signature is over exactly these bytes) to `url` with the
   * consent notification headers, retrying on the documented schedule until a 200. Never throws.
   */
  send(url: string, signingKey: string, headers: { eventId: string; eventType: string }, body: string): Promise<void>;
  deliveries(): readonly SignedDelivery[];
  /** Resolves once every delivery queued so far has succeeded or given up (tests; never a sleep). */
  idle(): Promise<void>;
  /** Stops retrying and waits for in-flight deliveries. */
  close(): Promise<void>;
}

export interface SignedSenderOptions {
  /** Waits between attempts; default {@link CONSENT_RETRY_DELAYS_MS}. Tests set them short. */
  retryDelaysMs?: readonly number[];
  /** Per attempt. */
  timeoutMs?: number;
  now: () => number;
}

/**
 * The provider's side of consent notifications: `Event-Signature` is the hex HMAC-SHA256 of the body
 * under the subscription's `signingKey`, with `Event-Id`, `Event-Type` and `Event-Context: CONSENT`
 * (seed 002, Processing Consent Notifications and Prevent Spoofing). "If we get a 200 HTTP response
 * from your webhook listener server, the webhook event is registered as a success. For any non-200
 * HTTP status code (failed event), we will resend the webhook": only 200 ends the retries.
 */
export function createSignedSender(options: SignedSenderOptions): SignedSender {
  const delays = options.retryDelaysMs ?? CONSENT_RETRY_DELAYS_MS;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const log: SignedDelivery[] = [];
  const inFlight = new Set<Promise<void>>();
  const timers = new Map<NodeJS.Timeout, () => void>();
  let closed = false;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timer.unref();
      timers.set(timer, resolve);
    });

  async function deliver(url: string, signingKey: string, headers: { eventId: string; eventType: string }, body: string): Promise<void> {
    const signature = createHmac('sha256', signingKey).update(body).digest('hex');
    for (let attempt = 1; attempt <= delays.length + 1 && !closed; attempt += 1) {
      const entry: SignedDelivery = { eventId: headers.eventId, eventType: headers.eventType, url, attempt, status: 0, ok: false, at: options.now() };
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'event-signature': signature,
            'event-id': headers.eventId,
            'event-type': headers.eventType,
            'event-context': 'CONSENT',
          },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.arrayBuffer().catch(() => undefined);
        entry.status = response.status;
        entry.ok = response.status === 200;
      } catch {
        // A listener that is down or slow is retried like a non-200 answer.
      }
      log.push(entry);
      if (entry.ok) return;
      const wait = delays[attempt - 1];
      if (wait !== undefined) await sleep(wait);
    }
  }

  return {
    send(url, signingKey, headers, body) {
      const delivery = deliver(url, signingKey, headers, body).catch(() => undefined);
      inFlight.add(delivery);
      void delivery.finally(() => inFlight.delete(delivery));
      return delivery;
    },
    deliveries: () => log,
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async close() {
      closed = true;
      for (const [timer, wake] of timers) {
        clearTimeout(timer);
        wake();
      }
      timers.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
}
