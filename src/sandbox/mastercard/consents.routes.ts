import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './errors.js';
import { parsePaging } from './paging.js';
import { consentView } from './consent-view.js';
import type { SimContext } from './sim-context.js';
import { consentStatus, type SimConsent } from './store.js';

type Query = Record<string, string | undefined>;

const consentNotFound = (reply: FastifyReply): FastifyReply =>
  // openbanking-us.yaml DataSharingConsentNotFoundError
  sendError(reply, 404, '10215', 'Consent receipt not found', { status: '404', user_message: '' });

/**
 * Consent APIs (seed 002, Managing Consent; shapes from openbanking-us.yaml DataSharingConsentReceipt,
 * which the AU platform shares). Revoking an arrangement hides its accounts from every data call.
 */
export function registerConsentRoutes(app: FastifyInstance, ctx: SimContext): void {
  const { store } = ctx;

  const view = (c: SimConsent): Record<string, unknown> => consentView(ctx, c);

  app.get('/data-sharing-consents', async (request, reply) => {
    if (!ctx.auth.authenticate(request, reply)) return reply;
    const query = request.query as Query;
    // `customer_id` is required (openbanking-us.yaml CustomerIdsQueryParameter).
    if (!query.customer_id) {
      return sendError(reply, 400, '14020', 'Bad request. One or more request parameters are invalid or missing.', {
        status: '400',
        user_message: 'Please review the request and ensure all required parameters are provided and valid.',
      });
    }
    const paging = parsePaging(query, reply);
    if (!paging) return reply;
    const status = query.status?.toUpperCase();
    const sortBy = query.sort_by ?? 'startDate';
    const asc = (query.sort_order ?? 'Desc').toLowerCase() === 'asc';
    if (!['startDate', 'endDate', 'status'].includes(sortBy)) {
      return sendError(reply, 400, '10100', 'Invalid parameter - sortBy', { status: '400', user_message: '' });
    }
    const key = (c: SimConsent): string | number =>
      sortBy === 'endDate' ? c.accessEndDate : sortBy === 'status' ? consentStatus(c) : c.createdDate;
    const matches = [...store.consents.values()]
      .filter((c) => c.customerId === query.customer_id && (!status || consentStatus(c) === status))
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (asc ? 1 : -1));
    // The spec answers 404 10215 for this list too; we use it when nothing matches.
    if (matches.length === 0) return consentNotFound(reply);
    // `start` is a page index for consents (openbanking-us.yaml ConsentStartParameter).
    const offset = (paging.start - 1) * paging.limit;
    const slice = matches.slice(offset, offset + paging.limit);
    return { found: matches.length, displaying: slice.length, moreAvailable: offset + slice.length < matches.length, consents: slice.map(view) };
  });

  app.get('/data-sharing-consents/:consentReceiptId', async (request, reply) => {
    if (!ctx.auth.authenticate(request, reply)) return reply;
    const consent = store.consents.get((request.params as Record<string, string>).consentReceiptId ?? '');
    if (!consent) return consentNotFound(reply);
    return view(consent);
  });

  const updatedBy = (request: FastifyRequest): string => {
    const raw = request.headers['update-by'];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.toUpperCase();
    // Update-By: CUSTOMER | PARTNER (openbanking-us.yaml DataSharingConsentUpdateByHeaderParam)
    return value === 'CUSTOMER' ? 'CUSTOMER' : 'PARTNER';
  };

  app.delete('/data-sharing-consents/:consentReceiptId', async (request, reply) => {
    if (!ctx.auth.authenticate(request, reply)) return reply;
    const consent = store.consents.get((request.params as Record<string, string>).consentReceiptId ?? '');
    if (!consent) return consentNotFound(reply);
    const now = ctx.nowSeconds();
    // "the status of all institutions within the given consent will be revoked and the consent status will be changed to 'INACTIVE'"
    const revoked = consent.arrangements.filter((a) => a.status === 'ACTIVE');
    for (const a of revoked) {
      a.status = 'REVOKED';
      a.statusDate = now;
      a.lastUpdatedBy = updatedBy(request);
    }
    consent.statusDate = now;
    consent.receiptVersion++;
    // "INSTITUTIONS_REVOKED … whenever a customer revokes arrangement to access accounts for particular institution(s)" (seed 002).
    if (revoked.length > 0) ctx.consentEvents?.notify('INSTITUTIONS_REVOKED', consent, revoked);
    return reply.code(204).send();
  });

  app.delete('/data-sharing-consents/:consentReceiptId/institutionLogins/:institutionLoginId', async (request, reply) => {
    if (!ctx.auth.authenticate(request, reply)) return reply;
    const params = request.params as Record<string, string>;
    const consent = store.consents.get(params.consentReceiptId ?? '');
    const arrangement = consent?.arrangements.find((a) => String(a.institutionLoginId) === params.institutionLoginId);
    if (!consent || !arrangement) return consentNotFound(reply);
    if (arrangement.status === 'ACTIVE') {
      const now = ctx.nowSeconds();
      arrangement.status = 'REVOKED';
      arrangement.statusDate = now;
      arrangement.lastUpdatedBy = updatedBy(request);
      consent.statusDate = now;
      consent.receiptVersion++;
      ctx.consentEvents?.notify('INSTITUTIONS_REVOKED', consent, [arrangement]);
    }
    return reply.code(204).send();
  });
}
