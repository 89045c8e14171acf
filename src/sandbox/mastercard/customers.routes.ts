import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkAbn, normalizeAbn } from './abn.js';
import { invalidParameter, missingParameter, sendError } from './errors.js';
import { parsePaging } from './paging.js';
import { customerView } from './serializers.js';
import { findCustomer, type SimContext } from './sim-context.js';
import type { SimCustomer } from './store.js';
import { isValidUsername } from './username.js';

type Query = Record<string, string | undefined>;
type Body = Record<string, unknown>;

const optionalString = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function registerCustomerRoutes(app: FastifyInstance, ctx: SimContext): void {
  const { store } = ctx;

  const create = (type: SimCustomer['type']) => async (request: FastifyRequest, reply: FastifyReply) => {
    if (!ctx.auth.authenticate(request, reply)) return reply;
    const body = (request.body ?? {}) as Body;
    const username = optionalString(body.username);
    if (username === undefined) return missingParameter(reply, 'username');
    if (!isValidUsername(username)) {
      // 110039: US spec lists it under 400, the AU status-code table under HTTP 500 (region.ts).
      return sendError(reply, ctx.profile.usernamePolicyHttpStatus, '110039', 'Username is not as per the policy.');
    }
    let category: SimCustomer['category'] = 'INDIVIDUAL';
    let abn: string | undefined;
    if (ctx.profile.region === 'AU') {
      const rules = auCustomerRules(ctx, type, body, reply);
      if (!rules) return reply;
      ({ category, abn } = rules);
    }
    if (store.findByUsername(username)) return sendError(reply, 409, '110002', 'Username is not available.');
    if (type === 'testing' && store.testingCustomerCount() >= ctx.testingCustomerLimit) {
      // "You can create up to 500 testing customers per Partner ID ... you will receive a 42000 error"
      // (seed 001, Test Customers); HTTP 400 per the docs' error index (us-notes.md, Errors).
      return sendError(reply, 400, '42000', 'Testing customer limit exceeded.');
    }
    const now = ctx.nowSeconds();
    const customer: SimCustomer = {
      id: store.newCustomerId(),
      username,
      firstName: optionalString(body.firstName),
      lastName: optionalString(body.lastName),
      phone: optionalString(body.phone),
      email: optionalString(body.email),
      applicationId: optionalString(body.applicationId),
      type,
      createdDate: now,
      lastModifiedDate: now,
      category,
      abn,
    };
    store.customers.set(customer.id, customer);
    // createdDate is an integer here and a string in Get/List (us-notes.md, Customers).
    return reply.code(201).send({ id: customer.id, username: customer.username, createdDate: customer.createdDate });
  };

  app.post('/aggregation/v2/customers/testing', create('testing'));
  app.post('/aggregation/v2/customers/active', create('active'));

  app.get('/aggregation/v1/customers', async (request, reply) => {
    if (!ctx.auth.authenticate(request, reply)) return reply;
    const query = request.query as Query;
    if (query.type !== undefined && query.type !== '' && query.type !== 'testing' && query.type !== 'active') {
      return sendError(reply, 400, '14016', 'Invalid customer type.');
    }
    const paging = parsePaging(query, reply);
    if (!paging) return reply;
    // The spec names the parameter `username`; the customers guide writes `userName` (seed 001), so take both.
    const username = query.username ?? query.userName;
    const search = query.search?.trim().toLowerCase();
    const matches = [...store.customers.values()]
      .filter((c) => username === undefined || username === '' || c.username === username)
      .filter((c) => !query.type || c.type === query.type)
      // "the specified text ... anywhere in either of their firstName or lastName fields" (seed 001)
      .filter((c) => !search || `${c.firstName ?? ''}`.toLowerCase().includes(search) || `${c.lastName ?? ''}`.toLowerCase().includes(search))
      .sort((a, b) => Number(a.id) - Number(b.id));
    const page = matches.slice(paging.start - 1, paging.start - 1 + paging.limit);
    return {
      found: matches.length,
      displaying: page.length,
      // A real boolean here, unlike the transactions page (us-notes.md, Customers).
      moreAvailable: paging.start - 1 + page.length < matches.length,
      customers: page.map((c) => customerView(ctx, c, false)),
    };
  });

  app.get('/aggregation/v1/customers/:customerId', async (request, reply) => {
    if (!ctx.auth.authenticate(request, reply)) return reply;
    const customer = findCustomer(ctx, reply, (request.params as { customerId: string }).customerId);
    if (!customer) return reply;
    return customerView(ctx, customer, true);
  });

  app.put('/aggregation/v1/customers/:customerId', async (request, reply) => {
    if (!ctx.auth.authenticate(request, reply)) return reply;
    const customer = findCustomer(ctx, reply, (request.params as { customerId: string }).customerId);
    if (!customer) return reply;
    const body = (request.body ?? {}) as Body;
    const firstName = optionalString(body.firstName);
    const lastName = optionalString(body.lastName);
    const username = optionalString(body.username);
    // "you must specify either the first name, the last name, or both" (seed 001); 10025 No data to update.
    if (firstName === undefined && lastName === undefined && username === undefined) {
      return sendError(reply, 400, '10025', 'No data to update.');
    }
    if (username !== undefined && username !== customer.username) {
      if (!isValidUsername(username)) return sendError(reply, ctx.profile.usernamePolicyHttpStatus, '110039', 'Username is not as per the policy.');
      if (store.findByUsername(username)) return sendError(reply, 409, '110002', 'Username is not available.');
      customer.username = username;
    }
    if (firstName !== undefined) customer.firstName = firstName;
    if (lastName !== undefined) customer.lastName = lastName;
    customer.lastModifiedDate = ctx.nowSeconds();
    return reply.code(204).send();
  });

  app.delete('/aggregation/v1/customers/:customerId', async (request, reply) => {
    if (!ctx.auth.authenticate(request, reply)) return reply;
    const customer = findCustomer(ctx, reply, (request.params as { customerId: string }).customerId);
    if (!customer) return reply;
    // "If you delete the customerId ... the link to their account gets deleted as well" (seed 001).
    store.deleteCustomer(customer.id);
    return reply.code(204).send();
  });
}

