import type { MastercardRegion } from './region.js';

export interface SimInstitution {
  id: number;
  name: string;
  oauthEnabled: boolean;
  /** Certified products (seed 002, Product Matrix). */
  products: { transAgg: boolean; ach: boolean; voi: boolean; voa: boolean; aha: boolean; availBalance: boolean; accountOwner: boolean };
  country: 'US' | 'AU';
  urlHomeApp: string;
  /** FinBank test institutions accept the FinBank test profiles. */
  testInstitution: boolean;
}

const ALL = { transAgg: true, ach: true, voi: true, voa: true, aha: true, availBalance: true, accountOwner: true };
const BASIC = { transAgg: true, ach: true, voi: false, voa: true, aha: false, availBalance: true, accountOwner: false };

// The FinBank ids come from the docs (AU: seed 002 Test Profiles; US: the spec's FinBank example 4222 and
// the Connect-link example's 102105). The other institutions are the project's own, with made-up ids.
const AU_INSTITUTIONS: SimInstitution[] = [
  { id: 200003, name: 'FinBank Aus OAuth', oauthEnabled: true, products: ALL, country: 'AU', urlHomeApp: 'https://www.finbank.com.au', testInstitution: true },
  { id: 2002119, name: 'FinBank Aus B OAuth', oauthEnabled: true, products: ALL, country: 'AU', urlHomeApp: 'https://www.finbank.com.au', testInstitution: true },
  { id: 2002120, name: 'FinBank OAuth Aus C', oauthEnabled: true, products: ALL, country: 'AU', urlHomeApp: 'https://www.finbank.com.au', testInstitution: true },
  { id: 2001501, name: 'Harbour City Bank', oauthEnabled: true, products: BASIC, country: 'AU', urlHomeApp: 'https://www.example.com.au/harbour', testInstitution: false },
  { id: 2001502, name: 'Southern Cross Credit Union', oauthEnabled: true, products: BASIC, country: 'AU', urlHomeApp: 'https://www.example.com.au/southern-cross', testInstitution: false },
  { id: 2001503, name: 'Outback Mutual', oauthEnabled: true, products: { ...BASIC, transAgg: false }, country: 'AU', urlHomeApp: 'https://www.example.com.au/outback', testInstitution: false },
];

const US_INSTITUTIONS: SimInstitution[] = [
  { id: 4222, name: 'FinBank', oauthEnabled: false, products: ALL, country: 'US', urlHomeApp: 'https://www.finicity.com', testInstitution: true },
  { id: 102105, name: 'FinBank Profiles - B', oauthEnabled: false, products: ALL, country: 'US', urlHomeApp: 'https://www.finicity.com', testInstitution: true },
  { id: 102176, name: 'FinBank Oauth', oauthEnabled: true, products: ALL, country: 'US', urlHomeApp: 'https://www.finicity.com', testInstitution: true },
  { id: 170001, name: 'Granite Peak Credit Union', oauthEnabled: true, products: BASIC, country: 'US', urlHomeApp: 'https://www.example.com/granite-peak', testInstitution: false },
  { id: 170002, name: 'Lakeshore National Bank', oauthEnabled: true, products: BASIC, country: 'US', urlHomeApp: 'https://www.example.com/lakeshore', testInstitution: false },
  { id: 170003, name: 'Prairie Savings Bank', oauthEnabled: false, products: { ...BASIC, voa: false }, country: 'US', urlHomeApp: 'https://www.example.com/prairie', testInstitution: false },
];

export function institutionsFor(region: MastercardRegion): SimInstitution[] {
  return region === 'US' ? US_INSTITUTIONS : AU_INSTITUTIONS;
}

export function institutionName(region: MastercardRegion, id: string | number): string {
  return institutionsFor(region).find((i) => String(i.id) === String(id))?.name ?? 'Unknown institution';
}
