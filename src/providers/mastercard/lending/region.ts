import type { GeneratableReportKind } from '../../../domain/lending.port.js';
import type { ProviderKey } from '../../../domain/provider.js';

/** Where the two Finicity-platform regions differ for lending; everything else is shared. */
export interface LendingRegion {
  provider: 'MASTERCARD_US' | 'MASTERCARD_AU';
  /** Currency of every amount in a report. */
  currency: string;
  /**
   * Consumer rules. US: firstName, lastName, state; ssn or a full birthday; phone or email (seed 001,
   * "Creating a Consumer"). AU: the docs create one with names and a phone only and AU has no SSN
   * (seed 002, "Creating a Consumer"), so names plus phone or email, and no ssn at all.
   */
  consumerRules: 'US' | 'AU';
  /** Get Report: `/decisioning/v3/…` in the US spec, `/decisioning/v4/…` in the AU docs (au-notes.md). */
  reportVersion: 'v3' | 'v4';
  /** US spec: voa, voi, cashFlowBusiness, cashFlowPersonal; AU docs: voa, voi, cashFlowBusiness (au-notes.md). */
  generatableKinds: readonly GeneratableReportKind[];
  /** Businesses and authorization details: "Supported regions: 🇺🇸" (US spec). */
  businesses: boolean;
  authorizationDetails: boolean;
}

export const US_LENDING: LendingRegion = {
  provider: 'MASTERCARD_US',
  currency: 'USD',
  consumerRules: 'US',
  reportVersion: 'v3',
  generatableKinds: ['VOA', 'VOI', 'CASH_FLOW_BUSINESS', 'CASH_FLOW_PERSONAL'],
  businesses: true,
  authorizationDetails: true,
};

export const AU_LENDING: LendingRegion = {
  provider: 'MASTERCARD_AU',
  currency: 'AUD',
  consumerRules: 'AU',
  reportVersion: 'v4',
  generatableKinds: ['VOA', 'VOI', 'CASH_FLOW_BUSINESS'],
  businesses: false,
  authorizationDetails: false,
};
