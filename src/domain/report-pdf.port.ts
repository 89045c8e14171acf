import type { NativeRef } from './global-id.js';
import type { ReportKind } from './lending.model.js';

/**
 * Reports rendered as PDF by the provider (Mastercard: Get Report with `Accept: application/pdf`,
 * seed 002 "Get VOA Report" and "Cash Flow"; openbanking-us.yaml GetReportByCustomer). The gateway
 * serves the bytes as a download (GET /reports/{id}.pdf), never inside a GraphQL answer.
 */
export interface ReportPdf {
  /** The whole document, starting `%PDF-`. */
  bytes: Buffer;
  /** The provider's report type (`voa`, `cfrb` …), for the file name. */
  providerType: string | null;
}

export interface ReportPdfPort {
  /** Report kinds the provider documents a PDF for (AU: VOA and business cash flow, not VOI). */
  readonly pdfKinds: readonly ReportKind[];
  /**
   * The report as PDF, at most `maxBytes` (else PROVIDER_UNAVAILABLE, nothing partial).
   * Errors: NOT_FOUND, REPORT_NOT_READY (retryable) while generating, UNSUPPORTED_BY_PROVIDER for a
   * kind without a PDF, PROVIDER_UNAVAILABLE when the provider answers something that is not a PDF.
   */
  get(report: NativeRef, options: { maxBytes: number }): Promise<ReportPdf>;
}
