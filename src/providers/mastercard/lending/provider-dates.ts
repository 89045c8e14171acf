/**
 * Date strings of the lending endpoints: ISO with a zone ("2024-01-01T16:11:23.20Z", authorization
 * details), or without one ("2022-04-12T11:51:23", the business `NoZoneDateTime`; stream
 * `earliestObservedDate`), which the platform writes in UTC (sandbox and docs agree; the spec says
 * no more). Epoch seconds are read in wire.ts.
 */
export function dateFromProviderString(value: string | null | undefined): Date | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const text = value.trim();
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : /T/.test(text) ? `${text}Z` : `${text}T00:00:00Z`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? null : new Date(ms);
}

export function dateFromEpochSeconds(value: number | null | undefined): Date | null {
  return value === null || value === undefined ? null : new Date(value * 1000);
}
