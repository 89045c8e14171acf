import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, RawServerDefault } from 'fastify';
import { GraphQLError } from 'graphql';
import { GatewayError, type ErrorCode } from '../domain/errors.js';
import { decodeGlobalId } from '../domain/global-id.js';
import { requirePort } from '../domain/ports.js';
import type { ProviderRegistry } from '../domain/registry.js';
import { logFault } from '../errors/fault-log.js';
import { gatewayExtensions } from '../graphql/format-error.js';
import type { Logger } from '../observability/logger.js';
import type { Caller } from '../security/caller.js';
import { registryForCaller } from '../security/caller-registry.js';
import { missingScopes } from '../security/field-rules.js';
import { REPORT_PDF_ROUTE } from './report-pdf-path.js';

/**
 * The largest report PDF the gateway passes on. Mastercard's example cash-flow PDF is 2 MB (seed
 * 002, Cash Flow "cf-report.pdf (2MB)"); 16 MiB leaves room for long histories and equals the
 * default upstream body cap (UPSTREAM_MAX_BODY_BYTES), which still applies when lower.
 */
export const REPORT_PDF_MAX_BYTES = 16 * 1024 * 1024;

/** The same scope `report(id:)` needs (src/security/field-rules.ts, 'Query.report'). */
const REQUIRED_SCOPES = ['reports'] as const;

const STATUS_OF_CODE: Partial<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CONSENT_REVOKED: 403,
  NOT_FOUND: 404,
  // The report exists, but not as application/pdf at this provider (AU VOI).
  UNSUPPORTED_BY_PROVIDER: 406,
  CONFLICT: 409,
  REPORT_NOT_READY: 409,
  RATE_LIMITED: 429,
  PROVIDER_AUTH_FAILED: 502,
  PROVIDER_UNAVAILABLE: 502,
  PROVIDER_TIMEOUT: 504,
};

export interface ReportPdfRouteOptions {
  registry: ProviderRegistry;
  /** The caller behind the request headers, exactly as for /graphql (src/security). */
  authenticate(headers: Record<string, string | string[] | undefined>): Promise<Caller>;
  logger: Logger;
}

function refuse(reply: FastifyReply, error: GatewayError, requestId: string): FastifyReply {
  const status = STATUS_OF_CODE[error.code] ?? 500;
  if (error.retryAfterMs !== undefined) reply.header('retry-after', String(Math.ceil(error.retryAfterMs / 1000)));
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message: error.message, extensions: { ...gatewayExtensions(error), requestId } }] });
}

/**
 * `GET /reports/<report global id>.pdf`: a lending report as the provider's PDF (Mastercard:
 * Get Report with `Accept: application/pdf`), behind the same caller authentication, `reports`
 * scope and per-provider access as `/graphql`, so a download link is only as good as the caller's
 * credentials. The upstream call runs within the request deadline and the upstream budget
 * (src/http) and reads at most REPORT_PDF_MAX_BYTES. The document is read whole before the first
 * byte is sent: a provider failing half-way then answers a typed error, never a truncated PDF
 * under a 200. Refusals use the GraphQL error shape with the status of their code; a report
 * still generating is 409 REPORT_NOT_READY with `Retry-After`.
 */
export function registerReportPdfRoute<L extends FastifyBaseLogger>(
  app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, L>,
  options: ReportPdfRouteOptions,
): void {
  const log = options.logger.child({ route: 'report-pdf' });
  app.get<{ Params: { file: string } }>(REPORT_PDF_ROUTE, async (request, reply) => {
    const requestId = String(request.id);
    try {
      const caller = await options.authenticate(request.headers);
      const missing = missingScopes(caller, REQUIRED_SCOPES);
      if (missing.length > 0) throw new GatewayError('FORBIDDEN', `Report downloads need the scope ${missing.join(', ')}, which this caller lacks`);
      const id = /^([A-Za-z0-9_-]+)\.pdf$/.exec(request.params.file)?.[1];
      if (id === undefined) throw new GatewayError('NOT_FOUND', 'Report downloads are /reports/<report id>.pdf');
      const report = decodeGlobalId(id, 'Report', 'id');
      const adapter = registryForCaller(options.registry, caller).adapter(report.provider);
      const pdf = await requirePort(adapter, 'reportPdf', 'reports as PDF').get(report, { maxBytes: REPORT_PDF_MAX_BYTES });
      const name = `${report.provider.toLowerCase()}-${pdf.providerType ?? 'report'}-${report.id}.pdf`.replace(/[^A-Za-z0-9._-]/g, '_');
      return reply
        .code(200)
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(pdf.bytes);
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') {
        reply.header('www-authenticate', 'Bearer, ApiKey header="X-API-Key"');
        return refuse(reply, new GatewayError('UNAUTHENTICATED', error.message), requestId);
      }
      if (error instanceof GatewayError && error.code !== 'INTERNAL') {
        logFault(log, error, { reqId: requestId }, 'report PDF refused');
        return refuse(reply, error, requestId);
      }
      log.error({ reqId: requestId, err: error }, 'unexpected error serving a report PDF');
      return refuse(reply, new GatewayError('INTERNAL', `Internal error; it has been logged with request id ${requestId}`), requestId);
    }
  });
}
