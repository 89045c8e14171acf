import { GatewayError } from '../../../domain/errors.js';
import type { ReportsPort } from '../../../domain/lending.port.js';
import type { ReportPdfPort } from '../../../domain/report-pdf.port.js';
import type { FinicityClient } from '../finicity-client.js';
import { segment } from '../region.js';
import { scopeCustomerId } from './lending-refs.js';
import type { LendingRegion } from './region.js';

/** 18001 "Report being generated" (seed 002, API Status Codes). */
const BEING_GENERATED = '18001';
/** A polite first retry; the docs say to poll a generating report again after 20 s (openbanking-us.yaml Get Report). */
const NOT_READY_RETRY_AFTER_MS = 20_000;
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/**
 * Reports as PDF: Get Report by Customer with `Accept: application/pdf` (seed 002 "Get VOA
 * Report": "use application/json or application/pdf for the Accept request headers"; the same note
 * on the Cash Flow page; openbanking-us.yaml GetReportByCustomer). The report's kind and status are
 * read first (from report events when the gateway has them, else one JSON call), so a kind without
 * a PDF or a report still generating is refused without asking for a document.
 */
export function createReportPdfPort(client: FinicityClient, region: LendingRegion, reports: ReportsPort): ReportPdfPort {
  const provider = region.provider;
  const notReady = (providerStatus?: number): GatewayError =>
    new GatewayError('REPORT_NOT_READY', 'The report is still being generated; download it shortly', {
      provider,
      ...(providerStatus === undefined ? {} : { providerStatus }),
      providerCode: BEING_GENERATED,
      retryable: true,
      retryAfterMs: NOT_READY_RETRY_AFTER_MS,
    });
  return {
    pdfKinds: region.pdfKinds,
    async get(target, options) {
      const customerId = scopeCustomerId(target, 'Report');
      const report = await reports.get(target);
      if (report === null) throw new GatewayError('NOT_FOUND', `${provider} knows no such report`, { provider });
      if (!region.pdfKinds.includes(report.kind)) {
        throw new GatewayError('UNSUPPORTED_BY_PROVIDER', `${provider} offers no PDF for ${report.kind} reports; read it through GraphQL`, { provider });
      }
      if (report.status === 'IN_PROGRESS') throw notReady();
      if (report.status === 'FAILURE') {
        throw new GatewayError('CONFLICT', 'The report failed at the provider: there is no document to download; generate a new one', { provider, retryable: false });
      }
      const response = await client.call({
        operation: 'reports.get-pdf',
        method: 'GET',
        path: `/decisioning/${region.reportVersion}/customers/${segment(customerId)}/reports/${segment(target.id)}`,
        data: { customerId },
        extraHeaders: { accept: 'application/pdf' },
        binary: true,
        maxBodyBytes: options.maxBytes,
      });
      const code = (response.json as { code?: unknown } | undefined)?.code;
      if (response.status === 202 || String(code ?? '') === BEING_GENERATED) throw notReady(response.status);
      const bytes = response.bytes;
      if (bytes === undefined || !response.contentType.includes('application/pdf') || !bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
        throw new GatewayError('PROVIDER_UNAVAILABLE', `${provider}: reports.get-pdf answered something that is not a PDF`, {
          provider,
          providerStatus: response.status,
          retryable: false,
        });
      }
      return { bytes, providerType: report.providerType };
    },
  };
}
