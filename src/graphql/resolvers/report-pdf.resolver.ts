import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { encodeGlobalId } from '../../domain/global-id.js';
import type { Report as ReportModel } from '../../domain/lending.port.js';
import type { GatewayContext } from '../context.js';
import { reportPdfPath } from '../../downloads/report-pdf-path.js';
import { Report } from '../types/lending-report.type.js';

/** `Report.pdfUrl`: where the PDF of a report is downloaded (src/downloads/report-pdf.route.ts). */
@Resolver(() => Report)
export class ReportPdfFieldsResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Path of the report's PDF on this gateway (GET, same credentials and `reports` scope as /graphql): `/reports/<id>.pdf`. Null when the provider offers no PDF for this kind (Mastercard AU: VOI). While IN_PROGRESS the download answers 409 REPORT_NOT_READY",
  })
  pdfUrl(@Root() report: ReportModel, @Ctx() context: GatewayContext): string | null {
    const port = context.registry.adapter(report.provider).reportPdf;
    if (port === undefined || !port.pdfKinds.includes(report.kind)) return null;
    return reportPdfPath(encodeGlobalId(report.ref));
  }
}
