import type { ReportType } from './report-accounts.js';

/**
 * Report events (seed 002, "Webhook Reports Events List"): `inProgress`, `done` and `failed`, each
 * `{eventName, id, consumerId, type, status, customerId}`.
 */
export interface ReportEvent {
  eventName: 'inProgress' | 'done' | 'failed';
  id: string;
  consumerId?: string;
  type: ReportType;
  status: 'inProgress' | 'success' | 'failure';
  customerId: number | string;
}

export interface DeliveryAttempt {
  reportId: string;
  eventName: ReportEvent['eventName'];
  url: string;
  attempt: number;
  /** HTTP status, or 0 when the request itself failed. */
  status: number;
  ok: boolean;
  error?: string;
  at: number;
}

export interface ReportEventSender {
  /** Queues `event` for `url`; events of one report are delivered in order. Never throws. */
  send(url: string, event: ReportEvent): Promise<void>;
  attempts(): readonly DeliveryAttempt[];
  /** Stops retrying and waits for in-flight deliveries. */
  close(): Promise<void>;
}

export interface SenderOptions {
  retryDelayMs: number;
  timeoutMs: number;
  now: () => number;
}

/**
 * "Report webhooks are sent only one time (with three attempts to retry if it is not successfully
 * received)" (seed 002, "Report Webhooks"): one attempt plus up to three retries; a 2xx answer is
 * success ("The webhook must respond … with a 2xx HTTP status code", US spec `callbackUrl`).
 * A listener that is down or slow costs a log line, never the simulator.
 */
export function createReportEventSender(options: SenderOptions): ReportEventSender {
  const log: DeliveryAttempt[] = [];
  const chains = new Map<string, Promise<void>>();
  let closed = false;
  const pending = new Map<NodeJS.Timeout, () => void>();

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(timer);
        resolve();
      }, ms);
      timer.unref();
      pending.set(timer, resolve);
    });

  async function deliver(url: string, event: ReportEvent): Promise<void> {
    for (let attempt = 1; attempt <= 4 && !closed; attempt += 1) {
      const entry: DeliveryAttempt = { reportId: event.id, eventName: event.eventName, url, attempt, status: 0, ok: false, at: options.now() };
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(event),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        await response.arrayBuffer().catch(() => undefined);
        entry.status = response.status;
        entry.ok = response.status >= 200 && response.status < 300;
      } catch (error) {
        entry.error = error instanceof Error ? error.name : 'Error';
      }
      log.push(entry);
      if (entry.ok) return;
      if (attempt < 4) await sleep(options.retryDelayMs);
    }
  }

  return {
    send(url, event) {
      const previous = chains.get(event.id) ?? Promise.resolve();
      const next = previous.then(() => deliver(url, event)).catch(() => undefined);
      chains.set(event.id, next);
      return next;
    },
    attempts: () => log,
    async close() {
      closed = true;
      for (const [timer, wake] of pending) {
        clearTimeout(timer);
        wake();
      }
      pending.clear();
      await Promise.allSettled([...chains.values()]);
    },
  };
}
