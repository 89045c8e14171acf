import type { FastifyInstance } from 'fastify';
import type Keyv from 'keyv';
import { Counter } from 'prom-client';
import type { ConsentEventOutcome } from '../domain/consent-notifications.port.js';
import type { ProviderRegistry } from '../domain/registry.js';
import type { Logger } from '../observability/logger.js';
import type { GatewayMetrics } from '../observability/metrics.js';
import { errorBody, requestErrorCodeForStatus } from '../errors/request-errors.js';
import { CONSENT_WEBHOOK_PATH, type ConsentSigningKeys } from './consent-signing-keys.js';
import { registerRawBodyRoute } from './raw-body.js';
import { createReplayGuard } from './replay-guard.js';
import { verifyHmacSha256Hex } from './signature.js';

/**
 * Consent notifications are a few kilobytes: the consent with its institutions, accounts and data
 * scopes (seed 002, Consent Notifications Structure). 256 KiB allows hundreds of accounts; anything
 * larger is refused (413) before it is buffered whole.
 */
export const CONSENT_WEBHOOK_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * How long event ids are remembered: the provider retries at 6 s, 48 s, 5 min, 34 min, 3 h 42 min and
 * 24 h (seed 002, Consent Notifications), about 28.4 hours from the first attempt to the last; a
 * week covers that with room for queueing at the provider and for a replay of a captured request.
 */
export const CONSENT_EVENT_REPLAY_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

export interface ConsentWebhookOptions {
  registry: ProviderRegistry;
  logger: Logger;
  store: Keyv;
  keys: ConsentSigningKeys;
  metrics: GatewayMetrics;
}

const header = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * `POST /webhooks/mastercard/consents/:token`: Mastercard AU consent notifications (seed 002,
 * Processing Consent Notifications, Prevent Spoofing). In order:
 * 0. the body must be JSON (`Content-Type: application/json`, as the provider sends it; else 415)
 *    and parse (else 400); parsing is all that happens to an unverified body;
 * 1. the token names the subscription whose `signingKey` applies (unknown token: 401);
 * 2. `Event-Signature` must be the hex HMAC-SHA256 of the raw body under that key, compared in
 *    constant time (forged or wrong key: 401, nothing else happens);
 * 3. the event id (`Event-Id`, which must agree with the body's `eventId`) is remembered in the
 *    shared store: a replay is answered 200 and changes nothing;
 * 4. the answer is 200 at once ("If we get a 200 HTTP response … the webhook event is registered as
 *    a success"), and the event is processed after it: a purge never holds the provider's request.
 * Unknown event types are logged and accepted. Processing is observable through
 * `gateway_consent_notifications_total{outcome}` and the `consent.revoked` / `consent.expired` events.
 */
export function registerMastercardConsentWebhook(app: FastifyInstance<any, any, any, any>, options: ConsentWebhookOptions): void {
  const log = options.logger.child({ webhook: 'mastercard-consents' });
  const replays = createReplayGuard(options.store, 'consent-events', CONSENT_EVENT_REPLAY_RETENTION_MS);
  const outcomes = new Counter({
    name: 'gateway_consent_notifications_total',
    help: 'Consent notifications received, by outcome (refused, replay, purged, remembered, ignored, failed …)',
    labelNames: ['outcome'] as const,
    registers: [options.metrics.registry],
  });

  async function process(provider: string, eventId: string, body: unknown): Promise<void> {
    const port = options.registry.enabled().find((adapter) => adapter.key === provider)?.consentNotifications;
    let outcome: ConsentEventOutcome;
    try {
      if (!port) throw new Error(`${provider} is not enabled`);
      outcome = await port.receive(body);
    } catch (error) {
      outcomes.inc({ outcome: 'failed' });
      log.error({ err: error, provider, eventId }, 'consent notification processing failed');
      return;
    }
    outcomes.inc({ outcome: outcome.action });
    if (outcome.action === 'ignored') log.warn({ provider, eventId, reason: outcome.reason }, 'consent notification ignored');
    else log.info({ provider, eventId, ...outcome }, 'consent notification processed');
  }

  registerRawBodyRoute(app, {
    url: `${CONSENT_WEBHOOK_PATH}/:token`,
    bodyLimitBytes: CONSENT_WEBHOOK_BODY_LIMIT_BYTES,
    async handler(request, reply, raw) {
      const refuse = (status: number, reason: string) => {
        outcomes.inc({ outcome: 'refused' });
        log.warn({ reqId: request.id, reason }, 'consent notification refused');
        // The error shape every route answers with (src/errors/request-errors.ts).
        return reply.code(status).send(errorBody(`Consent notification refused: ${reason}`, requestErrorCodeForStatus(status), String(request.id)));
      };
      if (!/^application\/json\b/i.test(header(request.headers['content-type']) ?? '')) return refuse(415, 'not-json');
      let body: { eventId?: unknown; eventType?: unknown };
      try {
        body = JSON.parse(raw.toString('utf8')) as typeof body;
      } catch {
        return refuse(400, 'malformed');
      }
      const key = await options.keys.byToken((request.params as { token: string }).token);
      if (!key) return refuse(401, 'unknown-subscription');
      if (!verifyHmacSha256Hex(key.signingKey, raw, request.headers['event-signature'])) return refuse(401, 'bad-signature');
      const eventId = header(request.headers['event-id']) ?? (typeof body?.eventId === 'string' ? body.eventId : undefined);
      if (!eventId || (body?.eventId !== undefined && body.eventId !== eventId)) return refuse(400, 'event-id-mismatch');
      if (!(await replays.firstSeen(eventId))) {
        outcomes.inc({ outcome: 'replay' });
        log.info({ reqId: request.id, eventId }, 'consent notification replayed: ignored');
        return reply.code(200).send({ accepted: true, replay: true });
      }
      log.info({ reqId: request.id, eventId, eventType: header(request.headers['event-type']), subscriptionId: key.subscriptionId }, 'consent notification accepted');
      void reply.code(200).send({ accepted: true });
      void process(key.provider, eventId, body);
      return reply;
    },
  });
}
