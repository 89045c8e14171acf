import { GatewayError } from '../domain/errors.js';
import type { ProviderKey } from '../domain/provider.js';
import { warnProviderData, type DataWarningKind } from '../observability/data-warnings.js';

/**
 * Tolerant reading of provider records (issue 9, item 2; STYLE.md habit 2): one record that does not
 * parse fails alone, never its page.
 *
 * A page's envelope is parsed by the provider client (an unusable envelope fails the call); its
 * records arrive here as `unknown` and are parsed one by one with the record schema. The hot path
 * is one `safeParse` per record. Only a record that fails takes the slow path: the member named by
 * the first issue is removed and the record parsed again, so an optional member that is not what
 * the document says reads as absent (`unparsable`); a required member that cannot be read removes
 * its enclosing record — a nested array element, or the record itself (`missing_id` when it is the
 * id, else `invalid_record`). Each problem becomes a warning (data-warnings.ts), never a value.
 */

/** Who is being read, for warnings: the provider and the stable operation name of the call. */
export interface ReadContext {
  readonly provider: ProviderKey;
  readonly operation: string;
}

/**
 * A record schema: zod 3 and zod 4 schemas both fit (the providers' wire files use either).
 */
export interface RecordSchema<T> {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<{ readonly path: ReadonlyArray<PropertyKey> }> } };
}

export interface ReadOptions {
  /** The record's id member (default `id`): a record failing there is counted as `missing_id`. */
  idField?: string;
}

/**
 * Thrown by a mapper when a required member, though it parsed, cannot be placed in the unified model
 * (an amount that is not a decimal): the record is left out with an `invalid_record` warning naming
 * `field`. Outside readRecords/readOne it is a PROVIDER_UNAVAILABLE like any unreadable answer.
 */
export class UnreadableRecord extends GatewayError {
  constructor(
    context: ReadContext,
    readonly member: string,
  ) {
    super('PROVIDER_UNAVAILABLE', `${context.provider} answered a record whose ${member} the gateway cannot read (${context.operation})`, {
      provider: context.provider,
    });
  }
}

/** A record failing after this many repairs is left out (bounds the work one hostile record costs). */
const MAX_REPAIRS = 24;

type Key = string | number;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A copy of `value` without the member at `path` (an array element is spliced out); copies only along the path. */
function without(value: unknown, path: readonly Key[], depth = 0): unknown {
  const key = path[depth]!;
  const last = depth === path.length - 1;
  if (Array.isArray(value) && typeof key === 'number') {
    const copy = value.slice();
    if (last) copy.splice(key, 1);
    else copy[key] = without(copy[key], path, depth + 1);
    return copy;
  }
  if (isObject(value)) {
    const copy: Record<string, unknown> = { ...value };
    if (last) delete copy[key];
    else copy[key] = without(copy[key], path, depth + 1);
    return copy;
  }
  return value;
}

/** `institutions.accounts.id`: the provider's member names, array positions left out (they may be personal). */
const fieldOf = (path: readonly Key[]): string => path.filter((key) => typeof key === 'string').join('.') || '*';
const keyOf = (path: readonly Key[]): string => path.join('\u0000');

function keysOf(path: ReadonlyArray<PropertyKey>): Key[] {
  return path.map((key) => (typeof key === 'number' ? key : String(key)));
}

interface Cut {
  path: Key[];
  field: string;
  kind: DataWarningKind;
}

function droppedKind(cause: readonly Key[], idField: string): DataWarningKind {
  return cause[cause.length - 1] === idField ? 'missing_id' : 'invalid_record';
}

