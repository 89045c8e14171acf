import { randomBytes } from 'node:crypto';
import { z } from 'zod/v4';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './limits.js';

/**
 * The security part of the configuration (README, "Access and limits"), read from the same
 * environment as the rest: caller authentication, introspection, CORS, callback hosts and limits.
 */
export interface SecurityConfig {
  /** API_KEYS_FILE: JSON file of hashed API keys, re-read on SIGHUP. */
  apiKeysFile: string | undefined;
  /** The sandbox key (every scope); only in sandbox mode. SANDBOX_API_KEY, or random per start. */
  sandboxApiKey: string | undefined;
  jwt: { jwksUrl: string; issuer: string | undefined; audience: string | undefined; scopeClaim: string; providersClaim: string } | undefined;
  /** Introspection and "Did you mean" suggestions (INTROSPECTION; default on in sandbox mode only). */
  introspection: boolean;
  /** CORS_ORIGINS: exact origins browsers may call from; empty = no cross-origin access. */
  corsOrigins: string[];
  /** REPORT_CALLBACK_HOSTS: `host[:port]` a report callbackUrl may point at; empty = the gateway's own public URL only. */
  reportCallbackHosts: string[];
  limits: QueryLimits;
  /** TRUSTED_DOCUMENTS: run only registered operations, read from these directories; undefined = off. */
  trustedDocuments: string[] | undefined;
}

const optional = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();
const list = optional.transform((value) => (value ? value.split(',').map((item) => item.trim()).filter((item) => item !== '') : []));
/** Empty or blank is unset (the default), never 0. */
const positive = (fallback: number) =>
  optional
    .transform((value) => (value === undefined ? undefined : Number(value)))
    .pipe(z.number().int().positive().optional())
    .transform((value) => value ?? fallback);

const securityEnvironment = z.object({
  API_KEYS_FILE: optional,
  SANDBOX_API_KEY: optional.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  JWT_JWKS_URL: optional.pipe(z.string().url().optional()),
  JWT_ISSUER: optional,
  JWT_AUDIENCE: optional,
  JWT_SCOPE_CLAIM: optional,
  JWT_PROVIDERS_CLAIM: optional,
  INTROSPECTION: z.enum(['true', 'false', '']).optional(),
  TRUSTED_DOCUMENTS: z.enum(['true', 'false', '']).optional(),
  TRUSTED_DOCUMENTS_DIR: optional,
  CORS_ORIGINS: list,
  REPORT_CALLBACK_HOSTS: list,
  QUERY_MAX_TOKENS: positive(DEFAULT_QUERY_LIMITS.maxTokens),
  QUERY_MAX_DEPTH: positive(DEFAULT_QUERY_LIMITS.maxDepth),
  QUERY_MAX_ALIASES: positive(DEFAULT_QUERY_LIMITS.maxAliases),
  QUERY_MAX_DIRECTIVES: positive(DEFAULT_QUERY_LIMITS.maxDirectives),
  QUERY_MAX_FIELD_REPEATS: positive(DEFAULT_QUERY_LIMITS.maxFieldRepeats),
  QUERY_COST_BUDGET: positive(DEFAULT_QUERY_LIMITS.costBudget),
  RATE_LIMIT_COST_PER_MINUTE: positive(DEFAULT_QUERY_LIMITS.costPerMinute),
});

/** Parses the security variables; returns problems (variable: message) instead of throwing. */
export function loadSecurityConfig(
  source: NodeJS.ProcessEnv,
  sandbox: boolean,
): { config: SecurityConfig; problems: string[] } | { config?: undefined; problems: string[] } {
  const parsed = securityEnvironment.safeParse(source);
  if (!parsed.success) return { problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
  const env = parsed.data;
  return {
    problems: [],
    config: {
      apiKeysFile: env.API_KEYS_FILE,
      // 32 random bytes, URL-safe: printed once in the start-up log (sandbox only, README).
      sandboxApiKey: sandbox ? (env.SANDBOX_API_KEY ?? `sbx_${randomBytes(24).toString('base64url')}`) : undefined,
      jwt: env.JWT_JWKS_URL
        ? {
            jwksUrl: env.JWT_JWKS_URL,
            issuer: env.JWT_ISSUER,
            audience: env.JWT_AUDIENCE,
            scopeClaim: env.JWT_SCOPE_CLAIM ?? 'scope',
            providersClaim: env.JWT_PROVIDERS_CLAIM ?? 'providers',
          }
        : undefined,
      introspection: env.INTROSPECTION ? env.INTROSPECTION === 'true' : sandbox,
      corsOrigins: env.CORS_ORIGINS,
      reportCallbackHosts: env.REPORT_CALLBACK_HOSTS,
      // The repository's own operations, plus the operator's directory.
      trustedDocuments:
        env.TRUSTED_DOCUMENTS === 'true' ? ['schema/operations', ...(env.TRUSTED_DOCUMENTS_DIR ? [env.TRUSTED_DOCUMENTS_DIR] : [])] : undefined,
      limits: {
        maxTokens: env.QUERY_MAX_TOKENS,
        maxDepth: env.QUERY_MAX_DEPTH,
        maxAliases: env.QUERY_MAX_ALIASES,
        maxDirectives: env.QUERY_MAX_DIRECTIVES,
        maxFieldRepeats: env.QUERY_MAX_FIELD_REPEATS,
        costBudget: env.QUERY_COST_BUDGET,
        costPerMinute: env.RATE_LIMIT_COST_PER_MINUTE,
      },
    },
  };
}
