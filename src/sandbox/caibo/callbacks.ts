import { createHmac } from 'node:crypto';
import type { SandboxStatus } from './payment-status.js';

/**
 * Status callbacks to a payment request's `notifyUrl`.
 *
 * What the sources say: callbacks are "signed with HMAC-SHA512" (caibo.digital/docs, "Callback System";
 * caibo-notes.md), and the merchant verifies "the signature header … using the shared secret"
 * (docs.caibo.digital/cpanel/security/webhook-signatures). The notification body is a form POST
 * (`application/x-www-form-urlencoded`, docs.caibo.digital/h2h/notifications, which also says the notify
 * URL can be overridden per payment request). Not found anywhere: the header's name, the encoding of the
 * digest, and which secret. Sandbox choices, all in this file:
 *   - header `X-Signature`, the most common name for such a header;
 *   - value: lowercase hex HMAC-SHA512 over the exact body bytes sent;
 *   - key: the merchant's current API key, the only secret the docs show merchant and Caibo sharing.
 * Retries: none documented, so each status change is delivered once; attempts are recorded for
 * `GET /_sandbox/callbacks`. A failing or hanging receiver never affects the simulator.
 */
export const CALLBACK_SIGNATURE_HEADER = 'X-Signature';
const CALLBACK_TIMEOUT_MS = 5_000;
const MAX_RECORDED_ATTEMPTS = 1_000;

export function signCallbackBody(body: string, key: string): string {
  return createHmac('sha512', key).update(body, 'utf8').digest('hex');
}

export interface CallbackAttempt {
  id: number;
  paymentRequestId: number;
  url: string;
  previousStatus: SandboxStatus;
  status: SandboxStatus;
  contentType: string;
  body: string;
  signatureHeader: string;
  signature: string;
  /** Sandbox clock (`now()`), ISO. */
  attemptedAt: string;
  outcome: 'in-flight' | 'delivered' | 'failed';
  responseStatus: number | null;
  error: string | null;
  durationMs: number | null;
}

export interface CallbackDelivery {
  paymentRequestId: number;
  url: string;
  previousStatus: SandboxStatus;
  status: SandboxStatus;
  fields: Array<[string, string]>;
}

export interface CallbackDispatcher {
  enqueue(delivery: CallbackDelivery): void;
  attempts(): CallbackAttempt[];
  clear(): void;
  /** Resolves when every queued delivery has finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export function createCallbackDispatcher(options: { now: () => number; signingKey: () => string }): CallbackDispatcher {
  const recorded: CallbackAttempt[] = [];
  // One chain per payment request keeps its callbacks in status order.
  const chains = new Map<number, Promise<void>>();
  const closing = new AbortController();
  let nextId = 1;

  const deliver = async (attempt: CallbackAttempt): Promise<void> => {
    if (closing.signal.aborted) {
      Object.assign(attempt, { outcome: 'failed', error: 'simulator closed' });
      return;
    }
    const started = performance.now();
    try {
      const response = await fetch(attempt.url, {
        method: 'POST',
        headers: { 'content-type': attempt.contentType, [attempt.signatureHeader]: attempt.signature },
        body: attempt.body,
        redirect: 'manual',
        signal: AbortSignal.any([closing.signal, AbortSignal.timeout(CALLBACK_TIMEOUT_MS)]),
      });
      await response.arrayBuffer().catch(() => undefined);
      attempt.responseStatus = response.status;
      attempt.outcome = response.ok ? 'delivered' : 'failed';
    } catch (error) {
      attempt.outcome = 'failed';
      attempt.error = describe(error);
    } finally {
      attempt.durationMs = Math.round(performance.now() - started);
    }
  };

  return {
    enqueue: (delivery) => {
      const body = new URLSearchParams(delivery.fields).toString();
      const attempt: CallbackAttempt = {
        id: nextId++,
        paymentRequestId: delivery.paymentRequestId,
        url: delivery.url,
        previousStatus: delivery.previousStatus,
        status: delivery.status,
        contentType: 'application/x-www-form-urlencoded',
        body,
        signatureHeader: CALLBACK_SIGNATURE_HEADER,
        // Signed now, with the key in force when the status changed.
        signature: signCallbackBody(body, options.signingKey()),
        attemptedAt: new Date(options.now()).toISOString(),
        outcome: 'in-flight',
        responseStatus: null,
        error: null,
        durationMs: null,
      };
      recorded.push(attempt);
      if (recorded.length > MAX_RECORDED_ATTEMPTS) recorded.shift();
      const previous = chains.get(delivery.paymentRequestId) ?? Promise.resolve();
      const next = previous.then(() => deliver(attempt)).catch(() => undefined);
      chains.set(delivery.paymentRequestId, next);
      void next.then(() => {
        if (chains.get(delivery.paymentRequestId) === next) chains.delete(delivery.paymentRequestId);
      });
    },
    attempts: () => recorded.map((attempt) => ({ ...attempt })),
    clear: () => {
      recorded.length = 0;
    },
    idle: async () => {
      while (chains.size > 0) await Promise.all([...chains.values()]);
    },
    close: async () => {
      closing.abort();
      await Promise.all([...chains.values()]);
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : undefined;
    if (error.name === 'TimeoutError') return `timed out after ${CALLBACK_TIMEOUT_MS} ms`;
    return code === undefined ? error.message : `${error.message} (${code})`;
  }
  return String(error);
}
