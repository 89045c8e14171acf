import type { GeneratableReportKind, ReportKind } from '../../../domain/lending.port.js';
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
  /**
   * Kinds Get Report renders as PDF (`Accept: application/pdf`). US: every report ("Report data can
   * either be retrieved as a JSON document or a PDF file", openbanking-us.yaml GetReportByCustomer).
   * AU: VOA and cash flow ("Get Report endpoints can both be used to obtain either JSON or PDF",
   * seed 002 VOA and Cash Flow pages) but not VOI ("The PDF format is not yet currently supported
   * for VOI reports", seed 002 VOI).
   */
  pdfKinds: readonly ReportKind[];
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
  pdfKinds: ['VOA', 'VOI', 'CASH_FLOW_BUSINESS', 'CASH_FLOW_PERSONAL'],
  businesses: true,
  authorizationDetails: true,
};

export const AU_LENDING: LendingRegion = {
  provider: 'MASTERCARD_AU',
  currency: 'AUD',
  consumerRules: 'AU',
  reportVersion: 'v4',
  generatableKinds: ['VOA', 'VOI', 'CASH_FLOW_BUSINESS'],
  pdfKinds: ['VOA', 'CASH_FLOW_BUSINESS'],
  businesses: false,
  authorizationDetails: false,
};
