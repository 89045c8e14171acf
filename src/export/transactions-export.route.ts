import { Readable } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, RawServerDefault } from 'fastify';
import { stringify } from 'csv-stringify';
import { GatewayError } from '../domain/errors.js';
import type { ProviderRegistry } from '../domain/registry.js';
import { gatewayExtensions } from '../graphql/format-error.js';
import { prepareSearch } from '../graphql/transaction-search.js';
import type { Logger } from '../observability/logger.js';
import type { Caller } from '../security/caller.js';
import { registryForCaller } from '../security/caller-registry.js';
import { parseExportRequest } from './export-params.js';
import { EXPORT_COLUMNS, exportRecords, type ExportRecord } from './export-rows.js';

export interface TransactionsExportDeps {
  registry: ProviderRegistry;
  /** The same caller authentication as /graphql (src/security: `security.authenticate`). */
  authenticate(headers: Record<string, string | string[] | undefined>): Promise<Caller>;
  now: () => number;
  logger: Logger;
}

const STATUS_OF: Partial<Record<string, number>> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403 };

/** A refusal before the first byte: HTTP status by code, GraphQL's error shape; filter fields named as the parameters. */
function refuse(reply: FastifyReply, error: unknown, logger: Logger): FastifyReply {
  const known = error instanceof GatewayError && STATUS_OF[error.code] !== undefined;
  if (!known) logger.error({ err: error, reqId: String(reply.request.id) }, 'export refused unexpectedly');
  const gatewayError = known ? error : new GatewayError('INTERNAL', 'The export failed unexpectedly');
  const extensions = gatewayExtensions(gatewayError);
  if (typeof extensions.field === 'string') extensions.field = extensions.field.replace(/^filter\./, '');
  const message = gatewayError.message.replace(/\bfilter\./g, '');
  return reply
    .code(STATUS_OF[gatewayError.code] ?? 500)
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message, extensions: { ...extensions, requestId: String(reply.request.id) } }] });
}

/** Never ends without an `end` record: an unexpected failure becomes an error record and an incomplete end. */
async function* guarded(records: AsyncGenerator<ExportRecord>, logger: Logger): AsyncGenerator<ExportRecord> {
  try {
    yield* records;
  } catch (error) {
    logger.error({ err: error }, 'export stopped unexpectedly');
    yield { type: 'error', provider: '', code: 'INTERNAL', message: 'The export stopped unexpectedly', retryable: true, customerId: null, accountId: null };
    yield { type: 'end', rows: -1, errors: -1, complete: false };
  }
}

async function* ndjsonLines(records: AsyncIterable<ExportRecord>): AsyncGenerator<string> {
  for await (const record of records) {
    yield `${JSON.stringify(record.type === 'transaction' ? { type: 'transaction', ...record.row } : record)}\n`;
  }
}

/** Free-text columns a spreadsheet would run as a formula. The amount is a number and stays as it is. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMERIC = /^-?\d+(\.\d+)?$/;

/**
 * CSV injection (OWASP "CSV Injection"): a text cell that starts with `= + - @`, a tab or a carriage
 * return is prefixed with `'` so spreadsheets show it as text; exact decimals (amounts) are left alone.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) && !NUMERIC.test(value) ? `'${value}` : value;
}

async function* csvRecords(records: AsyncIterable<ExportRecord>): AsyncGenerator<unknown[]> {
  yield [...EXPORT_COLUMNS];
  for await (const record of records) {
    if (record.type === 'transaction') yield EXPORT_COLUMNS.map((column) => record.row[column]);
    else if (record.type === 'error') yield ['#error', record.provider, record.code, record.message, `retryable=${record.retryable}`, record.customerId, record.accountId];
    else yield ['#end', `rows=${record.rows}`, `errors=${record.errors}`, `complete=${record.complete}`];
  }
}

/**
 * `GET /export/transactions?format=ndjson|csv&<filter>` (issue 15, item 5; README, For BI): the
 * top-level `transactions` filter as query parameters, the same caller authentication, `read` scope
 * and provider restrictions as /graphql. Rows stream as the providers' pages arrive (Readable.from
 * pulls the next record only when the socket drains: backpressure, memory of about one page). Bad
 * parameters: 400 with a GraphQL-style error body before any provider call; a provider failing
 * mid-stream: an in-band `error` record, and the last record is always `end` with `complete`.
 */
export function registerTransactionsExport<L extends FastifyBaseLogger>(
  app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, L>,
  deps: TransactionsExportDeps,
): void {
  app.get('/export/transactions', async (request, reply) => {
    const logger = deps.logger.child({ reqId: String(request.id) });
    let caller: Caller;
    try {
      caller = await deps.authenticate(request.headers).catch((error: unknown) => {
        // security.authenticate refuses with a GraphQLError (code UNAUTHENTICATED, HTTP 401); its message names no secret.
        throw error instanceof GatewayError ? error : new GatewayError('UNAUTHENTICATED', error instanceof Error ? error.message : 'Credentials required');
      });
      if (!caller.scopes.has('read')) throw new GatewayError('FORBIDDEN', 'The export needs the scope read, which this caller lacks');
    } catch (error) {
      return refuse(reply as unknown as FastifyReply, error, logger);
    }
    const context = { registry: registryForCaller(deps.registry, caller), now: deps.now(), requestId: String(request.id) };
    let format: 'ndjson' | 'csv';
    let prepared;
    try {
      const parsed = parseExportRequest(request.query as Record<string, string | string[] | undefined>, deps.registry.known());
      format = parsed.format;
      prepared = prepareSearch(context, parsed.filter, null, null);
    } catch (error) {
      return refuse(reply as unknown as FastifyReply, error, logger);
    }
    const stop = new AbortController();
    reply.raw.once('close', () => stop.abort());
    const records = guarded(exportRecords(context, prepared, stop.signal), logger);
    const body = format === 'csv' ? Readable.from(csvRecords(records)).pipe(stringify({ cast: { string: neutraliseFormula } })) : Readable.from(ndjsonLines(records), { objectMode: false });
    logger.info({ caller: caller.id, format }, 'transaction export started');
    return reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="transactions.${format}"`)
      .header('cache-control', 'no-store')
      .send(body);
  });
}
