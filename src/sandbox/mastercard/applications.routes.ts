import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { invalidParameter, missingParameter, sendError } from './errors.js';
import type { AuAccessModel } from './region.js';
import type { SimContext } from './sim-context.js';

/** An application registered with `POST /applications` (seed 002, Applications). */
export interface SimApplication {
  preAppId: number;
  applicationId: string;
  name: string;
  /** Epoch ms. */
  submittedAt: number;
}

/** "Required Information by Access Model" (seed 002), by body field; "Disclosure type" named `disclosureType` (undocumented). */
const REQUIRED: Readonly<Record<AuAccessModel, readonly string[]>> = {
  OSP: ['appName', 'legalEntityName', 'policyUrl', 'dataComplaintsEmailAddress', 'softwareId', 'orgId', 'copyrightLogo', 'businessName', 'fromEmail', 'image'],
  CDR_REPRESENTATIVE: ['appName', 'appDescription', 'appUrl', 'image'],
  BCDC: ['appName', 'appDescription', 'appUrl', 'image', 'disclosureType', 'policyUrl', 'dataComplaintsEmailAddress'],
};
/** Every body field seed 002 shows (the ADR example) plus BCDC's disclosure type. */
const KNOWN = new Set([...REQUIRED.OSP, ...REQUIRED.BCDC, 'appDescription', 'appUrl', 'replyToEmail']);
/** Query parameters of getApplications (openbanking-us.yaml; error 3008 lists the filters). */
const QUERY_PARAMETERS = new Set(['start', 'limit', 'pre_app_id', 'application_id', 'status', 'name']);

/**
 * Applications, AU only (seed 002, "Applications"): `POST /applications` checks the fields the
 * partner's access model requires (10005 "Missing parameter (…)", as the API's other required
 * fields), refuses unknown fields, and answers `{applicationId, status: "Pending"}` (status 201, as
 * the platform's RegisterApp). `GET /applications` answers openbanking-us.yaml's
 * `ApplicationResponse`; the sandbox approves at once ("Auto approved", the spec example's note),
 * so a registration reads back as `A` — in production approval takes Mastercard and the ACCC.
 */
export function registerApplicationRoutes(app: FastifyInstance, ctx: SimContext): void {
  if (ctx.profile.region !== 'AU') return;
  const applications: SimApplication[] = [];

  app.post('/applications', async (request, reply) => {
    if (!ctx.auth.authenticate(request, reply)) return reply;
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return sendError(reply, 400, '14020', 'Bad request.');
    const fields = body as Record<string, unknown>;
    for (const [key, value] of Object.entries(fields)) {
      if (!KNOWN.has(key) || typeof value !== 'string') return invalidParameter(reply, key.slice(0, 40));
    }
    const missing = REQUIRED[ctx.accessModel].find((key) => typeof fields[key] !== 'string' || (fields[key] as string).trim() === '');
    if (missing !== undefined) return missingParameter(reply, missing);
    const application: SimApplication = {
      preAppId: applications.length + 1,
      applicationId: randomUUID(),
      name: fields.appName as string,
      submittedAt: ctx.now(),
    };
    applications.push(application);
    return reply.code(201).send({ applicationId: application.applicationId, status: 'Pending' });
  });

  app.get('/applications', async (request, reply) => {
    if (!ctx.auth.authenticate(request, reply)) return reply;
    const query = request.query as Record<string, string | undefined>;
    const invalid = () =>
      sendError(reply, 400, '3009', 'Bad Request', {
        status: '400',
        user_message: 'One/more of [pre_app_id, application_id, status, name] query parameter values provided are invalid',
      });
    if (Object.keys(query).some((key) => !QUERY_PARAMETERS.has(key))) {
      return sendError(reply, 400, '3008', 'Bad Request', { status: '400', user_message: 'Known query parameters: [pre_app_id, application_id, status, name] are allowed only' });
    }
    const start = query.start === undefined ? 1 : Number(query.start);
    const limit = query.limit === undefined ? 50 : Number(query.limit);
    if (!Number.isInteger(start) || start < 1 || !Number.isInteger(limit) || limit < 1 || limit > 100) return invalid();
    if (query.status !== undefined && !['A', 'P', 'D', 'R', 'S'].includes(query.status)) return invalid();
    const matching = applications.filter(
      (a) =>
        (query.application_id === undefined || a.applicationId === query.application_id) &&
        (query.pre_app_id === undefined || String(a.preAppId) === query.pre_app_id) &&
        (query.name === undefined || a.name === query.name) &&
        (query.status === undefined || query.status === 'A'),
    );
    // `start` is the page index here (openbanking-us.yaml StartParameter "Index of the page of results").
    const page = matching.slice((start - 1) * limit, start * limit);
    return {
      found: matching.length,
      displaying: page.length,
      moreAvailable: start * limit < matching.length,
      applications: page.map((a) => {
        const at = new Date(a.submittedAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
        return { preAppId: a.preAppId, applicationId: a.applicationId, status: 'A', name: a.name, scopes: 'Account Info', note: 'Auto approved', createdDate: at, modifiedDate: at, submittedDate: at };
      }),
    };
  });
}
