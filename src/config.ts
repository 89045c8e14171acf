import { z } from 'zod';
import { DEFAULT_REQUEST_DEADLINE_MS, DEFAULT_UPSTREAM_LIMITS, type UpstreamLimits } from './http/limits.js';
import { loadSecurityConfig, type SecurityConfig } from './security/security-config.js';

/**
 * One validated configuration object from the environment. Every variable is listed in the
 * README; an invalid one stops start-up with a message naming it.
 */
const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off', ''])
  .transform((value) => (value === '' ? undefined : ['true', '1', 'yes', 'on'].includes(value)))
  .optional();

const url = z.string().trim().url();

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CACHE_URL: optionalString.pipe(url.optional()),
  // Where providers can reach this gateway (report webhooks' default callbackUrl); see README.
  PUBLIC_BASE_URL: optionalString.pipe(url.optional()),
  SANDBOX: booleanFlag,
  // Deadlines and the body cap (src/http/limits.ts has the defaults and their reasons).
  UPSTREAM_BUDGET_MS: z.coerce.number().int().min(1).max(300_000).default(DEFAULT_UPSTREAM_LIMITS.operationBudgetMs),
  REQUEST_DEADLINE_MS: z.coerce.number().int().min(1).max(600_000).default(DEFAULT_REQUEST_DEADLINE_MS),
  UPSTREAM_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_UPSTREAM_LIMITS.maxBodyBytes),
  // Delay every simulator answer (ms), to see how queries cope with a provider across a network.
  SANDBOX_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  // Operations (docs/operations.md): how long in-flight requests get on SIGTERM/SIGINT, and tracing.
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalString.pipe(url.optional()),
  OTEL_SERVICE_NAME: z.string().trim().min(1).default('open-finance-gateway'),
  MASTERCARD_US_BASE_URL: url.default('https://api.finicity.com'),
  MASTERCARD_US_PARTNER_ID: optionalString,
  MASTERCARD_US_PARTNER_SECRET: optionalString,
  MASTERCARD_US_APP_KEY: optionalString,
  MASTERCARD_AU_BASE_URL: url.default('https://api.openbanking.mastercard.com.au'),
  MASTERCARD_AU_PARTNER_ID: optionalString,
  MASTERCARD_AU_PARTNER_SECRET: optionalString,
  MASTERCARD_AU_APP_KEY: optionalString,
  // CDR access models (seed 000, "Customer category"): BCDC partners may only hold BUSINESS customers.
  MASTERCARD_AU_ACCESS_MODEL: z.enum(['OSP', 'CDR_REPRESENTATIVE', 'BCDC']).default('CDR_REPRESENTATIVE'),
  CAIBO_BASE_URL: url.default('https://apay.caibo.digital'),
  CAIBO_API_KEY: optionalString,
  CAIBO_EMAIL: optionalString,
  CAIBO_PASSWORD: optionalString,
  OBP_BASE_URL: url.default('https://apisandbox.openbankproject.com'),
  OBP_USERNAME: optionalString,
  OBP_PASSWORD: optionalString,
  OBP_CONSUMER_KEY: optionalString,
  OBP_BANK_IDS: optionalString,
  OBP_API_VERSION: z.string().trim().regex(/^v\d+\.\d+\.\d+$/, 'must look like v5.1.0').default('v5.1.0'),
});

export type Environment = z.infer<typeof environmentSchema>;

export interface MastercardCredentials {
  partnerId: string;
  partnerSecret: string;
  appKey: string;
}

export type CaiboCredentials = { kind: 'apiKey'; apiKey: string } | { kind: 'login'; email: string; password: string };

export interface ObpCredentials {
  username: string;
  password: string;
  consumerKey: string;
}

export interface ProviderEndpoint<C> {
  baseUrl: string;
  credentials: C;
}

