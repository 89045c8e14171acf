import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  type GraphQLArgument,
  type GraphQLSchema,
} from 'graphql';
import { badInput, type GatewayError } from '../domain/errors.js';
import { wrapFieldResolvers } from './wrap-field-resolvers.js';

/**
 * A string argument as the adapters see it: null when the caller gave none or only blanks, so ""
 * never reaches a provider as a value. Otherwise unchanged: what the caller typed is what is sent.
 */
export function given(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

/**
 * List arguments where `[]` means "none of these options", exactly as leaving them out does, and is
 * accepted: Connect's `institutionSettings` and `webhookHeaders` (no settings, no extra headers), and
 * `nodes(ids: [])` (an empty batch answers an empty list, as Relay clients expect).
 */
const EMPTY_MEANS_NONE: ReadonlySet<string> = new Set(['GenerateConnectUrlInput.institutionSettings', 'GenerateConnectUrlInput.webhookHeaders', 'Query.nodes.ids']);

/**
 * What an empty list would mean, by argument or input field name. Every other list argument is a
 * filter or a selection: `[]` would match nothing (or be read as "all", which is what leaving it out
 * says), so it is BAD_USER_INPUT instead of a silent empty or full answer.
 */
const EMPTY_LIST_READING: Readonly<Record<string, string>> = {
  statuses: 'matches no transaction; leave it out for every status',
  providers: 'names no provider; leave it out for every provider',
  customers: 'names no customer; leave it out for every customer',
  accounts: 'names no account; leave it out for every account in scope',
  accountIds: 'names no account; leave it out for every account of the customer',
  intervalTypes: 'names no interval type; leave it out for the default ones',
  products: 'names no product; name at least one',
  eventTypes: 'names no event type; name at least one',
};

/** Cursor arguments: an empty one is no position, and is refused rather than read as "from the start". */
const CURSOR_ARGS: ReadonlySet<string> = new Set(['after', 'before', 'cursor']);

/** `[]` where a list must name something: BAD_USER_INPUT naming the field (e.g. `filter.statuses`). */
export function emptyListError(field: string): GatewayError {
  const name = field.slice(field.lastIndexOf('.') + 1);
  return badInput(`${field} is an empty list, which ${EMPTY_LIST_READING[name] ?? 'selects nothing; leave it out or give at least one item'}`, field);
}

/** `""` (or blanks) as a cursor: BAD_USER_INPUT naming the argument. */
export function emptyCursorError(field: string): GatewayError {
  return badInput(`${field} is an empty cursor; leave it out to start at the beginning, or pass an endCursor/nextCursor this gateway issued`, field);
}

/** One check of a field's arguments: the argument, the input field inside it (or none), what to refuse. */
interface InputCheck {
  arg: string;
  field: string | null;
  kind: 'list' | 'cursor';
}

function checksOf(owner: string, args: readonly GraphQLArgument[]): InputCheck[] {
  const checks: InputCheck[] = [];
  for (const arg of args) {
    const type = getNullableType(arg.type);
    if (isListType(type) && !EMPTY_MEANS_NONE.has(`${owner}.${arg.name}`)) checks.push({ arg: arg.name, field: null, kind: 'list' });
    if (CURSOR_ARGS.has(arg.name) && getNamedType(arg.type).name === 'String') checks.push({ arg: arg.name, field: null, kind: 'cursor' });
    const named = getNamedType(arg.type);
    if (!isInputObjectType(named)) continue;
    for (const field of Object.values(named.getFields())) {
      if (isListType(getNullableType(field.type)) && !EMPTY_MEANS_NONE.has(`${named.name}.${field.name}`)) checks.push({ arg: arg.name, field: field.name, kind: 'list' });
    }
  }
  return checks;
}

const refusing = new WeakSet<GraphQLSchema>();

/**
 * Refuses, on every field of the schema, an empty list the caller could not mean (EMPTY_LIST_READING)
 * and an empty cursor (`after: ""`, `cursor: ""`), before the resolver runs: one rule for every list
 * and cursor argument, present and future, instead of a check per resolver.
 */
export function refuseEmptyInputs(schema: GraphQLSchema): GraphQLSchema {
  return wrapFieldResolvers(schema, refusing, (resolve, type, fieldName) => {
    const checks = checksOf(`${type.name}.${fieldName}`, type.getFields()[fieldName]?.args ?? []);
    if (checks.length === 0) return undefined;
    return (source, args: Record<string, unknown>, context, info) => {
      for (const check of checks) {
        const value = check.field === null ? args[check.arg] : (args[check.arg] as Record<string, unknown> | null | undefined)?.[check.field];
        const path = check.field === null ? check.arg : `${check.arg}.${check.field}`;
        if (check.kind === 'list' && Array.isArray(value) && value.length === 0) throw emptyListError(path);
        if (check.kind === 'cursor' && typeof value === 'string' && value.trim() === '') throw emptyCursorError(path);
      }
      return resolve(source, args, context, info);
    };
  });
}
