import { randomUUID } from 'node:crypto';

/**
 * Events the gateway tells its own users about (outbound webhooks, src/events) and its own parts
 * listen to. Names are `<object>.<what happened>`, as Standard Webhooks recommends.
 */
export type GatewayEventType =
  | 'consent.revoked'
  | 'consent.expired'
  | 'report.ready'
  | 'transactions.sync_updates_available';

export interface GatewayEvent {
  /** Unique per event (`evt_…`); receivers de-duplicate on it (Standard Webhooks `webhook-id`). */
  id: string;
  type: GatewayEventType;
  /** ISO-8601 UTC. */
  occurredAt: string;
  /** JSON-serialisable payload; never secrets, tokens, SSNs or full account numbers. */
  data: Readonly<Record<string, unknown>>;
}

export type GatewayEventListener = (event: GatewayEvent) => void | Promise<void>;

/** In-process publish/subscribe. A listener's failure is reported to `onListenerError`, never to the publisher. */
export interface GatewayEvents {
  publish(type: GatewayEventType, data: Readonly<Record<string, unknown>>): GatewayEvent;
  subscribe(listener: GatewayEventListener): () => void;
}

export function createGatewayEvents(options: { now?: () => number; onListenerError?: (error: unknown, event: GatewayEvent) => void } = {}): GatewayEvents {
  const listeners = new Set<GatewayEventListener>();
  const now = options.now ?? Date.now;
  return {
    publish(type, data) {
      const event: GatewayEvent = { id: `evt_${randomUUID()}`, type, occurredAt: new Date(now()).toISOString(), data };
      for (const listener of listeners) {
        Promise.resolve()
          .then(() => listener(event))
          .catch((error: unknown) => options.onListenerError?.(error, event));
      }
      return event;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