export interface GatewayConfig {
  port: number;
  host: string;
  logLevel: Environment['LOG_LEVEL'];
  cacheUrl: string | undefined;
  /** PUBLIC_BASE_URL: the gateway as providers reach it, for callback URLs; unset = unknown. */
  publicBaseUrl: string | undefined;
  sandbox: boolean;
  /** UPSTREAM_BUDGET_MS, UPSTREAM_MAX_BODY_BYTES. */
  upstreamLimits: Pick<UpstreamLimits, 'operationBudgetMs' | 'maxBodyBytes'>;
  /** REQUEST_DEADLINE_MS: overall deadline of one GraphQL request. */
  requestDeadlineMs: number;
  /** SANDBOX_LATENCY_MS: delay before every simulator answer; 0 = none. */
  sandboxLatencyMs: number;
  /** SHUTDOWN_GRACE_MS: how long in-flight requests may run after SIGTERM/SIGINT before they are cut. */
  shutdownGraceMs: number;
  /** OTLP/HTTP collector base URL (`/v1/traces` is appended); unset = tracing off. */
  otlpEndpoint: string | undefined;
  serviceName: string;
  providers: {
    MASTERCARD_US?: ProviderEndpoint<MastercardCredentials>;
    MASTERCARD_AU?: ProviderEndpoint<MastercardCredentials> & { accessModel: Environment['MASTERCARD_AU_ACCESS_MODEL'] };
    CAIBO_IPG?: ProviderEndpoint<CaiboCredentials>;
    OBP?: ProviderEndpoint<ObpCredentials> & { bankIds: string[] | null; apiVersion: string };
  };
  mastercardAuAccessModel: Environment['MASTERCARD_AU_ACCESS_MODEL'];
  obpBankIds: string[] | null;
  obpApiVersion: string;
  /** Caller authentication, introspection, CORS and query limits (src/security). */
  security: SecurityConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Credentials of one provider: all set, none set, or a ConfigError naming the missing ones. */
function credentialGroup<K extends string>(
  env: Environment,
  names: Record<K, keyof Environment>,
  problems: string[],
): Record<K, string> | undefined {
  const entries = Object.entries(names) as Array<[K, keyof Environment]>;
  const set = entries.filter(([, variable]) => env[variable] !== undefined);
  if (set.length === 0) return undefined;
  if (set.length < entries.length) {
    const missing = entries.filter(([, variable]) => env[variable] === undefined).map(([, variable]) => variable);
    problems.push(`${missing.join(', ')}: required when ${set.map(([, v]) => v).join(', ')} is set`);
    return undefined;
  }
  return Object.fromEntries(entries.map(([key, variable]) => [key, String(env[variable])])) as Record<K, string>;
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = environmentSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  const problems: string[] = [];
  const mastercardUs = credentialGroup(
    env,
    { partnerId: 'MASTERCARD_US_PARTNER_ID', partnerSecret: 'MASTERCARD_US_PARTNER_SECRET', appKey: 'MASTERCARD_US_APP_KEY' },
    problems,
  );
  const mastercardAu = credentialGroup(
    env,
    { partnerId: 'MASTERCARD_AU_PARTNER_ID', partnerSecret: 'MASTERCARD_AU_PARTNER_SECRET', appKey: 'MASTERCARD_AU_APP_KEY' },
    problems,
  );
  const caiboLogin = credentialGroup(env, { email: 'CAIBO_EMAIL', password: 'CAIBO_PASSWORD' }, problems);
  // Caibo documents two auth modes; an API key wins when both are configured (caibo-notes.md, Auth).
  const caibo: CaiboCredentials | undefined = env.CAIBO_API_KEY
    ? { kind: 'apiKey', apiKey: env.CAIBO_API_KEY }
    : caiboLogin
      ? { kind: 'login', ...caiboLogin }
      : undefined;
  const obp = credentialGroup(
    env,
    { username: 'OBP_USERNAME', password: 'OBP_PASSWORD', consumerKey: 'OBP_CONSUMER_KEY' },
    problems,
  );
  const obpBankIds = env.OBP_BANK_IDS
    ? env.OBP_BANK_IDS.split(',').map((id) => id.trim()).filter((id) => id !== '')
    : null;
  if (problems.length > 0) throw new ConfigError(problems);

  const anyCredentials = [mastercardUs, mastercardAu, caibo, obp].some((group) => group !== undefined);
  // SANDBOX defaults to on exactly when no provider has credentials (issue 2, item 2).
  const sandbox = env.SANDBOX ?? !anyCredentials;
  const providers: GatewayConfig['providers'] = {};
  if (!sandbox) {
    if (mastercardUs) providers.MASTERCARD_US = { baseUrl: env.MASTERCARD_US_BASE_URL, credentials: mastercardUs };
    if (mastercardAu) {
      providers.MASTERCARD_AU = {
        baseUrl: env.MASTERCARD_AU_BASE_URL,
        credentials: mastercardAu,
        accessModel: env.MASTERCARD_AU_ACCESS_MODEL,
      };
    }
    if (caibo) providers.CAIBO_IPG = { baseUrl: env.CAIBO_BASE_URL, credentials: caibo };
    if (obp) {
      providers.OBP = { baseUrl: env.OBP_BASE_URL, credentials: obp, bankIds: obpBankIds, apiVersion: env.OBP_API_VERSION };
    }
  }
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
    sandbox,
    upstreamLimits: { operationBudgetMs: env.UPSTREAM_BUDGET_MS, maxBodyBytes: env.UPSTREAM_MAX_BODY_BYTES },
    requestDeadlineMs: env.REQUEST_DEADLINE_MS,
    sandboxLatencyMs: env.SANDBOX_LATENCY_MS,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
    serviceName: env.OTEL_SERVICE_NAME,
    providers,
    mastercardAuAccessModel: env.MASTERCARD_AU_ACCESS_MODEL,
    obpBankIds,
    obpApiVersion: env.OBP_API_VERSION,
    security: security.config,
  };
}
