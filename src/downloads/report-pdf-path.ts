/** The download route of report PDFs (report-pdf.route.ts); `:file` is `<report global id>.pdf`. */
export const REPORT_PDF_ROUTE = '/reports/:file';

/** `/reports/<global id>.pdf`: global ids are base64url, so the path needs no escaping. */
export function reportPdfPath(reportGlobalId: string): string {
  return `/reports/${reportGlobalId}.pdf`;
}
