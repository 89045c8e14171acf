import { randomBytes } from 'node:crypto';
import { z } from 'zod/v4';
import { DEFAULT_REQUEST_DEADLINE_MS, DEFAULT_UPSTREAM_LIMITS, type UpstreamLimits } from './http/limits.js';
import { DEFAULT_HEAP_GROWING_PERCENT } from './lifecycle/heap-growth.js';
import { optionalString, url, type AnyProviderModule, type ProviderConfig } from './providers/module.js';
import { DEFAULT_MODULES } from './providers/modules.js';
import { MIN_SECRET_KEY_CHARS } from './security/secret-box.js';
import { loadSecurityConfig, type SecurityConfig } from './security/security-config.js';

/**
 * One validated configuration object from the environment: the gateway's own variables plus each
 * provider module's (src/providers/<provider>/module.ts). Every variable is listed in the README;
 * an invalid one stops start-up with a message naming it.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off', ''])
  .transform((value) => (value === '' ? undefined : ['true', '1', 'yes', 'on'].includes(value)))
  .optional();

/**
 * A whole-number variable: empty or blank is unset (its default), as for every other variable —
 * never 0 (z.coerce alone reads `HEAP_GROWING_PERCENT=` as 0, `SHUTDOWN_GRACE_MS=` as no grace).
 */
const integer = (min: number, max: number, fallback: number) =>
  optionalString
    .transform((value) => (value === undefined ? undefined : Number(value)))
    .pipe(z.number().int().min(min).max(max).optional())
    .transform((value) => value ?? fallback);

