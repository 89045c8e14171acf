import type { FastifyInstance, FastifyReply } from 'fastify';
import type { LendingAccount } from './data-source.js';
import type { AuthorizationPeriod, LendingState } from './lending-state.js';

const DAY_MS = 86_400_000;

/**
 * Customer authorization period, US only (seed 001 "Retrieve Customer Authorization Period"; US
 * spec getCustomerAuthorizationDetails): `{institutionLoginId, authorizationStartDate,
 * authorizationEndDate}` as ISO strings; 404 with 3003 (login unknown) or 3004 (details not found).
 */
export function registerAuthorizationDetailsRoutes(app: FastifyInstance, state: LendingState): void {
  const { ctx } = state;
  app.get<{ Params: { institutionLoginId: string } }>(
    '/customers/institution-logins/:institutionLoginId/authorization-details',
    async (request, reply) => {
      if (!ctx.authenticate(request, reply)) return reply;
      const institutionLoginId = Number(request.params.institutionLoginId);
      const account = Number.isSafeInteger(institutionLoginId) ? findInstitutionLogin(state, institutionLoginId) : undefined;
      if (!account) return notFound(reply, '3003', 'Institution Login Id is not found');
      const period = authorizationPeriodOf(state, institutionLoginId);
      if (!period) return notFound(reply, '3004', 'Institution Login Id details are not found');
      return reply.send({
        institutionLoginId,
        authorizationStartDate: providerIso(period.start),
        authorizationEndDate: providerIso(period.end),
      });
    },
  );
}

function notFound(reply: FastifyReply, code: string, userMessage: string): FastifyReply {
  return reply.code(404).send({ code, status: '404', message: 'Resource Not Found.', user_message: userMessage });
}

export function findInstitutionLogin(state: LendingState, institutionLoginId: number): LendingAccount | undefined {
  const customerIds = new Set<string>(state.knownCustomerIds);
  for (const customer of state.ctx.listCustomers?.() ?? []) customerIds.add(customer.id);
  for (const customerId of customerIds) {
    const account = state.ctx.accountsOf(customerId).find((candidate) => candidate.institutionLoginId === institutionLoginId);
    if (account) return account;
  }
  return undefined;
}

/**
 * The sandbox's authorization period for a login, fixed the first time it is asked for: it began
 * (login id mod 120) days before that day at 16:11:23.20 UTC and lasts 365 days (a one-year consent).
 * `PUT /_sandbox/mastercard/lending/authorization-details/:id` overrides it.
 */
export function authorizationPeriodOf(state: LendingState, institutionLoginId: number): AuthorizationPeriod | null {
  const known = state.authorizations.get(institutionLoginId);
  if (known !== undefined) return known;
  const today = Math.floor(state.ctx.now() / DAY_MS) * DAY_MS;
  const start = today - (institutionLoginId % 120) * DAY_MS + (16 * 3600 + 11 * 60 + 23.2) * 1000;
  const period = { start, end: start + 365 * DAY_MS };
  state.authorizations.set(institutionLoginId, period);
  return period;
}

/** The spec's example writes centiseconds: "2024-01-01T16:11:23.20Z". */
export function providerIso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{2})\dZ$/, '.$1Z');
}
