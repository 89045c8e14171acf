import { currentFieldPath, currentRequestScope, type FieldPath, type ProviderDataWarning, type RequestScope } from './request-scope.js';

/**
 * Provider-data warnings (issue 9, item 2, tolerant reading): what a mapper could not read is
 * recorded here instead of failing its page, folded by provider/operation/field/kind/path into the
 * request scope's `warnings`, and moved into the GraphQL response's `extensions.warnings` (and the
 * `gateway_provider_data_warnings_total` counter) by src/graphql/provider-warnings.plugin.ts.
 *
 * Outside a request scope (start-up, webhooks) a warning has nobody to reach and is dropped.
 */

/**
 * - `unknown_enum`: a value outside the documented set; the unified fallback (OTHER) is used and the
 *   raw value kept in the model's `provider…` field.
 * - `unparsable`: an optional field that is not what the document says (a date that is not a date);
 *   it reads as null.
 * - `missing_id`: a record without a usable id; it is left out.
 * - `invalid_record`: a record whose required field (an amount, a nested required member) is missing
 *   or unreadable; it is left out.
 * - `beyond_history`: the caller's `filter.from` is older than the provider can hold (issue 16,
 *   row 1); the answer holds only what the provider has (field `from`, operation `transactions.window`).
 */
export type DataWarningKind = 'unknown_enum' | 'unparsable' | 'missing_id' | 'invalid_record' | 'beyond_history';

export type { FieldPath } from './request-scope.js';
export { enterFieldPath } from './request-scope.js';

function pathToArray(path: FieldPath | undefined): Array<string | number> {
  const keys: Array<string | number> = [];
  for (let at = path; at !== undefined; at = at.prev) keys.push(at.key);
  return keys.reverse();
}

const indexes = new WeakMap<RequestScope, Map<string, ProviderDataWarning>>();

/**
 * Records that `count` records of `provider`'s `operation` had problem `kind` at `field` (the
 * provider's own member name, dotted for nested members, `*` for the record). Never pass a value
 * here: provider values may be personal data.
 */
export function warnProviderData(provider: string, operation: string, field: string, kind: DataWarningKind, count = 1): void {
  const scope = currentRequestScope();
  if (scope === undefined) return;
  const path = pathToArray(currentFieldPath());
  const key = `${provider}\u0000${operation}\u0000${field}\u0000${kind}\u0000${path.join('\u0000')}`;
  let index = indexes.get(scope);
  if (index === undefined) {
    index = new Map();
    indexes.set(scope, index);
  }
  const known = index.get(key);
  if (known !== undefined) {
    known.count += count;
    return;
  }
  const warning: ProviderDataWarning = { provider, operation, field, kind, count, ...(path.length > 0 ? { path } : {}) };
  index.set(key, warning);
  scope.warnings.push(warning);
}

/** Takes the request's warnings out of its scope (the plugin calls it once per response). */
export function drainProviderWarnings(scope: RequestScope | undefined): ProviderDataWarning[] {
  if (scope === undefined || scope.warnings.length === 0) return [];
  indexes.delete(scope);
  return scope.warnings.splice(0, scope.warnings.length);
}
