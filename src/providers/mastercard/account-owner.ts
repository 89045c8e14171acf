import { z } from 'zod/v4';
import type { AccountHolder, AccountOwnerPort } from '../../domain/account-details.port.js';
import type { GatewayMetrics } from '../../observability/metrics.js';
import { billable } from './account-balances.js';
import { accountScope } from './account-scope.js';
import type { FinicityClient } from './finicity-client.js';
import { readRecords } from '../record-reader.js';
import { segment, type MastercardRegion } from './region.js';

/**
 * Account Owner (seed 002: "a billable event each time the API is called"), counted like the
 * balances (account-balances.ts). Shapes: openbanking-us.yaml AccountOwnerHolders.
 */
const ownerText = z.string().nullish();
const holderSchema = z
        .object({
          ownerName: z.string(),
          relationship: ownerText,
          nameClassification: ownerText,
          firstName: ownerText,
          lastName: ownerText,
          addresses: z
            .array(
              z
                .object({ ownerAddress: ownerText, type: ownerText, line1: ownerText, city: ownerText, state: ownerText, postalCode: ownerText, country: ownerText })
                .passthrough(),
            )
            .default([]),
          emails: z.array(z.object({ email: ownerText }).passthrough()).default([]),
          phones: z.array(z.object({ phone: ownerText }).passthrough()).default([]),
        })
        .passthrough();

/** Holders are read one by one with holderSchema (record-reader.ts): a holder without a name fails alone. */
const ownerSchema = z.object({ holders: z.array(z.unknown()).default([]) });

/** AccountOwnerHolders (openbanking-us.yaml; seed 002, Account Owner: GET /aggregation/v3/…/owner). */
export function createAccountOwnerPort(region: MastercardRegion, client: FinicityClient, metrics: GatewayMetrics): AccountOwnerPort {
  const call = billable(region, client, metrics);
  return {
    async get(account) {
      const data = accountScope(account);
      const body = await call(
        {
          operation: 'accounts.owner',
          method: 'GET',
          path: `/aggregation/v3/customers/${segment(data.customerId)}/accounts/${segment(account.id)}/owner`,
          data,
        },
        ownerSchema,
      );
      return readRecords(
        holderSchema,
        body.holders,
        { provider: region.provider, operation: 'accounts.owner' },
        (holder): AccountHolder => ({
          name: holder.ownerName,
          relationship: holder.relationship ?? null,
          classification: holder.nameClassification ?? null,
          firstName: holder.firstName ?? null,
          lastName: holder.lastName ?? null,
          addresses: holder.addresses.map((address) => ({
            full: address.ownerAddress ?? null,
            type: address.type ?? null,
            line1: address.line1 ?? null,
            city: address.city ?? null,
            state: address.state ?? null,
            postalCode: address.postalCode ?? null,
            country: address.country ?? null,
          })),
          emails: holder.emails.flatMap((email) => (email.email ? [email.email] : [])),
          phones: holder.phones.flatMap((phone) => (phone.phone ? [phone.phone] : [])),
        }),
      );
    },
  };
}
