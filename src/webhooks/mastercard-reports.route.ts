import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ReportEventOutcome } from '../domain/lending.port.js';
import type { ProviderRegistry } from '../domain/registry.js';
import type { Logger } from '../observability/logger.js';

/** The report callback path; its last segment is the per-generation token (report-tracker.ts). */
export const MASTERCARD_REPORT_WEBHOOK_ROUTE = '/webhooks/mastercard/reports/:token';

/** Report events are a few hundred bytes; an array covers several reports (seed 002). */
const BODY_LIMIT_BYTES = 64 * 1024;

const STATUS_OF_REFUSAL: Record<Exclude<ReportEventOutcome, { accepted: true }>['reason'], number> = {
  'unknown-callback': 404,
  malformed: 400,
  'foreign-report': 409,
};

/**
 * `POST /webhooks/mastercard/reports/:token`: Mastercard report events (`inProgress`, `done`,
 * `failed`) for reports this gateway generated with its own callback URL. The provider defines no
 * signature for report events (seed 002, "Report Webhooks"), so the unguessable token in the path
 * is the credential; the report tracker checks it, the customer and the report id, and ignores
 * replays. A 2xx tells the provider to stop retrying ("The webhook must respond … with a 2xx", US
 * spec `callbackUrl`), so only accepted events (new or repeated) get one.
 */
export function registerMastercardReportWebhook<L extends FastifyBaseLogger>(
  app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, L>,
  options: { registry: ProviderRegistry; logger: Logger },
): void {
  const log = options.logger.child({ webhook: 'mastercard-reports' });
  app.post<{ Params: { token: string } }>(
    MASTERCARD_REPORT_WEBHOOK_ROUTE,
    // The URL carries the token: fastify's info-level request lines (which print the URL) stay off.
    { bodyLimit: BODY_LIMIT_BYTES, logLevel: 'warn' },
    async (request, reply) => {
      const receivers = options.registry
        .enabled()
        .filter((adapter) => adapter.key.startsWith('MASTERCARD_') && adapter.reportEvents !== undefined);
      let outcome: ReportEventOutcome = { accepted: false, reason: 'unknown-callback' };
      let provider: string | undefined;
      for (const adapter of receivers) {
        outcome = await adapter.reportEvents!.receive(request.params.token, request.body);
        provider = adapter.key;
        if (outcome.accepted || outcome.reason !== 'unknown-callback') break;
      }
      if (!outcome.accepted) {
        log.warn({ reqId: request.id, provider: outcome.reason === 'unknown-callback' ? undefined : provider, reason: outcome.reason }, 'report event refused');
        return reply.code(STATUS_OF_REFUSAL[outcome.reason]).send({ accepted: false, reason: outcome.reason });
      }
      log.info({ reqId: request.id, provider, changed: outcome.changed, unchanged: outcome.unchanged }, 'report event received');
      return reply.code(200).send({ accepted: true });
    },
  );
}
