import { LRUCache } from 'lru-cache';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  Kind,
  Lexer,
  parse,
  Source,
  TokenKind,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import type { QueryLimits } from './limits.js';

export function queryTooComplex(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', retryable: false, ...extra } });
}

/** Counts lexical tokens, stopping one past `limit`: O(limit) whatever the document's size. */
export function countTokens(source: string, limit: number): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (count <= limit && lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // A lexical error: the parser reports it with its location.
  }
  return count;
}

/**
 * Refuses a selection set that selects one response name (directly or through inline fragments)
 * or spreads one fragment more than `max` times: graphql-js merges such repeats but compares them
 * pairwise (OverlappingFieldsCanBeMerged), so thousands of repeats cost seconds of CPU.
 */
export function maxFieldRepeatsRule(max: number): ValidationRule {
  return (context) => {
    const count = (selectionSet: SelectionSetNode, seen: Map<string, number>): void => {
      for (const selection of selectionSet.selections) {
        const key =
          selection.kind === Kind.FIELD
            ? (selection.alias ?? selection.name).value
            : selection.kind === Kind.FRAGMENT_SPREAD
              ? `...${selection.name.value}`
              : undefined;
        if (key === undefined) {
          if (selection.kind === Kind.INLINE_FRAGMENT) count(selection.selectionSet, seen);
          continue;
        }
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    };
    return {
      SelectionSet(node) {
        const seen = new Map<string, number>();
        count(node, seen);
        for (const [key, times] of seen) {
          if (times > max) {
            context.reportError(new GraphQLError(`Field repetition limit of ${max} exceeded: "${key}" is selected ${times} times.`, { nodes: node }));
            return false;
          }
        }
        return undefined;
      },
    };
  };
}

/** The linear limit rules: graphql-armor's aliases, depth and directives, and our field repetition. */
function limitRules(limits: QueryLimits): ValidationRule[] {
  const armor = { exposeLimits: true, propagateOnRejection: true };
  return [
    maxAliasesRule({ ...armor, n: limits.maxAliases }) as unknown as ValidationRule,
    maxDepthRule({ ...armor, n: limits.maxDepth }) as unknown as ValidationRule,
    maxDirectivesRule({ ...armor, n: limits.maxDirectives }) as unknown as ValidationRule,
    maxFieldRepeatsRule(limits.maxFieldRepeats),
  ];
}

/**
 * Query limits checked before graphql-js's own validation (issue 11, item 3): the token count
 * (O(limit) on any source), then a parse, then only the linear limit rules. Returns the
 * QUERY_TOO_COMPLEX error, or undefined when the document is within the limits or does not parse
 * (the GraphQL server then reports the syntax error with its location).
 *
 * Why not Apollo's `validationRules`: Apollo runs them in the same pass as the built-in rules, so a
 * limit there reports only after OverlappingFieldsCanBeMerged — quadratic in repeated fields, what
 * the alias attack feeds — has done its work; and an error thrown from a plugin's
 * `validationDidStart` is masked as a 500. So the server calls this from an HTTP hook before
 * Apollo sees the request.
 */
export function checkQueryLimits(schema: GraphQLSchema, source: string, limits: QueryLimits): GraphQLError | undefined {
  if (countTokens(source, limits.maxTokens) > limits.maxTokens) {
    return queryTooComplex(`Token limit of ${limits.maxTokens} exceeded.`, { limit: 'tokens', max: limits.maxTokens });
  }
  let document: DocumentNode;
  try {
    document = parse(source, { maxTokens: limits.maxTokens });
  } catch {
    return undefined;
  }
  let errors: readonly GraphQLError[];
  try {
    errors = validate(schema, document, limitRules(limits), { maxErrors: 1 });
  } catch (thrown) {
    // graphql-armor rules throw their rejection (propagateOnRejection).
    errors = [thrown instanceof Error ? new GraphQLError(thrown.message) : new GraphQLError(String(thrown))];
  }
  const first = errors[0];
  return first ? queryTooComplex(first.message.replace(/^Syntax Error: /, '')) : undefined;
}

/** Characters of documents whose verdict is remembered: the documents a gateway's clients send are few and repeated. */
const VERDICT_CACHE_CHARS = 4 * 1024 * 1024;

/**
 * {@link checkQueryLimits} for one schema and one set of limits, remembering each document's verdict
 * (frontends and BI jobs send the same few documents over and over, and the verdict depends on the
 * text alone), so a known document is not lexed, parsed and walked again on every request. A document
 * over the token limit is refused without being remembered: it costs O(limit) to refuse anyway, and
 * remembering it would let a caller fill the cache.
 */
export function createQueryLimitCheck(schema: GraphQLSchema, limits: QueryLimits): (source: string) => GraphQLError | undefined {
  const verdicts = new LRUCache<string, { refused: GraphQLError | undefined }>({ maxSize: VERDICT_CACHE_CHARS, sizeCalculation: (_v, source) => source.length || 1 });
  return (source) => {
    const known = verdicts.get(source);
    if (known) return known.refused;
    const refused = checkQueryLimits(schema, source, limits);
    if (refused?.extensions.limit !== 'tokens') verdicts.set(source, { refused });
    return refused;
  };
}
