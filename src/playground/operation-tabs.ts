import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import type { PlaygroundTab } from './page-config.js';

const OPERATIONS_DIR = fileURLToPath(new URL('../../schema/operations/', import.meta.url));
/** The tab the playground opens on: runs as is, no variables. */
const FIRST = 'reference-customers.graphql';
/** Input objects nest; a template stops here (the schema has no deeper required inputs). */
const MAX_DEPTH = 4;

/**
 * One playground tab per file of schema/operations (the same documents the typed clients are
 * generated from), the reference query first. Each tab's variables hold every required variable
 * of the file's operations as a template of its type: `""` for IDs and strings, 0, false, the
 * first value of an enum, and input objects with their required fields filled the same way.
 */
export async function operationTabs(schema: GraphQLSchema, dir = OPERATIONS_DIR): Promise<PlaygroundTab[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.graphql'));
  files.sort((a, b) => (a === FIRST ? -1 : b === FIRST ? 1 : a.localeCompare(b)));
  return Promise.all(
    files.map(async (source) => {
      const query = await readFile(`${dir}${source}`, 'utf8');
      return { source, query, variables: JSON.stringify(requiredVariables(schema, query), null, 2) };
    }),
  );
}

function requiredVariables(schema: GraphQLSchema, document: string): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of parse(document).definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      if (variable.type.kind !== Kind.NON_NULL_TYPE || variable.defaultValue !== undefined) continue;
      const type = typeFromAST(schema, variable.type) as GraphQLInputType | undefined;
      variables[variable.variable.name.value] = type ? templateOf(type, 0) : '';
    }
  }
  return variables;
}

function templateOf(type: GraphQLInputType, depth: number): unknown {
  if (isNonNullType(type)) return templateOf(type.ofType, depth);
  if (isListType(type)) return [];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]?.name ?? '';
  if (isInputObjectType(named)) {
    if (depth >= MAX_DEPTH) return {};
    const fields: Record<string, unknown> = {};
    for (const field of Object.values(named.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) fields[field.name] = templateOf(field.type, depth + 1);
    }
    return fields;
  }
  switch (named.name) {
    case 'Int':
    case 'Float':
      return 0;
    case 'Boolean':
      return false;
    default:
      return '';
  }
}
