import type { FastifyInstance } from 'fastify';
import { parseSocialMediaJson } from './customer-body.js';
import { bankNotFound, customerNotFoundById, ObpError } from './errors.js';
import { formatDateTime } from './json-format.js';
import type { ObpCrmEvent, ObpCustomer, ObpSocialMediaHandle } from './model.js';
import { requireOneOf } from './roles.js';
import { obpRoute, param, type ObpContext } from './route-context.js';
import type { ObpStore } from './store.js';
import { versionsFrom } from './versions.js';

/** OBP-30111's rule (seed 004): only 0-9/a-z/A-Z/'-'/'.'/'_', shorter than 255. */
const BANK_ID_FORMAT = /^[0-9A-Za-z._-]{1,254}$/;

/** SocialMediaJSON as getSocialMediaHandles lists it (seed 004: `{"checks":[…]}`). */
const socialMediaJson = (h: ObpSocialMediaHandle): Record<string, unknown> => ({
  customer_number: h.customerNumber,
  type: h.type,
  handle: h.handle,
  date_added: formatDateTime(h.dateAdded),
  date_activated: formatDateTime(h.dateActivated),
});

/** CrmEventJson (seed 004, Get CRM Events). */
const crmEventJson = (e: ObpCrmEvent): Record<string, unknown> => ({
  id: e.id,
  bank_id: e.bankId,
  customer_name: e.customerName,
  customer_number: e.customerNumber,
  category: e.category,
  detail: e.detail,
  channel: e.channel,
  scheduled_date: formatDateTime(e.scheduledDate),
  actual_date: formatDateTime(e.actualDate),
  result: e.result,
});

/**
 * The customer named by CUSTOMER_ID at BANK_ID, else OBP-30046. Seed 004 lists no OBP-30001 for
 * the social media endpoints, so an unknown bank also reads as "customer not found" there.
 */
function customerAtBank(store: ObpStore, bankId: string, customerId: string): ObpCustomer {
  const customer = store.customer(customerId);
  if (!customer || customer.bankId !== bankId) throw customerNotFoundById(customerId);
  return customer;
}

/**
 * Seed 004's social media handles (v2.0.0) and CRM events (v1.4.0). OBP versions are cumulative,
 * so both are served up to v5.1.0. Paths are OBP's own (APIMethods200/140: the seed names the
 * operations, not the paths): `…/customers/CUSTOMER_ID/social_media_handles`, `…/crm-events`.
 */
export function registerCustomerCrmRoutes(app: FastifyInstance, ctx: ObpContext): void {
  const { store, auth } = ctx;

  // OBPv2.0.0-addSocialMediaHandle. Checks in the order seed 004 lists their errors: 20001, 10001,
  // 30111, 20006, 30046. OBP files the handle under the body's customer_number (its table has no
  // customer id), so that is what the list of the customer with that number shows.
  obpRoute(app, 'POST', versionsFrom('v2.0.0'), '/banks/:BANK_ID/customers/:CUSTOMER_ID/social_media_handles', async (request, reply) => {
    const user = auth.authenticate(request.headers);
    const body = parseSocialMediaJson(request.body);
    const bankId = param(request, 'BANK_ID');
    if (!BANK_ID_FORMAT.test(bankId)) throw new ObpError('InvalidBankIdFormat');
    requireOneOf(user, ['CanAddSocialMediaHandle'], bankId);
    customerAtBank(store, bankId, param(request, 'CUSTOMER_ID'));
    store.addSocialMediaHandle({
      customerNumber: body.customer_number,
      type: body.type,
      handle: body.handle,
      dateAdded: body.date_added,
      dateActivated: body.date_activated,
    });
    // Seed 004's typical successful response; 201 as OBP's old-style creates answer (the seed shows no status).
    return reply.code(201).send({ success: 'Success' });
  });

  // OBPv2.0.0-getSocialMediaHandles: errors 20001, 20006, 30046 (seed 004).
  obpRoute(app, 'GET', versionsFrom('v2.0.0'), '/banks/:BANK_ID/customers/:CUSTOMER_ID/social_media_handles', (request) => {
    const user = auth.authenticate(request.headers);
    const bankId = param(request, 'BANK_ID');
    requireOneOf(user, ['CanGetSocialMediaHandles'], bankId);
    const customer = customerAtBank(store, bankId, param(request, 'CUSTOMER_ID'));
    return { checks: store.socialMediaHandles(customer.customerNumber).map(socialMediaJson) };
  });

  // OBPv1.4.0-getCrmEvents: no role; errors 20001, 30001 and the literal "No CRM Events available."
  // (no OBP code; HTTP 400, errorToCode's default in obp-error-messages.json) when the bank has none.
  obpRoute(app, 'GET', versionsFrom('v1.4.0'), '/banks/:BANK_ID/crm-events', (request) => {
    auth.authenticate(request.headers);
    const bankId = param(request, 'BANK_ID');
    if (!store.bank(bankId)) throw bankNotFound(bankId);
    const events = store.crmEvents(bankId);
    if (events.length === 0) throw ObpError.literal(400, 'No CRM Events available.');
    return { crm_events: events.map(crmEventJson) };
  });
}
