import type { FastifyInstance } from 'fastify';
import { parseCreateUserCustomerLink } from './customer-body.js';
import {
  customerJsonV310,
  customerWithAttributesJsonV300,
  userCustomerLinkJson,
} from './customer.json.js';
import { bankAccountNotFound, customerNotFoundById, ObpError } from './errors.js';
import { randomUuid, stableUuid } from './ids.js';
import { accountKey, type ObpAccount, type ObpCustomer, type ObpUser } from './model.js';
import { OBP_ROLES, requireOneOf } from './roles.js';
import { obpRoute, param, requireBank, type ObpContext } from './route-context.js';
import { versionsFrom } from './versions.js';

/** CustomerJsonV210 (JSONFactory210.createCustomersJson, v5.0.0 my/customers): V310 without title, branch_id, name_suffix. */
function customerJsonV210(c: ObpCustomer): Record<string, unknown> {
  const { title: _title, branch_id: _branch, name_suffix: _suffix, ...rest } = customerJsonV310(c);
  return rest;
}

/** CustomerAccountLinkJson (OBP v5.0.0; not in the extract, the docs are silent on its shape). */
const customerAccountLinkJson = (a: ObpAccount): Record<string, unknown> => ({
  customer_account_link_id: stableUuid(`customer-account-link:${a.customerId}:${accountKey(a.bankId, a.accountId)}`),
  customer_id: a.customerId,
  bank_id: a.bankId,
  account_id: a.accountId,
  relationship_type: 'Owner',
});

