import type { IncomingHttpHeaders } from 'node:http';
import { ObpError } from './errors.js';

/** OBP's OBPQueryParam set after parsing (APIUtil.createQueriesByHttpParams). */
export interface ObpQuery {
  limit: number;
  offset: number;
  fromDate: Date;
  toDate: Date;
  sortDirection: 'ASC' | 'DESC';
}

/** meta.pagination: obp_limit default 50, min 1; no maximum is enforced on these lists. */
export const DEFAULT_LIMIT = 50;
// meta.pagination: from defaults to the epoch, to to java.util.Date(2100,0,1), i.e. year 4000.
const DEFAULT_FROM = new Date(0);
const DEFAULT_TO = new Date(Date.UTC(4000, 0, 1));
/** yyyy-MM-dd'T'HH:mm:ss.SSS'Z' (meta.pagination), the only accepted date format. */
const DATE_WITH_MS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z$/;

type Lookup = (name: string) => string | undefined;

function parseInteger(raw: string | undefined, fallback: number, min: number, error: 'FilterLimitError' | 'FilterOffersetError'): number {
  if (raw === undefined) return fallback;
  if (!/^\s*-?\d+\s*$/.test(raw)) throw new ObpError(error);
  const value = Number(raw.trim());
  if (!Number.isSafeInteger(value) || value < min) throw new ObpError(error);
  return value;
}

function parseDate(raw: string | undefined, fallback: Date): Date {
  if (raw === undefined) return fallback;
  const match = DATE_WITH_MS.exec(raw.trim());
  if (!match) throw new ObpError('FilterDateFormatError');
  const [, y, mo, d, h, mi, s, ms] = match.map(Number) as [number, number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  // Reject calendar overflow (2024-02-30) instead of rolling it over.
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw new ObpError('FilterDateFormatError');
  }
  return date;
}

function parseSortDirection(raw: string | undefined): 'ASC' | 'DESC' {
  if (raw === undefined) return 'DESC'; // OBP's default ordering is OBPDescending.
  const upper = raw.trim().toUpperCase();
  if (upper === 'ASC' || upper === 'DESC') return upper;
  throw new ObpError('FilterSortDirectionError');
}

/** Checks in OBP's order: sort direction, offset, limit, then dates (its error-list order). */
function parse(lookup: Lookup, withDates: boolean): ObpQuery {
  const sortDirection = parseSortDirection(lookup('sort_direction'));
  const offset = parseInteger(lookup('offset'), 0, 0, 'FilterOffersetError');
  const limit = parseInteger(lookup('limit'), DEFAULT_LIMIT, 1, 'FilterLimitError');
  return {
    sortDirection,
    offset,
    limit,
    fromDate: withDates ? parseDate(lookup('from_date'), DEFAULT_FROM) : DEFAULT_FROM,
    toDate: withDates ? parseDate(lookup('to_date'), DEFAULT_TO) : DEFAULT_TO,
  };
}

/**
 * `…/VIEW_ID/transactions` reads REQUEST HEADERS (obp-notes.md, Pagination: "verified in code"):
 * `obp_limit`, `obp_offset`, `obp_from_date`, `obp_to_date`, `obp_sort_direction`; the same names
 * without `obp_` are accepted too and win when both are present. Query parameters are ignored
 * there, as in OBP (the resource-doc text says URL parameters; the code reads headers).
 */
export function queryFromHeaders(headers: IncomingHttpHeaders): ObpQuery {
  const header = (name: string): string | undefined => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return parse((name) => header(name) ?? header(`obp_${name}`), true);
}

/**
 * URL-query endpoints (core transactions, v5 customers) read `limit`, `offset`, `sort_direction`,
 * `from_date`, `to_date` without the obp_ prefix (meta.pagination.urlQueryStyle);
 * v5.0.0 getCustomersAtOneBank reads only limit, offset and sort_direction (`withDates: false`).
 */
export function queryFromUrl(query: Record<string, string | string[] | undefined>, withDates: boolean): ObpQuery {
  return parse((name) => {
    const value = query[name];
    return Array.isArray(value) ? value[0] : value;
  }, withDates);
}

/**
 * Keep [from, to] by `dateOf`, order, then page: OBP's mapper does it in this order (By_>=, By_<=,
 * OrderBy, StartAt, MaxRows). Equal dates keep their input order (ledger order for transactions)
 * unless `tieBreak` is given; DESC is the exact reverse of ASC so pages never overlap.
 */
export function applyQuery<T>(items: readonly T[], query: ObpQuery, dateOf: (item: T) => Date, tieBreak?: (item: T) => string): T[] {
  const from = query.fromDate.getTime();
  const to = query.toDate.getTime();
  const ascending = items
    .filter((item) => {
      const t = dateOf(item).getTime();
      return t >= from && t <= to;
    })
    .sort((a, b) => dateOf(a).getTime() - dateOf(b).getTime() || (tieBreak ? tieBreak(a).localeCompare(tieBreak(b)) : 0));
  const ordered = query.sortDirection === 'ASC' ? ascending : ascending.reverse();
  return ordered.slice(query.offset, query.offset + query.limit);
}