const gatewaySchema = {
  PORT: integer(0, 65535, 4000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CACHE_URL: optionalString.pipe(url.optional()),
  // Where providers can reach this gateway (report webhooks' default callbackUrl); see README.
  PUBLIC_BASE_URL: optionalString.pipe(url.optional()),
  SANDBOX: booleanFlag,
  // Encrypts secrets kept in the keyv store (webhook signing keys); see README "Configuration".
  GATEWAY_SECRETS_KEY: optionalString.pipe(z.string().min(MIN_SECRET_KEY_CHARS, `must be at least ${MIN_SECRET_KEY_CHARS} characters`).optional()),
  // Deadlines and the body cap (src/http/limits.ts has the defaults and their reasons).
  UPSTREAM_BUDGET_MS: integer(1, 300_000, DEFAULT_UPSTREAM_LIMITS.operationBudgetMs),
  REQUEST_DEADLINE_MS: integer(1, 600_000, DEFAULT_REQUEST_DEADLINE_MS),
  UPSTREAM_MAX_BODY_BYTES: integer(1024, Number.MAX_SAFE_INTEGER, DEFAULT_UPSTREAM_LIMITS.maxBodyBytes),
  // Delay every simulator answer (ms), to see how queries cope with a provider across a network.
  SANDBOX_LATENCY_MS: integer(0, 60_000, 0),
  // Operations (docs/operations.md): how long in-flight requests get on SIGTERM/SIGINT, and tracing.
  SHUTDOWN_GRACE_MS: integer(0, 600_000, 10_000),
  // V8's old-generation growth past the live heap (src/lifecycle/heap-growth.ts); 0 = V8's own heuristic.
  HEAP_GROWING_PERCENT: integer(0, 1000, DEFAULT_HEAP_GROWING_PERCENT),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalString.pipe(url.optional()),
  OTEL_SERVICE_NAME: z.string().trim().min(1).default('open-finance-gateway'),
  // The BI change feed's transaction store (src/store): SQLite in this directory unless DATABASE_URL names PostgreSQL.
  TRANSACTION_STORE_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: optionalString.pipe(z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL').optional()),
  // transactionsSync re-reads a scope from its providers once its data is older than this (0 = on every call).
  TRANSACTION_SYNC_MAX_AGE_SECONDS: integer(0, 86_400, 300),
};

type GatewayEnvironment = z.infer<z.ZodObject<typeof gatewaySchema>>;

export interface GatewayConfig {
  port: number;
  host: string;
  logLevel: GatewayEnvironment['LOG_LEVEL'];
  cacheUrl: string | undefined;
  /** PUBLIC_BASE_URL: the gateway as providers reach it, for callback URLs; unset = unknown. */
  publicBaseUrl: string | undefined;
  /**
   * GATEWAY_SECRETS_KEY: key material for the secret box (src/security/secret-box.ts) that encrypts
   * secrets kept in the keyv store. Unset: a random key per process in the sandbox; none otherwise
   * (operations that must keep a secret then answer an error naming the variable).
   */
  secretsKey: string | undefined;
  /** Providers talk to the bundled simulators (only their base URLs and credentials change). */
  sandbox: boolean;
  /** UPSTREAM_BUDGET_MS, UPSTREAM_MAX_BODY_BYTES. */
  upstreamLimits: Pick<UpstreamLimits, 'operationBudgetMs' | 'maxBodyBytes'>;
  /** REQUEST_DEADLINE_MS: overall deadline of one GraphQL request. */
  requestDeadlineMs: number;
  /** SANDBOX_LATENCY_MS: delay before every simulator answer; 0 = none. */
  sandboxLatencyMs: number;
  /** SHUTDOWN_GRACE_MS: how long in-flight requests may run after SIGTERM/SIGINT before they are cut. */
  shutdownGraceMs: number;
  /** HEAP_GROWING_PERCENT: applied by `npm start` (src/main.ts) before the gateway starts; 0 = V8's own. */
  heapGrowingPercent: number;
  /** OTLP/HTTP collector base URL (`/v1/traces` is appended); unset = tracing off. */
  otlpEndpoint: string | undefined;
  serviceName: string;
  /** TRANSACTION_STORE_DIR, DATABASE_URL: where the change feed's transaction store lives (src/store). */
  transactionStore: { dir: string; databaseUrl: string | undefined };
  /** TRANSACTION_SYNC_MAX_AGE_SECONDS: data older than this is re-read from the providers by transactionsSync. */
  syncMaxAgeSeconds: number;
  /** The provider modules configured, in fan-out order: DEFAULT_MODULES unless a test adds its own. */
  modules: readonly AnyProviderModule[];
  /** Per provider key: its settings (read in every mode) and, with credentials, its real endpoint. */
  providers: Readonly<Record<string, ProviderConfig>>;
  /** Caller authentication, introspection, CORS and query limits (src/security). */
  security: SecurityConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** The environment schema of the gateway and `modules`; a variable claimed twice is a programming error. */
function environmentSchema(modules: readonly AnyProviderModule[]) {
  const shape: Record<string, z.ZodType> = { ...gatewaySchema };
  const keys = new Set<string>();
  for (const module of modules) {
    if (keys.has(module.key)) throw new Error(`Provider ${module.key} is listed twice`);
    keys.add(module.key);
    for (const [variable, schema] of Object.entries(module.environment)) {
      if (variable in shape) throw new Error(`${variable} is claimed by ${module.key} and another module`);
      shape[variable] = schema;
    }
  }
  return z.object(shape);
}

/** The provider part of the configuration alone: each module's settings and real endpoint (`npm run sandbox`, tests). */
export function loadProviderConfig(
  source: NodeJS.ProcessEnv = process.env,
  modules: readonly AnyProviderModule[] = DEFAULT_MODULES,
): Pick<GatewayConfig, 'modules' | 'providers'> {
  const parsed = environmentSchema(modules).safeParse(source);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  const problems: string[] = [];
  const providers = Object.fromEntries(modules.map((module) => [module.key, module.configure(parsed.data, problems)]));
  if (problems.length > 0) throw new ConfigError(problems);
  return { modules, providers };
}

/**
 * Reads the environment for the gateway and `modules` (default: DEFAULT_MODULES). SANDBOX defaults to
 * on exactly when no provider has credentials; a partial credential group, or SANDBOX off with no
 * credentials at all, is a ConfigError.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, modules: readonly AnyProviderModule[] = DEFAULT_MODULES): GatewayConfig {
  const parsed = environmentSchema(modules).safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data as Record<string, unknown> & GatewayEnvironment;
  const { providers } = loadProviderConfig(source, modules);

  const anyCredentials = Object.values(providers).some((provider) => provider.endpoint !== null);
  // SANDBOX defaults to on exactly when no provider has credentials (issue 2, item 2).
  const sandbox = env.SANDBOX ?? !anyCredentials;
  if (!sandbox && !anyCredentials) {
    throw new ConfigError(['SANDBOX: is off but no provider has credentials, so the gateway would serve nothing']);
  }
  const security = loadSecurityConfig(source, sandbox);
  if (!security.config) throw new ConfigError(security.problems);
  return {
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    cacheUrl: env.CACHE_URL,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    secretsKey: env.GATEWAY_SECRETS_KEY ?? (sandbox ? randomBytes(32).toString('base64') : undefined),
    sandbox,
    upstreamLimits: { operationBudgetMs: env.UPSTREAM_BUDGET_MS, maxBodyBytes: env.UPSTREAM_MAX_BODY_BYTES },
    requestDeadlineMs: env.REQUEST_DEADLINE_MS,
    sandboxLatencyMs: env.SANDBOX_LATENCY_MS,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    heapGrowingPercent: env.HEAP_GROWING_PERCENT,
    otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
    serviceName: env.OTEL_SERVICE_NAME,
    transactionStore: { dir: env.TRANSACTION_STORE_DIR, databaseUrl: env.DATABASE_URL },
    syncMaxAgeSeconds: env.TRANSACTION_SYNC_MAX_AGE_SECONDS,
    modules,
    providers,
    security: security.config,
  };
}
