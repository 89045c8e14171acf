import type { FastifyInstance, FastifyReply } from 'fastify';
import { findCustomer, noZoneDateTime, type BusinessRecord, type LendingState } from './lending-state.js';

/**
 * Businesses, US only (seed 001 "Businesses"; US spec AddBusinessDetails, GetBusinessByCustomer,
 * GetBusinessById, UpdateBusiness). Creation answers 200 (not 201); a customer has one business,
 * so the list is an array of exactly one (`BusinessList`, minItems = maxItems = 1), and so is Get
 * by id, whose spec response is also `BusinessList`.
 */
export function registerBusinessRoutes(app: FastifyInstance, state: LendingState): void {
  const { ctx } = state;

  app.post<{ Params: { customerId: string } }>('/business-services/customers/:customerId/businesses', async (request, reply) => {
    if (!ctx.authenticate(request, reply)) return reply;
    const customer = findCustomer(state, request.params.customerId);
    if (!customer) return customerNotFound(reply);
    const fields = validateBusiness(request.body);
    if (typeof fields === 'string') return ctx.sendError(reply, 400, fields.startsWith('Missing') ? '10005' : '10010', fields);
    if (fields.personallyLiable === true && !state.consumerIdByCustomer.has(customer.id)) {
      // "A consumer record must be created before creating a business if personallyLiable: true -
      // otherwise the service will return an error 409" (seed 001). The spec's only 409 example for
      // this operation carries code 11000; the message says what to create first.
      return ctx.sendError(
        reply,
        409,
        '11000',
        `A consumer record must be created for customer ${customer.id} before creating a business with personallyLiable: true.`,
      );
    }
    if (state.businessIdByCustomer.has(customer.id)) {
      // "A customer can have one business record associated." (US spec, AddBusinessDetails)
      return ctx.sendError(reply, 409, '11000', `A business already exists for customer ${customer.id}`);
    }
    const now = noZoneDateTime(ctx.now());
    const business: BusinessRecord = {
      businessId: state.ids.businessId(),
      customerId: customer.id,
      fields,
      createdDate: now,
      modifiedDate: now,
    };
    state.businesses.set(business.businessId, business);
    state.businessIdByCustomer.set(customer.id, business.businessId);
    return reply.code(200).send(renderBusiness(business));
  });

  app.get<{ Params: { customerId: string } }>('/business-services/customers/:customerId/businesses', async (request, reply) => {
    if (!ctx.authenticate(request, reply)) return reply;
    const customer = findCustomer(state, request.params.customerId);
    if (!customer) return customerNotFound(reply);
    const businessId = state.businessIdByCustomer.get(customer.id);
    const business = businessId ? state.businesses.get(businessId) : undefined;
    // The spec allows no empty list; a customer without a business is the documented "not found".
    if (!business) return businessNotFound(reply);
    return reply.send([renderBusiness(business)]);
  });

  app.get<{ Params: { businessId: string } }>('/business-services/businesses/:businessId', async (request, reply) => {
    if (!ctx.authenticate(request, reply)) return reply;
    const business = state.businesses.get(request.params.businessId);
    if (!business) return businessNotFound(reply);
    return reply.send([renderBusiness(business)]);
  });

  app.put<{ Params: { businessId: string } }>('/business-services/businesses/:businessId', async (request, reply) => {
    if (!ctx.authenticate(request, reply)) return reply;
    const business = state.businesses.get(request.params.businessId);
    if (!business) return businessNotFound(reply);
    const fields = validateBusiness(request.body);
    if (typeof fields === 'string') return ctx.sendError(reply, 400, fields.startsWith('Missing') ? '10005' : '10010', fields);
    // The personallyLiable ordering rule is documented for creation only (the spec lists no 409 here).
    business.fields = fields;
    business.modifiedDate = noZoneDateTime(ctx.now());
    return reply.code(200).send(renderBusiness(business));
  });
}

/** The spec's error bodies for these two cases carry `status`, `title` and `user_message` too. */
function customerNotFound(reply: FastifyReply): FastifyReply {
  const message = 'Customer ID was not found.';
  return reply.code(404).send({ code: '10002', message, status: '404', title: message, user_message: message });
}

function businessNotFound(reply: FastifyReply): FastifyReply {
  const message = 'Business ID was not found.';
  return reply.code(404).send({ code: '10003', message, status: '404', title: message, user_message: message });
}

const FIELD_ORDER = ['name', 'personallyLiable', 'address', 'phoneNumber', 'url', 'email', 'type', 'taxId'] as const;

function renderBusiness(business: BusinessRecord): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of FIELD_ORDER) if (business.fields[field] !== undefined) body[field] = business.fields[field];
  return { ...body, businessId: business.businessId, createdDate: business.createdDate, modifiedDate: business.modifiedDate };
}

const isText = (value: unknown, min: number, max: number): value is string =>
  typeof value === 'string' && value.trim().length >= min && value.length <= max;

/**
 * `BusinessDetailsRequest`: required `name` (1-150), `personallyLiable` (boolean), `address`
 * (`addressLine1`, `city`, `state`, `country`, `postalCode`), `phoneNumber` (`countryCode` 1-3,
 * `phoneNo` 7-12); optional `url`, `email`, `type` (≤150), `taxId` (9-15). Returns the fields or the
 * error message.
 */
export function validateBusiness(body: unknown): Record<string, unknown> | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'Missing parameter (name)';
  const input = body as Record<string, unknown>;
  if (input.name === undefined) return 'Missing parameter (name)';
  if (!isText(input.name, 1, 150)) return 'Invalid parameter (name)';
  if (input.personallyLiable === undefined) return 'Missing parameter (personallyLiable)';
  if (typeof input.personallyLiable !== 'boolean') return 'Invalid parameter (personallyLiable)';
  if (typeof input.address !== 'object' || input.address === null) return 'Missing parameter (address)';
  const address = input.address as Record<string, unknown>;
  for (const part of ['addressLine1', 'city', 'state', 'country', 'postalCode']) {
    if (address[part] === undefined || address[part] === '') return `Missing parameter (address.${part})`;
    if (!isText(address[part], 1, 255)) return `Invalid parameter (address.${part})`;
  }
  if (typeof input.phoneNumber !== 'object' || input.phoneNumber === null) return 'Missing parameter (phoneNumber)';
  const phone = input.phoneNumber as Record<string, unknown>;
  if (phone.countryCode === undefined) return 'Missing parameter (phoneNumber.countryCode)';
  if (!isText(phone.countryCode, 1, 3) || !/^\d+$/.test(phone.countryCode)) return 'Invalid parameter (phoneNumber.countryCode)';
  if (phone.phoneNo === undefined) return 'Missing parameter (phoneNumber.phoneNo)';
  if (!isText(phone.phoneNo, 7, 12) || !/^\d+$/.test(phone.phoneNo)) return 'Invalid parameter (phoneNumber.phoneNo)';
  if (input.url !== undefined && !isText(input.url, 0, 2000)) return 'Invalid parameter (url)';
  if (input.email !== undefined && (typeof input.email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(input.email))) {
    return 'Invalid parameter (email)';
  }
  if (input.type !== undefined && !isText(input.type, 0, 150)) return 'Invalid parameter (type)';
  if (input.taxId !== undefined && !isText(input.taxId, 9, 15)) return 'Invalid parameter (taxId)';
  const fields: Record<string, unknown> = {};
  for (const field of FIELD_ORDER) if (input[field] !== undefined) fields[field] = input[field];
  return fields;
}
