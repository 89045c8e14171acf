import type { ProviderAdapter } from '../../../domain/ports.js';
import type { FinicityClient } from '../finicity-client.js';
import { createAuthorizationPeriodPort } from './authorization-period.js';
import { createBusinessesPort } from './businesses.js';
import { createConsumersPort } from './consumers.js';
import type { LendingRegion } from './region.js';
import type { ReportTracker } from './report-tracker.js';
import { createReportsPort } from './reports.js';
import { createReportPdfPort } from './report-pdf.js';

export { AU_LENDING, US_LENDING, type LendingRegion } from './region.js';
export { createReportTracker, REPORT_CALLBACK_PATH, type ReportTracker, type ReportTrackerOptions } from './report-tracker.js';

export interface MastercardLendingOptions {
  /** One per region (keyed by provider in the store). */
  tracker: ReportTracker;
  now?: () => number;
  /** The partner is a reseller (MASTERCARD_US_RESELLER): new consumers need `endUser` (seed 001, error 1201). */
  reseller?: boolean;
}

export type MastercardLendingPorts = Pick<ProviderAdapter, 'consumers' | 'businesses' | 'authorizationPeriods' | 'reports' | 'reportPdf' | 'reportEvents'>;

/**
 * The lending ports of one Mastercard region over the adapter's shared Finicity client (tokens,
 * the 10023 refresh, error mapping), composed onto the adapter in src/providers/registry.ts.
 */
export function createMastercardLending(client: FinicityClient, region: LendingRegion, options: MastercardLendingOptions): MastercardLendingPorts {
  const now = options.now ?? Date.now;
  const reports = createReportsPort(client, region, { tracker: options.tracker, now });
  return {
    consumers: createConsumersPort(client, region, now, options.reseller ?? false),
    ...(region.businesses ? { businesses: createBusinessesPort(client, region) } : {}),
    ...(region.authorizationDetails ? { authorizationPeriods: createAuthorizationPeriodPort(client, region) } : {}),
    reports,
    reportPdf: createReportPdfPort(client, region, reports),
    reportEvents: { receive: (token, body) => options.tracker.receive(token, body) },
  };
}
