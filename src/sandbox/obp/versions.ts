/**
 * OBP API versions, oldest first. Versions are cumulative: a version serves every endpoint of the
 * older ones unless it overrides it (obp-resource-docs-extract.json meta.caveats), so an endpoint
 * implemented in v3.0.0 is also reachable under /obp/v5.1.0/.
 */
export const OBP_VERSIONS = [
  'v1.2.1',
  'v1.3.0',
  'v1.4.0',
  'v2.0.0',
  'v2.1.0',
  'v2.2.0',
  'v3.0.0',
  'v3.1.0',
  'v4.0.0',
  'v5.0.0',
  'v5.1.0',
] as const;

export type ObpVersion = (typeof OBP_VERSIONS)[number];

/** The version the gateway should call for everything; every simulated endpoint is served there. */
export const OBP_CANONICAL_VERSION: ObpVersion = 'v5.1.0';

/**
 * The versions from `since` up to, but not including, `until` (the version that overrides the
 * endpoint with another shape), so each URL is served by exactly one implementation.
 */
export function versionsFrom(since: ObpVersion, until?: ObpVersion): ObpVersion[] {
  const start = OBP_VERSIONS.indexOf(since);
  const end = until === undefined ? OBP_VERSIONS.length : OBP_VERSIONS.indexOf(until);
  return OBP_VERSIONS.slice(start, end);
}
