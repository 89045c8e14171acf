import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A provider record or field the gateway could not read as documented, reported to the caller in
 * `extensions.warnings` instead of failing the page (issue 9, tolerant reading). Never carries the
 * raw value: it may be personal data.
 */
export interface ProviderDataWarning {
  provider: string;
  /** Stable operation name of the upstream call (`transactions.list`). */
  operation: string;
  /** Field of the provider record, in the provider's terms (`status`, `postedDate`); `*` = the record. */
  field: string;
  /** What was wrong: `unknown_enum`, `unparsable`, `missing_id`, `invalid_record` (data-warnings.ts). */
  kind: string;
  /** GraphQL response path of the field whose resolver started the fetch (data-warnings.ts), when known. */
  path?: ReadonlyArray<string | number>;
  /** How many records had this same problem (warnings are folded by provider/operation/field/kind/path). */
  count: number;
}

/**
 * What one GraphQL request carries down to the adapters and the HTTP client without threading it
 * through every port: its id (for log lines), its deadline and the warnings collected on the way.
 * Entered once per HTTP request (server.ts, `onRequest`), read with {@link currentRequestScope}.
 */
export interface RequestScope {
  requestId: string;
  /** The GraphQL operation's name once known (for error log lines); unset for anonymous operations. */
  operationName?: string;
  /** Epoch ms after which no upstream call should start or continue (the request deadline); unset = none. */
  deadlineAt?: number;
  /** Aborted at the request deadline or when the caller goes away; upstream calls pass it to undici. */
  signal?: AbortSignal;
  warnings: ProviderDataWarning[];
  /** Upstream HTTP calls made so far (retries included), reported in `extensions.cost` (src/security). */
  upstreamCalls?: number;
}

/** A GraphQL response path as graphql-js keeps it (`info.path`): a linked list, newest key first. */
export interface FieldPath {
  readonly prev: FieldPath | undefined;
  readonly key: string | number;
}

/**
 * What the one AsyncLocalStorage holds: the request's scope and the path of the GraphQL field whose
 * resolver is running (data-warnings.ts). One store, not two: every promise created in a request
 * copies each enabled store onto itself (Node 20's promise hook), so a second store cost every
 * promise of every request a property (issue 17 profile).
 */
interface ScopeFrame {
  readonly scope: RequestScope;
  readonly path: FieldPath | undefined;
}

const storage = new AsyncLocalStorage<ScopeFrame>();

/** Runs `fn` (and every async continuation it starts) inside `scope`. */
export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run({ scope, path: undefined }, fn);
}

/** The scope of the request being served, or undefined outside one (start-up, webhooks, tests). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore()?.scope;
}

/**
 * Marks the rest of the current synchronous run (a field resolver) and every async continuation it
 * starts as working for `path`, within the current request scope; nothing outside one. A DataLoader
 * batch runs in the context of the first `load()` that scheduled it, so a batch serving several
 * fields reports the first one's path.
 */
export function enterFieldPath(path: FieldPath): void {
  const frame = storage.getStore();
  if (frame !== undefined && frame.path !== path) storage.enterWith({ scope: frame.scope, path });
}

/** The path entered last by {@link enterFieldPath} in this async context, if any. */
export function currentFieldPath(): FieldPath | undefined {
  return storage.getStore()?.path;
}