/**
 * AU category / ABN rules (seed 000, Customer Records):
 * - `category` is INDIVIDUAL (default) or BUSINESS;
 * - BCDC partners "must set the customer category to BUSINESS";
 * - BCDC BUSINESS customers need an `abn` that is valid and active; OSP / CDR representative ABNs
 *   are not validated. Sandbox test customers "only require a username", so a testing customer may
 *   omit the ABN, but one that is sent is still checked.
 * - active customers must belong to an application (`applicationId`; seed 002, Applications).
 * The docs give no codes for these; missing fields use 10005 and bad values 10100 (error-examples.json).
 */
function auCustomerRules(
  ctx: SimContext,
  type: SimCustomer['type'],
  body: Body,
  reply: FastifyReply,
): { category: SimCustomer['category']; abn?: string } | undefined {
  if (type === 'active' && optionalString(body.applicationId) === undefined) {
    missingParameter(reply, 'applicationId');
    return undefined;
  }
  const rawCategory = body.category;
  if (rawCategory !== undefined && rawCategory !== 'INDIVIDUAL' && rawCategory !== 'BUSINESS') {
    invalidParameter(reply, 'category');
    return undefined;
  }
  const bcdc = ctx.accessModel === 'BCDC';
  if (bcdc && rawCategory !== 'BUSINESS') {
    sendError(reply, 400, 10100, 'Invalid parameter (category): partners using the BCDC model must create BUSINESS customers.');
    return undefined;
  }
  const category: SimCustomer['category'] = rawCategory === 'BUSINESS' ? 'BUSINESS' : 'INDIVIDUAL';
  const rawAbn = optionalString(body.abn);
  if (!bcdc) return { category, abn: rawAbn === undefined ? undefined : normalizeAbn(rawAbn) };
  if (rawAbn === undefined) {
    if (type === 'active') {
      missingParameter(reply, 'abn');
      return undefined;
    }
    return { category };
  }
  const problem = checkAbn(rawAbn);
  if (problem === 'invalid') {
    sendError(reply, 400, 10100, 'Invalid parameter (abn): not a valid Australian Business Number.');
    return undefined;
  }
  if (problem === 'inactive') {
    sendError(reply, 400, 10100, 'Invalid parameter (abn): the ABN is not active on the Australian Business Register.');
    return undefined;
  }
  return { category, abn: normalizeAbn(rawAbn) };
}