function repair<T>(schema: RecordSchema<T>, raw: unknown, firstIssuePath: Key[], context: ReadContext, idField: string): T | undefined {
  let candidate = raw;
  let issuePath = firstIssuePath;
  // Paths already removed, with the member that first failed there (the cause a parent cut reports).
  const removed = new Map<string, Key[]>();
  const cuts: Cut[] = [];
  for (let round = 0; round < MAX_REPAIRS; round++) {
    let target = issuePath;
    let cause = issuePath;
    // Failing again where a member was removed: it is required, so its parent goes.
    while (target.length > 0 && removed.has(keyOf(target))) {
      cause = removed.get(keyOf(target))!;
      target = target.slice(0, -1);
    }
    if (target.length === 0) break;
    const prefix = keyOf(target);
    for (let index = cuts.length - 1; index >= 0; index -= 1) {
      const cut = keyOf(cuts[index]!.path);
      if (cut === prefix || cut.startsWith(`${prefix}\u0000`)) cuts.splice(index, 1);
    }
    const element = typeof target[target.length - 1] === 'number';
    cuts.push({
      path: target,
      field: fieldOf(element ? cause : target),
      kind: element ? droppedKind(cause, idField) : 'unparsable',
    });
    removed.set(prefix, cause);
    candidate = without(candidate, target);
    const result = schema.safeParse(candidate);
    if (result.success) {
      for (const cut of cuts) warnProviderData(context.provider, context.operation, cut.field, cut.kind);
      return result.data;
    }
    issuePath = keysOf(result.error.issues[0]?.path ?? []);
    if (issuePath.length === 0) break;
  }
  const cause = issuePath.length > 0 ? issuePath : firstIssuePath;
  warnProviderData(context.provider, context.operation, fieldOf(cause), cause.length > 0 ? droppedKind(cause, idField) : 'invalid_record');
  return undefined;
}

/**
 * One provider record, parsed tolerantly (see the module comment). Returns undefined when the record
 * is unusable (already counted as a warning).
 */
export function readRecord<T>(schema: RecordSchema<T>, raw: unknown, context: ReadContext, options?: ReadOptions): T | undefined {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const idField = options?.idField ?? 'id';
  if (!isObject(raw)) {
    warnProviderData(context.provider, context.operation, '*', 'invalid_record');
    return undefined;
  }
  return repair(schema, raw, keysOf(parsed.error.issues[0]?.path ?? []), context, idField);
}

/**
 * A page's records: each parsed with `schema` and mapped with `map`; a record that cannot be read,
 * or whose mapping throws, is left out and counted, and the others come through unchanged.
 */
export function readRecords<W, T>(
  schema: RecordSchema<W>,
  raws: readonly unknown[],
  context: ReadContext,
  map: (wire: W) => T,
  options?: ReadOptions,
): T[] {
  const items: T[] = [];
  for (const raw of raws) {
    const item = readAndMap(schema, raw, context, map, options);
    if (item !== undefined) items.push(item);
  }
  return items;
}

/**
 * Like {@link readRecords}, but a record left out leaves `undefined` in its place, for callers whose
 * paging counts the provider's positions (OBP's merged bank lists).
 */
export function readRecordsInPlace<W, T>(
  schema: RecordSchema<W>,
  raws: readonly unknown[],
  context: ReadContext,
  map: (wire: W) => T,
  options?: ReadOptions,
): Array<T | undefined> {
  return raws.map((raw) => readAndMap(schema, raw, context, map, options));
}

/**
 * One record of a page, as {@link readRecords} reads each: parsed with `schema`, mapped with `map`;
 * undefined when it is left out (its warning already counted).
 */
export function readAndMap<W, T>(schema: RecordSchema<W>, raw: unknown, context: ReadContext, map: (wire: W) => T, options?: ReadOptions): T | undefined {
  const wire = readRecord(schema, raw, context, options);
  if (wire === undefined) return undefined;
  try {
    return map(wire);
  } catch (error) {
    // A mapper that cannot place a record (a value the unified model cannot hold) drops it alone.
    warnProviderData(context.provider, context.operation, error instanceof UnreadableRecord ? error.member : '*', 'invalid_record');
    return undefined;
  }
}

/**
 * A single-record answer (a get): optional members are read tolerantly as above, but a record that
 * stays unusable is the whole answer, so it fails the call as PROVIDER_UNAVAILABLE (retryable).
 */
export function readOne<W, T>(
  schema: RecordSchema<W>,
  raw: unknown,
  context: ReadContext,
  map: (wire: W) => T,
  options?: ReadOptions,
): T {
  const wire = readRecord(schema, raw, context, options);
  if (wire === undefined) {
    throw new GatewayError('PROVIDER_UNAVAILABLE', `${context.provider} answered a record the gateway cannot read (${context.operation})`, {
      provider: context.provider,
      retryable: true,
    });
  }
  return map(wire);
}