export function registerUserCustomerRoutes(app: FastifyInstance, ctx: ObpContext): void {
  const { store, auth } = ctx;

  const linkedCustomers = (user: ObpUser): ObpCustomer[] =>
    store
      .linksOfUser(user.userId)
      .map((l) => store.customer(l.customerId))
      .filter((c): c is ObpCustomer => c !== undefined);

  // UserJsonV300 (GET /obp/v3.0.0/users/current). Bank-level roles are listed once per bank
  // because a sandbox role counts at every bank.
  obpRoute(app, 'GET', versionsFrom('v3.0.0'), '/users/current', (request) => {
    const user = auth.authenticate(request.headers);
    const entitlements = user.roles.flatMap((role) => {
      const scope = OBP_ROLES[role as keyof typeof OBP_ROLES];
      const bankIds = scope === 'bank' ? store.banks().map((b) => b.id) : [''];
      return bankIds.map((bankId) => ({
        entitlement_id: stableUuid(`entitlement:${user.userId}:${role}:${bankId}`),
        role_name: role,
        bank_id: bankId,
      }));
    });
    const views = [...store.ownerViews(user.userId)].map((key) => {
      const [bankId = '', accountId = ''] = key.split('/');
      return { bank_id: bankId, account_id: accountId, view_id: 'owner' };
    });
    return {
      user_id: user.userId,
      email: user.email,
      provider_id: user.username,
      provider: 'sandbox',
      username: user.username,
      entitlements: { list: entitlements },
      views: { list: views },
    };
  });

  obpRoute(app, 'GET', versionsFrom('v3.0.0'), '/users/current/customers', (request) => {
    const user = auth.authenticate(request.headers);
    return { customers: linkedCustomers(user).map(customerWithAttributesJsonV300) };
  });

  // JSONFactory510.createCustomersIds: ids only (the extract's example shows full customers,
  // which is not what the factory it names produces).
  obpRoute(app, 'GET', versionsFrom('v5.1.0'), '/users/current/customers/customer_ids', (request) => {
    const user = auth.authenticate(request.headers);
    return { customers: linkedCustomers(user).map((c) => ({ bank_id: c.bankId, customer_id: c.customerId })) };
  });

  obpRoute(app, 'GET', versionsFrom('v5.0.0'), '/my/customers', (request) => {
    const user = auth.authenticate(request.headers);
    return { customers: linkedCustomers(user).map(customerJsonV210) };
  });

  obpRoute(app, 'GET', versionsFrom('v5.0.0'), '/banks/:BANK_ID/my/customers', (request) => {
    const user = auth.authenticate(request.headers);
    const bank = requireBank(store, param(request, 'BANK_ID'));
    return { customers: linkedCustomers(user).filter((c) => c.bankId === bank.id).map(customerJsonV210) };
  });

  // v2.0.0 createUserCustomerLinks (seed 004 "Link a User to a Customer"): 201 UserCustomerLinkJson.
  obpRoute(app, 'POST', versionsFrom('v2.0.0'), '/banks/:BANK_ID/user_customer_links', async (request, reply) => {
    const user = auth.authenticate(request.headers);
    const bank = requireBank(store, param(request, 'BANK_ID'));
    requireOneOf(user, ['CanCreateUserCustomerLink', 'CanCreateUserCustomerLinkAtAnyBank'], bank.id);
    const body = parseCreateUserCustomerLink(request.body);
    if (!store.user(body.user_id)) throw new ObpError('UserNotFoundById');
    const customer = store.customer(body.customer_id);
    if (!customer) throw customerNotFoundById(body.customer_id);
    if (customer.bankId !== bank.id) {
      // OBP's literal message for this check (no OBP code), HTTP 400.
      throw ObpError.literal(
        400,
        `Bank of the customer specified by the CUSTOMER_ID(${customer.bankId}) has to matches BANK_ID(${bank.id}) in URL`,
      );
    }
    if (store.linksOfUser(body.user_id).some((l) => l.customerId === body.customer_id)) {
      throw new ObpError('CustomerAlreadyExistsForUser');
    }
    const link = {
      userCustomerLinkId: randomUuid(),
      userId: body.user_id,
      customerId: body.customer_id,
      dateInserted: new Date(ctx.now()),
      isActive: true,
    };
    store.addLink(link);
    return reply.code(201).send(userCustomerLinkJson(link));
  });

  // Docs silent (not in the extract or seed 004): OBP v4.0.0 lists links by user and by customer
  // at these paths, with CanGetUserCustomerLink; the links returned are those at BANK_ID.
  const atBank = (bankId: string) => (customerId: string) => store.customer(customerId)?.bankId === bankId;
  obpRoute(app, 'GET', versionsFrom('v4.0.0'), '/banks/:BANK_ID/user_customer_links/users/:USER_ID', (request) => {
    const user = auth.authenticate(request.headers);
    const bank = requireBank(store, param(request, 'BANK_ID'));
    requireOneOf(user, ['CanGetUserCustomerLink', 'CanGetUserCustomerLinkAtAnyBank'], bank.id);
    const userId = param(request, 'USER_ID');
    if (!store.user(userId)) throw new ObpError('UserNotFoundById');
    const links = store.linksOfUser(userId).filter((l) => atBank(bank.id)(l.customerId));
    return { user_customer_links: links.map(userCustomerLinkJson) };
  });

  obpRoute(app, 'GET', versionsFrom('v4.0.0'), '/banks/:BANK_ID/user_customer_links/customers/:CUSTOMER_ID', (request) => {
    const user = auth.authenticate(request.headers);
    const bank = requireBank(store, param(request, 'BANK_ID'));
    requireOneOf(user, ['CanGetUserCustomerLink', 'CanGetUserCustomerLinkAtAnyBank'], bank.id);
    const customerId = param(request, 'CUSTOMER_ID');
    if (!store.customer(customerId)) throw customerNotFoundById(customerId);
    return { user_customer_links: store.linksOfCustomer(customerId).map(userCustomerLinkJson) };
  });

  // Docs silent: OBP v5.0.0 customer-account links, the way to find a customer's accounts.
  obpRoute(app, 'GET', versionsFrom('v5.0.0'), '/banks/:BANK_ID/customers/:CUSTOMER_ID/customer-account-links', (request) => {
    const user = auth.authenticate(request.headers);
    const bank = requireBank(store, param(request, 'BANK_ID'));
    requireOneOf(user, ['CanGetCustomerAccountLinks'], bank.id);
    const customerId = param(request, 'CUSTOMER_ID');
    const customer = store.customer(customerId);
    if (!customer || customer.bankId !== bank.id) throw customerNotFoundById(customerId);
    return { links: store.accountsOfCustomer(customerId).map(customerAccountLinkJson) };
  });

  obpRoute(app, 'GET', versionsFrom('v5.0.0'), '/banks/:BANK_ID/accounts/:ACCOUNT_ID/customer-account-links', (request) => {
    const user = auth.authenticate(request.headers);
    const bank = requireBank(store, param(request, 'BANK_ID'));
    requireOneOf(user, ['CanGetCustomerAccountLinks'], bank.id);
    const accountId = param(request, 'ACCOUNT_ID');
    const account = store.account(bank.id, accountId);
    if (!account) throw bankAccountNotFound(bank.id, accountId);
    return { links: [customerAccountLinkJson(account)] };
  });
}
