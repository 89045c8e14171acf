import type Keyv from 'keyv';
import type { FastifyInstance } from 'fastify';
import type { ConnectEvent, ConnectEventsPort } from '../domain/connect.port.js';
import type { ProviderRegistry } from '../domain/registry.js';
import type { Logger } from '../observability/logger.js';
import { errorBody, type RequestErrorCode } from '../errors/request-errors.js';
import { registerRawBodyRoute } from './raw-body.js';
import { createReplayGuard } from './replay-guard.js';

/** Where Connect links the gateway generates send their events (src/providers/mastercard/connect.ts). */
export const MASTERCARD_CONNECT_WEBHOOK_ROUTE = '/webhooks/mastercard/connect';

/**
 * Connect events are small (`added` lists the accounts of one institution login, a few hundred
 * bytes each, plus `webhookData` of at most 2 KiB as the gateway sends it): 256 KiB is dozens of
 * accounts over anything seen; larger bodies are refused with 413 before they are buffered.
 */
export const CONNECT_WEBHOOK_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * Event ids are remembered 4 days: Mastercard retries a failed event "every hour for 72 hours"
 * (seed 002, Connect Webhooks), so a replay inside the provider's whole retry window is recognised.
 */
export const CONNECT_REPLAY_RETENTION_MS = 4 * 24 * 60 * 60 * 1000;

const text = (value: unknown): string | null => (typeof value === 'string' || typeof value === 'number' ? String(value) : null);

/** The Event Body wrapper (seed 002): `{customerId, eventType, eventId, payload, webhookData?}`; null when it is not one. */
export function readConnectEvent(parsed: unknown): ConnectEvent | null {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const body = parsed as Record<string, unknown>;
  const eventType = text(body.eventType);
  if (eventType === null) return null;
  const payload = typeof body.payload === 'object' && body.payload !== null && !Array.isArray(body.payload) ? (body.payload as Record<string, unknown>) : {};
  return { eventType, eventId: text(body.eventId), customerId: text(body.customerId), payload };
}

/**
 * `POST /webhooks/mastercard/connect`: Mastercard Connect events (seed 002, "Connect Webhooks" and
 * "Webhook Connect Events Lists"). The `X-Signature` header is checked against every enabled
 * Mastercard credential (HMAC-SHA256 of the raw bytes with its partner secret, constant time): no
 * match is 401 (after the cheap checks: a body that is not JSON is 415 or 400, in the gateway's
 * request-error shape, src/errors). A `ping` is answered 200 at once (the provider fails Generate Connect URL
 * otherwise). Other events: a repeated `eventId` is answered 200 and changes nothing; a new one is
 * answered 200 and recorded after the answer has gone ("we recommend processing the webhook data
 * on a different thread", seed 002), so a slow store never makes the provider retry. An event type
 * the gateway does not know is logged and accepted. Only a bad signature (401), a body that is not
 * an event (400) and an oversized body (413) are refused; nothing here answers 5xx.
 */
export function registerMastercardConnectWebhook(
  app: FastifyInstance<any, any, any, any>,
  options: { registry: ProviderRegistry; logger: Logger; store: Keyv },
): void {
  const log = options.logger.child({ webhook: 'mastercard-connect' });
  const replay = createReplayGuard(options.store, 'connect-events', CONNECT_REPLAY_RETENTION_MS);
  registerRawBodyRoute(app, {
    url: MASTERCARD_CONNECT_WEBHOOK_ROUTE,
    bodyLimitBytes: CONNECT_WEBHOOK_BODY_LIMIT_BYTES,
    async handler(request, reply, raw) {
      const refuse = (status: number, code: RequestErrorCode, message: string) => reply.code(status).send(errorBody(message, code, String(request.id)));
      // The gateway asks for JSON events (`webhookContentType: application/json`, connect.ts).
      if (!/^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '')) {
        return refuse(415, 'UNSUPPORTED_MEDIA_TYPE', 'Connect events are application/json');
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw.toString('utf8'));
      } catch {
        return refuse(400, 'BAD_REQUEST', 'The body is not JSON');
      }
      const signature = request.headers['x-signature'];
      const receiver = options.registry
        .enabled()
        .map((adapter) => ({ provider: adapter.key, port: adapter.connectEvents }))
        .find((candidate): candidate is { provider: typeof candidate.provider; port: ConnectEventsPort } => candidate.port?.verify(raw, signature) === true);
      if (receiver === undefined) {
        log.warn({ reqId: request.id, hasSignature: signature !== undefined }, 'connect event refused: signature does not match');
        return refuse(401, 'UNAUTHENTICATED', 'X-Signature does not match the body under any configured partner secret');
      }
      const event = readConnectEvent(parsed);
      if (event === null) {
        log.warn({ reqId: request.id, provider: receiver.provider }, 'connect event refused: not a Connect event body');
        return refuse(400, 'BAD_REQUEST', 'The body is not a Connect event (no eventType)');
      }
      if (event.eventType === 'ping') return reply.code(200).send({ accepted: true });
      try {
        const eventKey = event.eventId === null ? null : `${receiver.provider}:${event.eventId}`;
        if (eventKey !== null && !(await replay.firstSeen(eventKey))) {
          log.info({ reqId: request.id, provider: receiver.provider, eventId: event.eventId }, 'connect event repeated: ignored');
          return reply.code(200).send({ accepted: true, duplicate: true });
        }
      } catch (error) {
        // The store is down: accept anyway (handlers are idempotent; a lost status beats a retry storm).
        log.error({ err: error, reqId: request.id }, 'connect event: replay guard unavailable');
      }
      setImmediate(() => {
        receiver.port
          .receive(event)
          .then((outcome) => {
            const fields = { provider: receiver.provider, eventType: event.eventType, eventId: event.eventId, customerId: event.customerId };
            if (outcome.kind === 'ignored') log.warn({ ...fields, reason: outcome.reason }, 'connect event accepted but not recorded');
            else if (event.eventType === 'added' || event.eventType === 'done') log.info(fields, "connect event: the customer's accounts changed at the provider");
            else log.info(fields, 'connect event recorded');
          })
          .catch((error: unknown) => log.error({ err: error, provider: receiver.provider, eventType: event.eventType, eventId: event.eventId }, 'connect event processing failed'));
      });
      return reply.code(200).send({ accepted: true });
    },
  });
}
