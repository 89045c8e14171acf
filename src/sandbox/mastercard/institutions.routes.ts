import type { FastifyInstance } from 'fastify';
import { sendError } from './errors.js';
import { institutionsFor, type SimInstitution } from './institutions.js';
import { parsePaging } from './paging.js';
import type { SimContext } from './sim-context.js';

type Query = Record<string, string | undefined>;
type Product = keyof SimInstitution['products'];
const PRODUCTS: Product[] = ['transAgg', 'ach', 'voi', 'voa', 'aha', 'availBalance', 'accountOwner'];

export function registerInstitutionRoutes(app: FastifyInstance, ctx: SimContext): void {
  const all = institutionsFor(ctx.profile.region);
  const currency = ctx.profile.currency;

  const productionStatus = (i: SimInstitution) => ({
    overallStatus: 'online',
    transAgg: i.products.transAgg ? 'online' : 'offline',
    voa: i.products.voa ? 'online' : 'offline',
    voi: i.products.voi ? 'online' : 'offline',
    ach: i.products.ach ? 'online' : 'offline',
    aha: i.products.aha ? 'online' : 'offline',
  });

  const view = (i: SimInstitution) => ({
    id: i.id,
    name: i.name,
    ...i.products,
    stateAgg: false,
    displayName: i.name,
    urlHomeApp: i.urlHomeApp,
    oauthEnabled: i.oauthEnabled,
    address: { country: i.country },
    currency,
    status: 'online',
    productionStatus: productionStatus(i),
    oauthInstitutionId: i.oauthEnabled ? i.id : undefined,
  });

  /** Shared filters: fuzzy-ish `search`, product `type` list, `supportedCountries` (openbanking-us.yaml GetInstitutions). */
  const filter = (query: Query): SimInstitution[] => {
    const words = (query.search ?? '').toLowerCase().split(/[\s+]+/).filter(Boolean);
    const types = (query.type ?? '').split(',').map((t) => t.trim()).filter((t): t is Product => PRODUCTS.includes(t as Product));
    const countries = (query.supportedCountries ?? '*').split(',').map((c) => c.trim().toUpperCase());
    return all.filter(
      (i) =>
        words.every((w) => i.name.toLowerCase().includes(w)) &&
        types.every((t) => i.products[t]) &&
        (countries.includes('*') || countries.includes(i.country)),
    );
  };

  // Here `start` is the PAGE index, unlike customers/transactions (us-notes.md, Institutions).
  const pageOf = (query: Query, reply: Parameters<typeof parsePaging>[1]) => {
    const paging = parsePaging(query, reply);
    if (!paging) return undefined;
    const matches = filter(query);
    const offset = (paging.start - 1) * paging.limit;
    const slice = matches.slice(offset, offset + paging.limit);
    return { matches, slice, more: offset + slice.length < matches.length };
  };

  app.get('/institution/v2/institutions', async (request, reply) => {
    if (!ctx.auth.authenticate(request, reply)) return reply;
    const result = pageOf(request.query as Query, reply);
    if (!result) return reply;
    return {
      found: result.matches.length,
      displaying: result.slice.length,
      moreAvailable: result.more,
      createdDate: ctx.nowSeconds(),
      institutions: result.slice.map(view),
    };
  });

  app.get('/institution/v2/certifiedInstitutions', async (request, reply) => {
    if (!ctx.auth.authenticate(request, reply)) return reply;
    const result = pageOf(request.query as Query, reply);
    if (!result) return reply;
    // CertifiedInstitutions: requestedDate instead of createdDate (openbanking-us.yaml).
    return {
      found: result.matches.length,
      displaying: result.slice.length,
      moreAvailable: result.more,
      requestedDate: ctx.nowSeconds(),
      institutions: result.slice.map((i) => ({
        id: i.id,
        name: i.name,
        ...i.products,
        stateAgg: false,
        oauthEnabled: i.oauthEnabled,
        productionStatus: productionStatus(i),
      })),
    };
  });

  app.get('/institution/v2/institutions/:institutionId', async (request, reply) => {
    if (!ctx.auth.authenticate(request, reply)) return reply;
    const id = (request.params as Record<string, string>).institutionId;
    const institution = all.find((i) => String(i.id) === id);
    // error-examples.json InstitutionNotFoundExample
    if (!institution) return sendError(reply, 404, '14006', 'Institution not found.');
    return { institution: view(institution) };
  });
}
