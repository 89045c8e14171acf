import { randomInt } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseCreateCustomerV200, parseCustomerNumberBody, parsePostCustomer, type PostCustomer } from './customer-body.js';
import {
  customerJsonV140,
  customerJsonV300,
  customerJsonV310,
  customerWithAttributesJsonV310,
} from './customer.json.js';
import { customerNotFoundById, ObpError } from './errors.js';
import { randomUuid } from './ids.js';
import type { ObpBank, ObpCustomer } from './model.js';
import { applyQuery, queryFromUrl } from './query-params.js';
import { requireOneOf } from './roles.js';
import { obpRoute, param, queryOf, requireBank, type ObpContext } from './route-context.js';
import type { ObpStore } from './store.js';
import { versionsFrom } from './versions.js';

/** customer_number is random when omitted (obp-notes.md, Customers); unique within the bank. */
function newCustomerNumber(store: ObpStore, bankId: string): string {
  for (;;) {
    const candidate = String(randomInt(1_000_000_000, 9_999_999_999));
    if (!store.customerByNumber(bankId, candidate)) return candidate;
  }
}

/**
 * Values for the fields a v5 body may omit. OBP stores empty values rather than inventing data;
 * the docs do not show them, so this follows what its mapper defaults most plausibly are.
 */
function customerFrom(body: PostCustomer, bank: ObpBank, customerNumber: string, now: Date): ObpCustomer {
  return {
    bankId: bank.id,
    customerId: randomUuid(),
    customerNumber,
    legalName: body.legal_name,
    mobilePhoneNumber: body.mobile_phone_number,
    email: body.email ?? '',
    faceImage: { url: body.face_image?.url ?? '', date: body.face_image?.date ?? null },
    dateOfBirth: body.date_of_birth ?? null,
    relationshipStatus: body.relationship_status ?? '',
    dependants: body.dependants ?? 0,
    dobOfDependants: body.dob_of_dependants ?? [],
    creditRating: body.credit_rating ?? { rating: '', source: '' },
    creditLimit: body.credit_limit ?? { currency: '', amount: '0' },
    highestEducationAttained: body.highest_education_attained ?? '',
    employmentStatus: body.employment_status ?? '',
    kycStatus: body.kyc_status ?? false,
    lastOkDate: body.last_ok_date ?? now,
    title: body.title ?? '',
    branchId: body.branch_id ?? '',
    nameSuffix: body.name_suffix ?? '',
    attributes: [],
  };
}

const byLastOkDate = (c: ObpCustomer): Date => c.lastOkDate;
const byCustomerId = (c: ObpCustomer): string => c.customerId;

