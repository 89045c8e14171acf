import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GraphQLError, Kind, parse, print, visit, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

/**
 * Trusted documents (issue 11, item 6; Apollo's persisted-query safelisting, GraphQL Hive's app
 * deployments): with TRUSTED_DOCUMENTS=true only operations registered in `schema/operations/`
 * and in TRUSTED_DOCUMENTS_DIR run. An operation is identified by the SHA-256 of its canonical
 * print (the operation plus the fragments it uses), so formatting and the other operations of a
 * file do not matter; a hash-only request (`extensions.persistedQuery.sha256Hash`) of a registered
 * operation runs it, any other hash is Apollo's PERSISTED_QUERY_NOT_FOUND.
 */
export interface TrustedDocuments {
  /** The canonical text of a registered operation by its hash. */
  byHash: ReadonlyMap<string, string>;
  /** The registered hash of the requested operation of `source`, or undefined when it is not registered. */
  trustedHashOf(source: string, operationName: string | undefined): string | undefined;
}

function canonical(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): string {
  const used = new Map<string, FragmentDefinitionNode>();
  const pending: DefinitionNode[] = [operation];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      FragmentSpread(node) {
        const fragment = fragments.get(node.name.value);
        if (fragment && !used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          pending.push(fragment);
        }
      },
    });
  }
  const definitions = [operation, ...[...used.values()].sort((a, b) => a.name.value.localeCompare(b.name.value))];
  return print({ kind: Kind.DOCUMENT, definitions } as DocumentNode);
}

function operationsOf(document: DocumentNode): Array<{ name: string | undefined; text: string }> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return document.definitions
    .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => ({ name: operation.name?.value, text: canonical(operation, fragments) }));
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Reads every `.graphql` file of `directories`; a file that does not parse stops start-up naming it. */
export async function loadTrustedDocuments(directories: readonly string[]): Promise<TrustedDocuments> {
  const byHash = new Map<string, string>();
  for (const directory of directories) {
    for (const file of (await readdir(directory)).filter((name) => name.endsWith('.graphql')).sort()) {
      let document: DocumentNode;
      try {
        document = parse(await readFile(join(directory, file), 'utf8'));
      } catch (error) {
        throw new Error(`trusted documents: ${join(directory, file)} does not parse (${(error as Error).message})`);
      }
      for (const { text } of operationsOf(document)) byHash.set(sha256(text), text);
    }
  }
  return {
    byHash,
    trustedHashOf(source, operationName) {
      let document: DocumentNode;
      try {
        document = parse(source);
      } catch {
        return undefined;
      }
      const operations = operationsOf(document);
      const chosen = operationName ? operations.find((operation) => operation.name === operationName) : operations.length === 1 ? operations[0] : undefined;
      if (!chosen) return undefined;
      const hash = sha256(chosen.text);
      return byHash.has(hash) ? hash : undefined;
    },
  };
}

/** The `sha256Hash` of an Apollo persisted-query extension (an object in a POST, JSON in a GET). */
function persistedHash(extensions: unknown): string | undefined {
  let value = extensions;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  const hash = (value as { persistedQuery?: { sha256Hash?: unknown } } | null)?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}

/**
 * Lets a request through only when it names a trusted operation: a document that is one (FORBIDDEN
 * otherwise), or the hash of one, whose text is then filled in so Apollo runs it. An unknown hash is
 * left to Apollo, which answers PERSISTED_QUERY_NOT_FOUND; registering it is impossible, because a
 * query sent with it must itself be trusted.
 */
export function enforceTrustedDocument(
  trusted: TrustedDocuments,
  params: { query?: unknown; operationName?: unknown; extensions?: unknown },
): GraphQLError | undefined {
  if (typeof params.query === 'string') {
    const operationName = typeof params.operationName === 'string' ? params.operationName : undefined;
    if (trusted.trustedHashOf(params.query, operationName)) return undefined;
    return new GraphQLError('This gateway runs trusted documents only, and this operation is not one of them', {
      extensions: { code: 'FORBIDDEN', retryable: false },
    });
  }
  const hash = persistedHash(params.extensions);
  const text = hash === undefined ? undefined : trusted.byHash.get(hash);
  if (text !== undefined) params.query = text;
  return undefined;
}
