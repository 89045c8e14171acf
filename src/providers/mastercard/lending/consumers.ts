import { GatewayError } from '../../../domain/errors.js';
import type { NativeRef } from '../../../domain/global-id.js';
import type { ConsumersPort } from '../../../domain/lending.port.js';
import type { FinicityClient } from '../finicity-client.js';
import { segment } from '../region.js';
import { END_USER_REQUIRED_CODE, endUserRequired } from './consumer-end-user.js';
import { toConsumerBody } from './consumer-input.js';
import { toConsumer } from './consumers.mapper.js';
import { nullWhenNotFound } from '../../../domain/errors.js';
import { scopeCustomerId } from './lending-refs.js';
import type { LendingRegion } from './region.js';
import { readOne } from '../../record-reader.js';
import { recordBodySchema } from '../wire.js';
import { consumerSchema, createdConsumerSchema } from './wire.js';

/**
 * Consumers (seed 001 and 002, "Consumers"; us-notes.md): one per customer, never deleted (so the
 * port has no delete), `ssn` write-only.
 */
export function createConsumersPort(client: FinicityClient, region: LendingRegion, now: () => number, reseller = false): ConsumersPort {
  const getById = (consumerId: string, customerId?: string) =>
    client
      .callJson(
        { operation: 'consumers.get', method: 'GET', path: `/decisioning/v1/consumers/${segment(consumerId)}` },
        recordBodySchema,
      )
      .then((body) =>
        readOne(consumerSchema, body, { provider: region.provider, operation: 'consumers.get' }, (wire) => toConsumer(region, wire, customerId)),
      );

  return {
    async create(customer, input) {
      const body = toConsumerBody(region, input, 'create', now(), reseller);
      let created;
      try {
        created = await client.callJson(
          { operation: 'consumers.create', method: 'POST', path: `/decisioning/v1/customers/${segment(customer.id)}/consumer`, body },
          createdConsumerSchema,
        );
      } catch (error) {
        // "If a consumer already exists for the customer, an HTTP 409 (Conflict) response is generated" (seed 001).
        if (error instanceof GatewayError && error.code === 'CONFLICT') {
          throw new GatewayError('CONFLICT', 'This customer already has a consumer: a customer has at most one, and it cannot be deleted; update it instead', {
            provider: region.provider,
            ...(error.providerStatus === undefined ? {} : { providerStatus: error.providerStatus }),
            ...(error.providerCode === undefined ? {} : { providerCode: error.providerCode }),
          });
        }
        // Error 1201 (seed 001): a reseller partner sent no end user; the gateway checks it first when
        // it knows it is a reseller (MASTERCARD_US_RESELLER), the provider when it does not.
        if (error instanceof GatewayError && error.providerCode === END_USER_REQUIRED_CODE) {
          throw endUserRequired(region.provider, error.providerStatus === undefined ? {} : { providerStatus: error.providerStatus });
        }
        throw error;
      }
      // The create answer holds only id, createdDate and customerId: the rest is what we sent, minus the SSN.
      const { ssn: _writeOnly, ...visible } = body;
      return toConsumer(region, { ...visible, ...created, customerId: customer.id }, customer.id);
    },
    getForCustomer: (customer: NativeRef) =>
      nullWhenNotFound(
        client
          .callJson(
            { operation: 'consumers.get-for-customer', method: 'GET', path: `/decisioning/v1/customers/${segment(customer.id)}/consumer` },
            recordBodySchema,
          )
          .then((body) =>
            readOne(consumerSchema, body, { provider: region.provider, operation: 'consumers.get-for-customer' }, (wire) =>
              toConsumer(region, wire, customer.id),
            ),
          ),
      ),
    get: (target) => nullWhenNotFound(getById(target.id, target.scope[0])),
    async update(target, input) {
      const body = toConsumerBody(region, input, 'update', now());
      // ModifyConsumer answers 204 with no body, so the record is read back.
      await client.call({ operation: 'consumers.update', method: 'PUT', path: `/decisioning/v1/consumers/${segment(target.id)}`, body });
      return getById(target.id, scopeCustomerId(target, 'Consumer'));
    },
  };
}
