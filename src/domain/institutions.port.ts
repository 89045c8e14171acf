import type { NativeRef } from './global-id.js';
import type { Page, PageRequest } from './model.js';
import type { ProviderKey } from './provider.js';

/**
 * Financial institutions a provider can connect to (Mastercard: GET /institution/v2/…). The
 * products are the provider's certification matrix, named provider-neutrally.
 */
export const INSTITUTION_PRODUCTS = [
  'TRANSACTION_AGGREGATION',
  'ACCOUNT_DETAILS',
  'VERIFICATION_OF_INCOME',
  'VERIFICATION_OF_ASSETS',
  'ACCOUNT_HISTORY',
  'AVAILABLE_BALANCE',
  'ACCOUNT_OWNER',
  'STATE_AGGREGATION',
] as const;
export type InstitutionProduct = (typeof INSTITUTION_PRODUCTS)[number];

export interface Institution {
  ref: NativeRef;
  provider: ProviderKey;
  providerId: string;
  name: string;
  url: string | null;
  oauthEnabled: boolean | null;
  /** Products the institution is certified for. */
  products: InstitutionProduct[];
  /** ISO 3166 alpha-2 or alpha-3, as the provider gives it. */
  country: string | null;
  currency: string | null;
  status: string | null;
}

export interface InstitutionSearch {
  search: string | null;
  /** Only institutions certified for all of these. */
  products: readonly InstitutionProduct[];
}

export interface InstitutionsPort {
  search(query: InstitutionSearch, page: PageRequest): Promise<Page<Institution>>;
  /** The certified-institutions list (certification details; several products at once). */
  certified(query: InstitutionSearch, page: PageRequest): Promise<Page<Institution>>;
  /** `null` when the provider does not know the institution. */
  get(ref: NativeRef): Promise<Institution | null>;
}
