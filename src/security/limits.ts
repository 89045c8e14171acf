/**
 * Query limits checked before a document runs (STYLE.md habit 8: each number with its reason).
 * All are configurable (README, "Access and limits").
 */
export interface QueryLimits {
  /** Lexical tokens in a document, checked while parsing. */
  maxTokens: number;
  /** Field nesting depth (a Relay hop `accounts { edges { node { … } } }` is three levels). */
  maxDepth: number;
  /** Aliased fields in one operation, fragments included. */
  maxAliases: number;
  /** Directives in one operation. */
  maxDirectives: number;
  /** Times one response name may be selected in one selection set. */
  maxFieldRepeats: number;
  /** Estimated upstream provider calls one request may cause (cost units). */
  costBudget: number;
  /** Cost units one caller may spend per minute (across instances with CACHE_URL). */
  costPerMinute: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  // The largest document in schema/operations is ~300 tokens; 2,000 leaves room for BI queries and
  // keeps parsing and validation linear-small (the 1,000-alias attack is ~11,000 tokens).
  maxTokens: 2000,
  // The README's reference query is 11 levels deep; 15 allows one more Relay hop, not a cycle chain.
  maxDepth: 15,
  // Aliases multiply provider calls and validation work; a dashboard rarely needs more than a few.
  maxAliases: 20,
  // Only @include/@skip exist; 20 is more than any real document uses.
  maxDirectives: 20,
  // Repeats of one field are merged by GraphQL but compared pairwise in validation.
  maxFieldRepeats: 5,
  // Provider calls: the reference query estimates 121, a 100-customer BI page with accounts and a
  // transaction each ~600; 500 aliased customer lists (2,000) or 200 live balances (2,001) are refused.
  costBudget: 1000,
  // Sustained rate per caller: ten budget-sized requests a minute.
  costPerMinute: 10_000,
};