export function registerCustomerRoutes(app: FastifyInstance, ctx: ObpContext): void {
  const { store, auth } = ctx;

  const createCustomer = (schema: 'V500' | 'V310') =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      // Order of OBP's createCustomer: authenticated, role, bank, JSON, customer number, create.
      const user = auth.authenticate(request.headers);
      const bankId = param(request, 'BANK_ID');
      requireOneOf(user, ['CanCreateCustomer', 'CanCreateCustomerAtAnyBank'], bankId);
      const bank = requireBank(store, bankId);
      const body = parsePostCustomer(request.body, schema);
      let customerNumber = body.customer_number;
      if (customerNumber !== undefined) {
        if (store.customerByNumber(bank.id, customerNumber)) throw new ObpError('CustomerNumberAlreadyExists');
      } else {
        customerNumber = newCustomerNumber(store, bank.id);
      }
      const customer = customerFrom(body, bank, customerNumber, new Date(ctx.now()));
      store.addCustomer(customer);
      return reply.code(201).send(customerJsonV310(customer));
    };

  // OBPv2.0.0-createCustomer (seed 004 "Create Customer"): creates the customer and links the body's
  // user_id to it. Both roles are required (seed 004 lists CanCreateCustomer and
  // CanCreateUserCustomerLink). Checks: 20001, 30111, 30001, 10001 (a body that is not the documented
  // CreateCustomerJson cannot be read; the seed omits it from this list), 20006, 30006, 20005, then
  // 30007 ("For now the authenticated user can create at most one linked customer": one per bank).
  // Served by v2.0.0 only: v2.1.0 and later override the path with other bodies.
  obpRoute(app, 'POST', ['v2.0.0'], '/banks/:BANK_ID/customers', async (request, reply) => {
    const user = auth.authenticate(request.headers);
    const bank = requireBank(store, param(request, 'BANK_ID'));
    const body = parseCreateCustomerV200(request.body);
    requireOneOf(user, ['CanCreateCustomer'], bank.id);
    requireOneOf(user, ['CanCreateUserCustomerLink'], bank.id);
    if (store.customerByNumber(bank.id, body.customer_number)) throw new ObpError('CustomerNumberAlreadyExists');
    if (!store.user(body.user_id)) throw new ObpError('UserNotFoundById');
    if (store.linksOfUser(body.user_id).some((l) => store.customer(l.customerId)?.bankId === bank.id)) {
      throw new ObpError('CustomerAlreadyExistsForUser');
    }
    const { branchId, nameSuffix, user_id: userId, ...fields } = body;
    const now = new Date(ctx.now());
    const customer = customerFrom({ ...fields, branch_id: branchId, name_suffix: nameSuffix }, bank, body.customer_number, now);
    store.addCustomer(customer);
    store.addLink({ userCustomerLinkId: randomUuid(), userId, customerId: customer.customerId, dateInserted: now, isActive: true });
    // CustomerJsonV140 (the extract's handlerJsonFactory); 201 as for every create here (the seed shows no status).
    return reply.code(201).send(customerJsonV140(customer));
  });

  // v3.1.0 and v4.0.0 need every field; v5.0.0 only legal_name and mobile_phone_number.
  obpRoute(app, 'POST', versionsFrom('v3.1.0', 'v5.0.0'), '/banks/:BANK_ID/customers', createCustomer('V310'));
  obpRoute(app, 'POST', versionsFrom('v5.0.0'), '/banks/:BANK_ID/customers', createCustomer('V500'));

  // v3.1.0 getCustomerByCustomerId: bank, role CanGetCustomer, then the customer by id alone
  // (OBP's lookup does not check that the customer belongs to BANK_ID; neither do we).
  obpRoute(app, 'GET', versionsFrom('v3.1.0'), '/banks/:BANK_ID/customers/:CUSTOMER_ID', (request) => {
    const user = auth.authenticate(request.headers);
    const bank = requireBank(store, param(request, 'BANK_ID'));
    requireOneOf(user, ['CanGetCustomer'], bank.id);
    const customerId = param(request, 'CUSTOMER_ID');
    const customer = store.customer(customerId);
    if (!customer) throw customerNotFoundById(customerId);
    return customerWithAttributesJsonV310(customer);
  });

  // v5.0.0 getCustomersAtOneBank: limit, offset, sort_direction from the URL; ordered by last_ok_date.
  obpRoute(app, 'GET', versionsFrom('v5.0.0'), '/banks/:BANK_ID/customers', (request) => {
    const user = auth.authenticate(request.headers);
    const bank = requireBank(store, param(request, 'BANK_ID'));
    requireOneOf(user, ['CanGetCustomers'], bank.id);
    const query = queryFromUrl(queryOf(request), false);
    const customers = applyQuery(store.customersAtBank(bank.id), query, byLastOkDate, byCustomerId);
    return { customers: customers.map(customerJsonV300) };
  });

  // v4.0.0 getCustomersByAttributes: every query parameter is an attribute name=value to match.
  obpRoute(app, 'GET', ['v4.0.0'], '/banks/:BANK_ID/customers', (request) => {
    const user = auth.authenticate(request.headers);
    const bank = requireBank(store, param(request, 'BANK_ID'));
    requireOneOf(user, ['CanGetCustomer'], bank.id);
    const wanted = Object.entries(queryOf(request));
    const customers = store
      .customersAtBank(bank.id)
      .filter((c) => wanted.every(([name, value]) => c.attributes.some((a) => a.name === name && a.value === value)));
    return { customers: customers.map(customerWithAttributesJsonV310) };
  });

  obpRoute(app, 'POST', versionsFrom('v3.1.0'), '/banks/:BANK_ID/customers/customer-number', (request) => {
    const user = auth.authenticate(request.headers);
    const bank = requireBank(store, param(request, 'BANK_ID'));
    requireOneOf(user, ['CanGetCustomer'], bank.id);
    const customerNumber = parseCustomerNumberBody(request.body);
    const customer = store.customerByNumber(bank.id, customerNumber);
    if (!customer) throw new ObpError('CustomerNotFound');
    return customerWithAttributesJsonV310(customer);
  });

  obpRoute(app, 'GET', versionsFrom('v4.0.0'), '/customers', (request) => {
    const user = auth.authenticate(request.headers);
    requireOneOf(user, ['CanGetCustomersAtAnyBank']);
    const query = queryFromUrl(queryOf(request), true);
    const customers = applyQuery(store.customers(), query, byLastOkDate, byCustomerId);
    return { customers: customers.map(customerJsonV300) };
  });

  obpRoute(app, 'GET', versionsFrom('v5.0.0'), '/banks/:BANK_ID/customers-minimal', (request) => {
    const user = auth.authenticate(request.headers);
    const bank = requireBank(store, param(request, 'BANK_ID'));
    requireOneOf(user, ['CanGetCustomersMinimal'], bank.id);
    const query = queryFromUrl(queryOf(request), false);
    const customers = applyQuery(store.customersAtBank(bank.id), query, byLastOkDate, byCustomerId);
    return { customers: customers.map((c) => ({ bank_id: c.bankId, customer_id: c.customerId })) };
  });
}
