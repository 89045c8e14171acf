import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from '../errors.js';
import type { SimContext } from '../sim-context.js';
import type { SimArrangement } from '../store.js';
import type { ConsentNotifier } from './consent-notifier.js';

/**
 * Sandbox controls (never provider paths) for the consent lifecycle the sandbox cannot drive
 * through a browser or a calendar:
 *
 *   POST /_sandbox/consents/:consentReceiptId/revoke  `{ "institutionLoginId"? }` — the customer
 *        revokes in the Connect Dashboard (one arrangement, or all): INSTITUTIONS_REVOKED
 *   POST /_sandbox/consents/:consentReceiptId/expire  `{ "institutionLoginId"? }` — the access period
 *        ends now: INSTITUTIONS_EXPIRED
 *   GET  /_sandbox/consent-events                     every delivery attempt so far
 *   POST /_sandbox/consent-events/idle                answers once every queued delivery has
 *        succeeded or given up (tests wait on it instead of sleeping)
 */
export function registerConsentControls(app: FastifyInstance, ctx: SimContext, notifier: ConsentNotifier): void {
  const end = (status: 'REVOKED' | 'EXPIRED') => async (request: FastifyRequest, reply: FastifyReply) => {
    const consent = ctx.store.consents.get((request.params as Record<string, string>).consentReceiptId ?? '');
    if (!consent) return sendError(reply, 404, '10215', 'Consent receipt not found');
    const body = (request.body ?? {}) as Record<string, unknown>;
    const loginId = body.institutionLoginId === undefined ? undefined : String(body.institutionLoginId);
    const ended: SimArrangement[] = [];
    const now = ctx.nowSeconds();
    for (const arrangement of consent.arrangements) {
      if (arrangement.status !== 'ACTIVE' || (loginId !== undefined && String(arrangement.institutionLoginId) !== loginId)) continue;
      arrangement.status = status;
      arrangement.statusDate = now;
      arrangement.lastUpdatedBy = 'CUSTOMER';
      if (status === 'EXPIRED') arrangement.accessEndDate = now;
      ended.push(arrangement);
    }
    if (ended.length === 0) return sendError(reply, 400, 10100, 'Invalid parameter (institutionLoginId): no active arrangement');
    consent.statusDate = now;
    consent.receiptVersion++;
    const eventId = notifier.notify(status === 'REVOKED' ? 'INSTITUTIONS_REVOKED' : 'INSTITUTIONS_EXPIRED', consent, ended);
    return reply.code(200).send({ eventId, institutionLoginIds: ended.map((a) => String(a.institutionLoginId)) });
  };
  app.post('/_sandbox/consents/:consentReceiptId/revoke', end('REVOKED'));
  app.post('/_sandbox/consents/:consentReceiptId/expire', end('EXPIRED'));
  app.get('/_sandbox/consent-events', async () => ({ deliveries: notifier.sender.deliveries() }));
  app.post('/_sandbox/consent-events/idle', async () => {
    await notifier.sender.idle();
    return { deliveries: notifier.sender.deliveries().length };
  });
}
