import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountNotFound, sendError } from './errors.js';
import { accountView } from './serializers.js';
import { checkConsentHeader, findCustomer, type SimContext } from './sim-context.js';
import type { SimAccount, SimCustomer } from './store.js';

type Params = Record<string, string>;

/**
 * Resolves the customer + one of its visible accounts for per-account routes, answering 14001 /
 * 38003 / the consent error itself. Shared by the transaction and payment routes.
 */
export function resolveAccount(
  ctx: SimContext,
  request: FastifyRequest,
  reply: FastifyReply,
): { customer: SimCustomer; account: SimAccount } | undefined {
  if (!ctx.auth.authenticate(request, reply)) return undefined;
  const { customerId, accountId } = request.params as Params;
  const customer = findCustomer(ctx, reply, customerId ?? '');
  if (!customer) return undefined;
  if (!checkConsentHeader(ctx, request, reply, customer.id)) return undefined;
  const account = ctx.store.accounts.get(accountId ?? '');
  if (!account || account.customerId !== customer.id || !ctx.store.isAccessible(account)) {
    accountNotFound(reply, customer.id, accountId ?? '');
    return undefined;
  }
  return { customer, account };
}

/** Customer + consent checks for customer-level data routes. */
export function resolveCustomerForData(ctx: SimContext, request: FastifyRequest, reply: FastifyReply): SimCustomer | undefined {
  if (!ctx.auth.authenticate(request, reply)) return undefined;
  const customer = findCustomer(ctx, reply, (request.params as Params).customerId ?? '');
  if (!customer) return undefined;
  if (!checkConsentHeader(ctx, request, reply, customer.id)) return undefined;
  return customer;
}

const noAccounts = (reply: FastifyReply): FastifyReply =>
  // error-examples.json NoAccountForCustomerIdExample (numeric code there)
  sendError(reply, 404, 38003, 'Customer does not have any accounts');

const noAccountsForLogin = (reply: FastifyReply): FastifyReply =>
  sendError(reply, 404, '38007', 'Customer does not have any accounts associated with institutionLoginId.');

export function registerAccountRoutes(app: FastifyInstance, ctx: SimContext): void {
  const list = (accounts: SimAccount[]) => ({ accounts: accounts.map((a) => accountView(ctx, a)) });

  app.get('/aggregation/v1/customers/:customerId/accounts', async (request, reply) => {
    const customer = resolveCustomerForData(ctx, request, reply);
    if (!customer) return reply;
    const all = ctx.store.accountsOf(customer.id);
    if (all.length === 0) return noAccounts(reply);
    const { status, account_type: accountType } = request.query as Record<string, string | undefined>;
    // `account_type` filters on the account's `type` (the spec's "ava" value is not a type we model).
    return list(all.filter((a) => (!status || a.status === status) && (!accountType || a.type === accountType)));
  });

  const byLogin = async (request: FastifyRequest, reply: FastifyReply) => {
    const customer = resolveCustomerForData(ctx, request, reply);
    if (!customer) return reply;
    const loginId = Number((request.params as Params).institutionLoginId);
    const accounts = ctx.store.accountsOf(customer.id).filter((a) => a.institutionLoginId === loginId);
    if (accounts.length === 0) return noAccountsForLogin(reply);
    return list(accounts);
  };
  app.get('/aggregation/v1/customers/:customerId/institutionLogins/:institutionLoginId/accounts', byLogin);
  // Refresh (seed 002, Initial Aggregation): the sandbox's aggregation runs on its own clock, so a
  // refresh records the connection (aggregationAttemptDate) and answers the current CustomerAccounts
  // (openbanking-us.yaml RefreshCustomerAccountsResponse). Bodiless: a body is refused (14020).
  app.post('/aggregation/v1/customers/:customerId/institutionLogins/:institutionLoginId/accounts', async (request, reply) => {
    const customer = resolveCustomerForData(ctx, request, reply);
    if (!customer) return reply;
    if (request.body !== undefined && request.body !== null) return sendError(reply, 400, '14020', 'Bad request.');
    const loginId = Number((request.params as Params).institutionLoginId);
    const accounts = ctx.store.accountsOf(customer.id).filter((a) => a.institutionLoginId === loginId);
    if (accounts.length === 0) return noAccountsForLogin(reply);
    const now = ctx.nowSeconds();
    for (const account of accounts) account.lastConnectionAt = now;
    return list(accounts);
  });

  app.get('/aggregation/v1/customers/:customerId/institutions/:institutionId/accounts', async (request, reply) => {
    const customer = resolveCustomerForData(ctx, request, reply);
    if (!customer) return reply;
    const institutionId = (request.params as Params).institutionId;
    const accounts = ctx.store.accountsOf(customer.id).filter((a) => a.institutionId === institutionId);
    if (accounts.length === 0) return noAccounts(reply);
    return list(accounts);
  });

  const one = async (request: FastifyRequest, reply: FastifyReply) => {
    const resolved = resolveAccount(ctx, request, reply);
    if (!resolved) return reply;
    return accountView(ctx, resolved.account);
  };
  app.get('/aggregation/v2/customers/:customerId/accounts/:accountId', one);
  // The AU docs list the v1 form of Get Customer Account (seed 002, Customer Account Operations).
  if (ctx.profile.region === 'AU') app.get('/aggregation/v1/customers/:customerId/accounts/:accountId', one);
}
