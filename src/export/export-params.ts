import { GatewayError } from '../domain/errors.js';
import { isDecimalString } from '../domain/decimal.js';
import { TRANSACTION_STATUSES } from '../domain/model.js';
import type { TransactionSearchFilter } from '../graphql/types/transaction-search.type.js';

/**
 * The query string of `GET /export/transactions` (README, For BI): `format` plus the top-level
 * `transactions` filter, one parameter per filter field. Lists are comma-separated or repeated
 * (`statuses=POSTED,PENDING`, `customers=…&customers=…`). Every problem is BAD_USER_INPUT naming the
 * parameter; an unknown parameter is refused too (nothing the caller sent is silently dropped).
 */
export type ExportFormat = 'ndjson' | 'csv';

export interface ExportRequest {
  format: ExportFormat;
  filter: TransactionSearchFilter;
}

const KNOWN = new Set(['format', 'from', 'to', 'statuses', 'pending', 'sort', 'providers', 'customers', 'minAmount', 'maxAmount', 'text']);

const bad = (message: string, field: string) => new GatewayError('BAD_USER_INPUT', message, { field });

function single(query: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) {
    if (value.length > 1) throw bad(`${name} is given more than once`, name);
    return value[0];
  }
  return value;
}

function list(query: Record<string, string | string[] | undefined>, name: string): string[] | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  const items = (Array.isArray(value) ? value : [value]).flatMap((item) => item.split(',')).map((item) => item.trim());
  if (items.some((item) => item === '')) throw bad(`${name} has an empty item`, name);
  return items;
}

function instant(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  // ISO-8601 with a zone, as the DateTime scalar takes it.
  const parsed = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) ? new Date(value) : null;
  if (parsed === null || Number.isNaN(parsed.getTime())) throw bad(`${name} must be an ISO-8601 date-time with a zone, e.g. 2026-01-31T00:00:00Z`, name);
  return parsed;
}

function decimal(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isDecimalString(value.trim())) throw bad(`${name} must be a decimal such as -12.50`, name);
  return value.trim();
}

/** Reads and checks the export's query parameters; `providerKeys` are the gateway's configured providers. */
export function parseExportRequest(query: Record<string, string | string[] | undefined>, providerKeys: readonly string[]): ExportRequest {
  for (const name of Object.keys(query)) if (!KNOWN.has(name)) throw bad(`${name} is not a parameter of this export`, name);
  const format = single(query, 'format') ?? 'ndjson';
  if (format !== 'ndjson' && format !== 'csv') throw bad('format must be ndjson or csv', 'format');
  const sort = single(query, 'sort');
  if (sort !== undefined && sort !== 'asc' && sort !== 'desc') throw bad('sort must be asc or desc', 'sort');
  const pending = single(query, 'pending');
  if (pending !== undefined && pending !== 'true' && pending !== 'false') throw bad('pending must be true or false', 'pending');
  const statuses = list(query, 'statuses');
  const unknownStatus = statuses?.find((status) => !(TRANSACTION_STATUSES as readonly string[]).includes(status));
  if (unknownStatus !== undefined) throw bad(`statuses: one of ${TRANSACTION_STATUSES.join(', ')} each`, 'statuses');
  const providers = list(query, 'providers');
  if (providers?.some((provider) => !providerKeys.includes(provider))) throw bad(`providers: one of ${providerKeys.join(', ')} each`, 'providers');
  const filter: TransactionSearchFilter = {
    from: instant(single(query, 'from'), 'from') ?? null,
    to: instant(single(query, 'to'), 'to') ?? null,
    statuses: statuses ?? null,
    pending: pending === undefined ? null : pending === 'true',
    sort: sort ?? null,
    providers: providers ?? null,
    customers: list(query, 'customers') ?? null,
    minAmount: decimal(single(query, 'minAmount'), 'minAmount') ?? null,
    maxAmount: decimal(single(query, 'maxAmount'), 'maxAmount') ?? null,
    text: single(query, 'text') ?? null,
  };
  // Caller mistakes are refused before any provider call, as the GraphQL filter refuses them.
  if (filter.from && filter.to && filter.from.getTime() > filter.to.getTime()) throw bad('from must not be after to', 'from');
  if (filter.pending === false && statuses?.includes('PENDING')) throw bad('pending is false but statuses includes PENDING', 'pending');
  if (filter.pending === true && statuses !== undefined && !statuses.includes('PENDING')) throw bad('pending is true but statuses leaves PENDING out', 'pending');
  return { format, filter };
}
