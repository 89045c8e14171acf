import { warnProviderData } from '../../observability/data-warnings.js';
import type { ReadContext } from '../record-reader.js';

/**
 * OBP date strings: `yyyy-MM-dd'T'HH:mm:ss'Z'` (lift-json DefaultFormats), with milliseconds on
 * some factories, `yyyy-MM-dd` for V300 customer birth dates, and `yyyyMMdd` in the V300 example
 * (obp-resource-docs-extract.json meta.caveats). Anything else is treated as absent, not guessed,
 * and with `warn` given it is reported as an `unparsable` warning on `warn.field`.
 */
export function obpDate(value: string | null | undefined, warn?: { context: ReadContext; field: string }): Date | null {
  if (!value || value.trim() === '') return null;
  const text = value.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const iso = compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : text;
  const date = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z)?$/.test(iso)
    ? new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)
    : null;
  if (date !== null && !Number.isNaN(date.getTime())) return date;
  if (warn) warnProviderData(warn.context.provider, warn.context.operation, warn.field, 'unparsable');
  return null;
}

/** The request format OBP reads: seed 004 "Dates need to be in the format 2013-01-21T23:08:00Z". */
export function toObpDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * `obp_from_date` / `obp_to_date`: `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'` exactly (obp-notes.md,
 * Pagination), which is what toISOString produces for years 0–9999.
 */
export function toObpFilterDate(date: Date): string {
  return date.toISOString();
}

/** OBP sends "" for values nobody set; the unified model says null. */
export function textOrNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}
