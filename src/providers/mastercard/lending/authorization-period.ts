import { badInput, GatewayError } from '../../../domain/errors.js';
import type { AuthorizationPeriodPort } from '../../../domain/lending.port.js';
import type { FinicityClient } from '../finicity-client.js';
import { segment } from '../region.js';
import { dateFromProviderString } from './provider-dates.js';
import type { LendingRegion } from './region.js';
import { authorizationDetailsSchema } from './wire.js';

/** 3004 "Institution Login Id details are not found": a known login without a recorded period. */
const NO_DETAILS = '3004';

/**
 * Customer authorization period, US only (seed 001 "Retrieve Customer Authorization Period"; US spec
 * getCustomerAuthorizationDetails). 3003 (login not found) stays NOT_FOUND; 3004 is an answer: null.
 */
export function createAuthorizationPeriodPort(client: FinicityClient, region: LendingRegion): AuthorizationPeriodPort {
  return {
    async forInstitutionLogin(_customer, institutionLoginId) {
      // The path parameter is an integer in the spec.
      if (!/^\d{1,19}$/.test(institutionLoginId)) throw badInput('institutionLoginId must be a number', 'institutionLoginId');
      let wire;
      try {
        wire = await client.callJson(
          {
            operation: 'authorization-details.get',
            method: 'GET',
            path: `/customers/institution-logins/${segment(institutionLoginId)}/authorization-details`,
          },
          authorizationDetailsSchema,
        );
      } catch (error) {
        if (error instanceof GatewayError && error.providerCode === NO_DETAILS) return null;
        throw error;
      }
      const startsAt = dateFromProviderString(wire.authorizationStartDate);
      const endsAt = dateFromProviderString(wire.authorizationEndDate);
      if (startsAt === null || endsAt === null) {
        throw new GatewayError('PROVIDER_UNAVAILABLE', `${region.provider}: authorization details without readable dates`, { provider: region.provider });
      }
      return { provider: region.provider, institutionLoginId: String(wire.institutionLoginId), startsAt, endsAt };
    },
  };
}
