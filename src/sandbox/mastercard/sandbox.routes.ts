import type { FastifyInstance } from 'fastify';
import { startOfUtcDay } from '../simulator.js';
import { connectInstitution } from './connections.js';
import { openConnectLink } from './connect-control.js';
import { accountView } from './serializers.js';
import { sendError } from './errors.js';
import { institutionsFor } from './institutions.js';
import { AU_TEST_PROFILES, plansForProfile } from './profiles.js';
import type { SimContext } from './sim-context.js';
import { registerTransactionControls } from './transactions-sandbox.routes.js';

export interface RequestStats {
  requests: number;
  tokenIssued: number;
  byRoute: Record<string, number>;
}

/**
 * Control endpoints (never provider paths): stats, and a stand-in for a customer finishing Connect,
 * which the sandbox cannot do through a browser.
 */
export function registerSandboxRoutes(app: FastifyInstance, ctx: SimContext, stats: () => RequestStats, resetStats: () => void): void {
  app.get('/_sandbox/stats', async () => stats());
  registerTransactionControls(app, ctx);
  app.post('/_sandbox/reset-stats', async (_request, reply) => {
    resetStats();
    return reply.code(204).send();
  });
  // Stands in for "report a support issue" after the 5-failure lock-out (openbanking-us.yaml CreateToken).
  app.post('/_sandbox/unlock-partner', async (_request, reply) => {
    ctx.auth.unlock();
    return reply.code(204).send();
  });

  /**
   * Body `{customerId, institutionId?, profile?, link?, outcome?}`: the customer signs in at a FinBank
   * institution with a test profile. Creates the institution login and its accounts (AU: plus a
   * consent arrangement); AU accounts answer 325/5006 for `aggregationDelaySeconds` before their data
   * appears. When the link (`link`, else the customer's newest) has a webhook, the session's Connect
   * events go to it (connect-sessions.ts); `outcome: "unableToConnect"` ends the session there
   * instead, with no login created.
   */
  app.post('/_sandbox/connect', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const customerId = typeof body.customerId === 'string' ? body.customerId : undefined;
    const customer = customerId ? ctx.store.customers.get(customerId) : undefined;
    if (!customer) return sendError(reply, 404, '14001', 'Customer not found.');
    const region = ctx.profile.region;
    const institutionId = String(body.institutionId ?? (region === 'AU' ? '200003' : '4222'));
    const institution = institutionsFor(region).find((i) => String(i.id) === institutionId);
    if (!institution) return sendError(reply, 404, '14006', 'Institution not found.');
    if (!institution.testInstitution) {
      // "Testing customers can only be used with Finbank test profiles" (seed 002, FAQs).
      return sendError(reply, 400, 10100, 'Invalid parameter (institutionId): only FinBank test institutions are available in the sandbox.');
    }
    const profile = typeof body.profile === 'string' ? body.profile : region === 'AU' ? 'profile_4110' : 'profile_03';
    if (region === 'AU' && !(AU_TEST_PROFILES as readonly string[]).includes(profile)) {
      return sendError(reply, 400, 10100, 'Invalid parameter (profile)');
    }
    const opened = openConnectLink(ctx, reply, body, customer.id, institutionId);
    if (opened === undefined) return reply;
    if (body.outcome === 'unableToConnect') {
      const events = opened.session ? ctx.connect.sessions.play(opened.session, { kind: 'unableToConnect', institutionId, code: 500 }) : [];
      return reply.code(200).send({ connectEvents: events });
    }
    const nowSeconds = ctx.nowSeconds();
    const anchor = Math.floor(startOfUtcDay(new Date(ctx.now())).getTime() / 1000);
    const result = connectInstitution(ctx.store, ctx.profile, ctx.rng, {
      customerId: customer.id,
      institutionId,
      profile,
      plans: plansForProfile(region, profile, ctx.rng),
      createdDate: nowSeconds,
      anchor,
      aggregationReadyAt: region === 'AU' ? nowSeconds + ctx.aggregationDelaySeconds : nowSeconds,
      withConsent: region === 'AU',
    });
    const consent = result.consent;
    if (consent) {
      // Seed 002, Consent Notification Event Types: a new consent (DRAFT) is CONSENT_CREATED, then
      // each institution the customer shares is INSTITUTIONS_ADDED.
      if (consent.arrangements.length === 1) ctx.consentEvents?.notify('CONSENT_CREATED', consent, []);
      ctx.consentEvents?.notify('INSTITUTIONS_ADDED', consent, consent.arrangements.slice(-1));
    }
    const connectEvents = opened.session
      ? ctx.connect.sessions.play(opened.session, {
          kind: 'added',
          institutionId,
          accounts: result.accounts.map((account) => accountView(ctx, account)),
          receiptId: result.consent?.consentReceiptId,
        })
      : [];
    return reply.code(201).send({
      connectEvents,
      institutionLoginId: result.login.id,
      accountIds: result.accounts.map((a) => a.id),
      consentReceiptId: result.consent?.consentReceiptId,
      aggregationReadyAt: result.accounts[0]?.aggregationReadyAt,
    });
  });
}
