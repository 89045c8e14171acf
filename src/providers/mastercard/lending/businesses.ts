import { GatewayError } from '../../../domain/errors.js';
import type { BusinessesPort } from '../../../domain/lending.port.js';
import type { FinicityClient } from '../finicity-client.js';
import { segment } from '../region.js';
import { businessAsInput, mergeBusinessInput, toBusinessBody } from './business-input.js';
import { toBusiness } from './businesses.mapper.js';
import { nullWhenNotFound } from '../../../domain/errors.js';
import { scopeCustomerId } from './lending-refs.js';
import type { LendingRegion } from './region.js';
import { readRecords } from '../../record-reader.js';
import { businessListSchema, businessSchema, consumerSchema } from './wire.js';

/** "Business ID was not found." (US spec GetBusinessByCustomer 404): the customer has no business yet. */
const NO_BUSINESS = '10003';

/**
 * Businesses, US only (seed 001 "Businesses"; us-notes.md): create answers 200, a customer has one
 * business so the list is an array of exactly one, and get by id answers that same list.
 */
const READ_OPTIONS = { idField: 'businessId' } as const;

export function createBusinessesPort(client: FinicityClient, region: LendingRegion): BusinessesPort {
  const getById = async (businessId: string, customerId: string | null) => {
    const list = await client.callJson(
      { operation: 'businesses.get', method: 'GET', path: `/business-services/businesses/${segment(businessId)}` },
      businessListSchema,
    );
    const context = { provider: region.provider, operation: 'businesses.get' };
    const [business] = readRecords(businessSchema, list, context, (wire) => toBusiness(region, wire, customerId), READ_OPTIONS);
    return business ?? null;
  };

  /** Both 409s of AddBusinessDetails carry code 11000, so the reason is found by asking for the consumer. */
  async function explainConflict(customerId: string, personallyLiable: boolean, cause: GatewayError): Promise<GatewayError> {
    const details = {
      provider: region.provider,
      ...(cause.providerStatus === undefined ? {} : { providerStatus: cause.providerStatus }),
      ...(cause.providerCode === undefined ? {} : { providerCode: cause.providerCode }),
    };
    if (personallyLiable) {
      const consumer = await nullWhenNotFound(
        client.callJson(
          { operation: 'consumers.get-for-customer', method: 'GET', path: `/decisioning/v1/customers/${segment(customerId)}/consumer` },
          consumerSchema,
        ),
      );
      if (consumer === null) {
        // "A consumer record must be created before creating a business if personallyLiable: true -
        // otherwise the service will return an error 409" (seed 001, Businesses).
        return new GatewayError(
          'CONFLICT',
          'A personally liable business needs the customer\'s consumer first: create the consumer (createConsumer), then the business',
          details,
        );
      }
    }
    return new GatewayError('CONFLICT', 'This customer already has a business: Mastercard allows one per customer; update it instead', details);
  }

  return {
    async create(customer, input) {
      const body = toBusinessBody(input);
      try {
        const wire = await client.callJson(
          { operation: 'businesses.create', method: 'POST', path: `/business-services/customers/${segment(customer.id)}/businesses`, body },
          businessSchema,
        );
        return toBusiness(region, wire, customer.id);
      } catch (error) {
        if (error instanceof GatewayError && error.code === 'CONFLICT') throw await explainConflict(customer.id, body.personallyLiable, error);
        throw error;
      }
    },
    async listForCustomer(customer) {
      try {
        const list = await client.callJson(
          { operation: 'businesses.list', method: 'GET', path: `/business-services/customers/${segment(customer.id)}/businesses` },
          businessListSchema,
        );
        const context = { provider: region.provider, operation: 'businesses.list' };
        return readRecords(businessSchema, list, context, (wire) => toBusiness(region, wire, customer.id), READ_OPTIONS);
      } catch (error) {
        if (error instanceof GatewayError && error.providerCode === NO_BUSINESS) return [];
        throw error;
      }
    },
    get: (target) => nullWhenNotFound(getById(target.id, target.scope[0] ?? null)),
    async update(target, input) {
      const customerId = scopeCustomerId(target, 'Business');
      const current = await getById(target.id, customerId);
      if (current === null) throw new GatewayError('NOT_FOUND', 'Business not found', { provider: region.provider });
      // UpdateBusiness takes the whole BusinessDetailsRequest: merge the change onto the current record.
      const body = toBusinessBody(mergeBusinessInput(businessAsInput(current), input));
      const wire = await client.callJson(
        { operation: 'businesses.update', method: 'PUT', path: `/business-services/businesses/${segment(target.id)}`, body },
        businessSchema,
      );
      return toBusiness(region, wire, customerId);
    },
  };
}
