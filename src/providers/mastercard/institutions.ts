import { z } from 'zod/v4';
import { GatewayError } from '../../domain/errors.js';
import { ref } from '../../domain/global-id.js';
import type { Institution, InstitutionProduct, InstitutionsPort, InstitutionSearch } from '../../domain/institutions.port.js';
import type { FinicityClient } from './finicity-client.js';
import { windowFromPages } from './page-index.js';
import { segment, type MastercardRegion } from './region.js';
import { readOne, readRecordsInPlace } from '../record-reader.js';
import { flexibleId, recordBodySchema } from './wire.js';

/**
 * Institution APIs (seed 002, Financial Institutions: GET /institution/v2/institutions, /{id},
 * /certifiedInstitutions). The AU docs give paths and the product matrix only; parameters and
 * shapes follow openbanking-us.yaml (GetInstitutions, GetCertifiedInstitutions), which AU mirrors.
 */

/** The product matrix (seed 002, Product Matrix; `stateAgg` is US-only in openbanking-us.yaml). */
const PRODUCT_FLAGS: ReadonlyArray<[InstitutionProduct, string]> = [
  ['TRANSACTION_AGGREGATION', 'transAgg'],
  ['ACCOUNT_DETAILS', 'ach'],
  ['VERIFICATION_OF_INCOME', 'voi'],
  ['VERIFICATION_OF_ASSETS', 'voa'],
  ['ACCOUNT_HISTORY', 'aha'],
  ['AVAILABLE_BALANCE', 'availBalance'],
  ['ACCOUNT_OWNER', 'accountOwner'],
  ['STATE_AGGREGATION', 'stateAgg'],
];

const flagOf = (product: InstitutionProduct): string => PRODUCT_FLAGS.find(([unified]) => unified === product)![1];

const text = z.string().nullish();
// Certification flags are booleans in the spec; a tolerant reader also takes "true"/"false".
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]).nullish();

export const institutionSchema = z
  .object({
    id: flexibleId,
    name: text,
    urlHomeApp: text,
    oauthEnabled: flag,
    currency: text,
    status: text,
    address: z.object({ country: text }).passthrough().nullish(),
    transAgg: flag,
    ach: flag,
    voi: flag,
    voa: flag,
    aha: flag,
    availBalance: flag,
    accountOwner: flag,
    stateAgg: flag,
  })
  .passthrough();
type WireInstitution = z.infer<typeof institutionSchema>;

const institutionListSchema = z.object({
  found: z.number().nullish(),
  moreAvailable: z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]).nullish(),
  /** Read one by one with institutionSchema (record-reader.ts): one odd institution fails alone. */
  institutions: z.array(z.unknown()).default([]),
});

export function toInstitution(region: MastercardRegion, wire: WireInstitution): Institution {
  const flags = wire as Record<string, unknown>;
  return {
    ref: ref(region.provider, 'Institution', wire.id),
    provider: region.provider,
    providerId: wire.id,
    name: wire.name ?? wire.id,
    url: wire.urlHomeApp ?? null,
    oauthEnabled: wire.oauthEnabled ?? null,
    products: PRODUCT_FLAGS.filter(([, name]) => flags[name] === true).map(([product]) => product),
    country: wire.address?.country ?? null,
    currency: wire.currency ?? null,
    status: wire.status ?? null,
  };
}

export function createInstitutionsPort(region: MastercardRegion, client: FinicityClient): InstitutionsPort {
  const list = (operation: string, path: string, query: InstitutionSearch) =>
    (start: number, limit: number) =>
      client
        .callJson(
          {
            operation,
            method: 'GET',
            path,
            query: {
              search: query.search ?? undefined,
              type: query.products.length > 0 ? query.products.map(flagOf).join(',') : undefined,
              start,
              limit,
            },
          },
          institutionListSchema,
        )
        .then((body) => ({
          items: readRecordsInPlace(institutionSchema, body.institutions, { provider: region.provider, operation }, (wire) =>
            toInstitution(region, wire),
          ),
          found: body.found ?? null,
          moreAvailable: body.moreAvailable ?? false,
        }));

  return {
    async search(query, page) {
      // GetInstitutions takes one product `type`; several at once is the certified list's job.
      if (query.products.length > 1) {
        throw new GatewayError('BAD_USER_INPUT', 'Institution search filters on one product; use certifiedInstitutions for several', {
          field: 'product',
        });
      }
      return windowFromPages(page, list('institutions.search', '/institution/v2/institutions', query));
    },
    async certified(query, page) {
      return windowFromPages(page, list('institutions.certified', '/institution/v2/certifiedInstitutions', query));
    },
    async get(target) {
      if (!/^\d+$/.test(target.id)) return null;
      try {
        const body = await client.callJson(
          { operation: 'institutions.get', method: 'GET', path: `/institution/v2/institutions/${segment(target.id)}` },
          z.object({ institution: recordBodySchema }),
        );
        return readOne(institutionSchema, body.institution, { provider: region.provider, operation: 'institutions.get' }, (wire) =>
          toInstitution(region, wire),
        );
      } catch (error) {
        // 14006 "Institution not found" (error-examples.json InstitutionNotFoundExample).
        if (error instanceof GatewayError && error.code === 'NOT_FOUND') return null;
        throw error;
      }
    },
  };
}
