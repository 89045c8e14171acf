import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkAbn } from './abn.js';
import { missingParameter, sendError } from './errors.js';
import { institutionsFor } from './institutions.js';
import type { SimContext } from './sim-context.js';
import { readConnectOptions } from './connect-options.js';

type Body = Record<string, unknown>;

/** "Connect URLs are valid for 2 hours after being generated" (seed 002, Session time-out). */
const LINK_TTL_MS = 2 * 3600 * 1000;

const field = (body: Body, name: string): string | undefined => {
  const v = body[name];
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};

const invalidField = (reply: FastifyReply, message: string): FastifyReply =>
  // error-examples.json InvalidFieldExample: 10010 with status / user_message / tags
  sendError(reply, 400, '10010', message, {
    status: '400',
    user_message: 'One or more of the fields could not be validated. Please ensure you have entered the correct data.',
  });

export function registerConnectRoutes(app: FastifyInstance, ctx: SimContext, partnerSecret: string): void {
  /** Authentication, then `partnerId` and `customerId` as every Generate Connect call takes them; undefined once refused. */
  const partnerCustomer = (request: FastifyRequest, reply: FastifyReply, body: Body) => {
    if (!ctx.auth.authenticate(request, reply)) return undefined;
    const partnerId = field(body, 'partnerId');
    const customerId = field(body, 'customerId');
    if (partnerId === undefined) return void missingParameter(reply, 'partnerId');
    if (customerId === undefined) return void missingParameter(reply, 'customerId');
    if (partnerId !== ctx.partnerId) return void invalidField(reply, 'Partner ID does not match the authenticated partner');
    const customer = ctx.store.customers.get(customerId);
    if (!customer) return void invalidField(reply, 'Customer ID does not exist or does not belong to this partner');
    return { partnerId, customerId, customer };
  };
  const generate = (lite: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
    const body = (request.body ?? {}) as Body;
    const found = partnerCustomer(request, reply, body);
    if (found === undefined) return reply;
    const { partnerId, customerId, customer } = found;
    if (ctx.profile.region === 'AU' && ctx.accessModel === 'BCDC') {
      // The ABN "must be valid and active to create a customer record or to generate a Connect URL" (seed 000).
      if (customer.category !== 'BUSINESS' || customer.abn === undefined || checkAbn(customer.abn) !== undefined) {
        return sendError(reply, 400, 10100, 'Invalid parameter (abn): a BCDC Connect session needs a BUSINESS customer with a valid, active ABN.');
      }
    }
    const params = new URLSearchParams({ customerId, origin: 'url', partnerId });
    if (lite) {
      // Connect Lite needs an institutionId (seed 002, Connect Lite; openbanking-us.yaml LiteConnectParameters).
      const institutionId = field(body, 'institutionId');
      if (institutionId === undefined) return missingParameter(reply, 'institutionId');
      if (!institutionsFor(ctx.profile.region).some((i) => String(i.id) === institutionId)) {
        return sendError(reply, 404, '14006', 'Institution not found.');
      }
      params.set('institutionId', institutionId);
    }
    const now = ctx.now();
    params.set('timestamp', String(now));
    params.set('ttl', String(now + LINK_TTL_MS));
    if (lite) params.set('type', 'lite');
    const webhookContentType = field(body, 'webhookContentType');
    if (webhookContentType) params.set('webhookContentType', webhookContentType);
    const options = readConnectOptions(body, lite);
    if ('invalid' in options) return invalidField(reply, options.invalid);
    if (options.webhook !== undefined) {
      // "Sent when the Generate Connect URL APIs are called to verify that the webhook URL is
      // accessible. This endpoint must return a 200 series or the Generate Connect URL call fails"
      // (seed 002, ping). The documents name no code for it: the field-validation error (10010).
      const reachable = await ctx.connect.sender.ping({ url: options.webhook, headers: options.webhookHeaders });
      if (!reachable) return invalidField(reply, 'The webhook URL did not answer the ping with a 2xx status');
    }
    // Same parameter set as the spec's example link; the signature scheme is the sandbox's own.
    const signature = createHmac('sha256', partnerSecret).update(params.toString()).digest('hex');
    params.set('signature', signature);
    ctx.connect.sessions.remember({ signature, customerId, expiresAt: now + LINK_TTL_MS, used: false, ...options });
    return { link: `${ctx.profile.connectHost}/?${params.toString()}` };
  };

  // Both are POST in the spec and in the curl examples (the AU page's "API Reference: GET" lines are
  // at odds with its own curl sample and with openbanking-us.yaml).
  app.post('/connect/v2/generate', generate(false));
  app.post('/connect/v2/generate/lite', generate(true));

  // seed 002, Connect Dashboard: "API Reference: POST /connect/v2/generate/consent/manage" (AU only;
  // the US documents have no dashboard). No body or answer is printed: we take the fields every
  // Generate Connect call takes and answer `{link}` like them.
  if (ctx.profile.region === 'AU') {
    app.post('/connect/v2/generate/consent/manage', async (request, reply) => {
      const found = partnerCustomer(request, reply, (request.body ?? {}) as Body);
      if (found === undefined) return reply;
      const { partnerId, customerId } = found;
      const params = new URLSearchParams({ customerId, origin: 'url', partnerId, type: 'manage', timestamp: String(ctx.now()) });
      params.set('signature', createHmac('sha256', partnerSecret).update(params.toString()).digest('hex'));
      return { link: `${ctx.profile.connectHost}/consent/manage?${params.toString()}` };
    });
  }
}
