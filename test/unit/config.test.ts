import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { configuredEndpoints } from '../../src/providers/registry.js';

describe('configuration', () => {
  it('defaults to the sandbox when no credentials are set', () => {
    const config = loadConfig({});
    expect(config.sandbox).toBe(true);
    expect(config.port).toBe(4000);
    expect(Object.values(config.providers).every((provider) => provider.endpoint === null)).toBe(true);
    expect(Object.keys(config.providers)).toEqual(['MASTERCARD_AU', 'MASTERCARD_US', 'CAIBO_IPG', 'OBP']);
  });

  it('enables exactly the providers with credentials when SANDBOX is off', () => {
    const config = loadConfig({
      MASTERCARD_US_PARTNER_ID: 'p',
      MASTERCARD_US_PARTNER_SECRET: 's',
      MASTERCARD_US_APP_KEY: 'k',
    });
    expect(config.sandbox).toBe(false);
    expect(Object.keys(configuredEndpoints(config.providers))).toEqual(['MASTERCARD_US']);
    expect(config.providers.MASTERCARD_US?.endpoint?.baseUrl).toBe('https://api.finicity.com');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ CACHE_URL: 'not a url' }, 'CACHE_URL'],
    [{ MASTERCARD_US_PARTNER_ID: 'p' }, 'MASTERCARD_US_PARTNER_SECRET'],
    [{ MASTERCARD_US_BASE_URL: 'ftp//nope' }, 'MASTERCARD_US_BASE_URL'],
    [{ SANDBOX: 'false' }, 'SANDBOX'],
    [{ SANDBOX: 'maybe' }, 'SANDBOX'],
  ])('names the bad variable in %j', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });
});

describe('configuration of the other providers', () => {
  it('prefers a Caibo API key over a login and accepts a login alone', () => {
    const both = loadConfig({ CAIBO_API_KEY: 'k', CAIBO_EMAIL: 'a@b.c', CAIBO_PASSWORD: 'p' });
    expect(both.providers.CAIBO_IPG?.endpoint?.credentials).toEqual({ kind: 'apiKey', apiKey: 'k' });
    const login = loadConfig({ CAIBO_EMAIL: 'a@b.c', CAIBO_PASSWORD: 'p' });
    expect(login.providers.CAIBO_IPG?.endpoint?.credentials).toEqual({ kind: 'login', email: 'a@b.c', password: 'p' });
    expect(login.providers.CAIBO_IPG?.endpoint?.baseUrl).toBe('https://apay.caibo.digital');
  });

  it('parses OBP bank ids and version, and names what is missing or malformed', () => {
    const config = loadConfig({ OBP_USERNAME: 'u', OBP_PASSWORD: 'p', OBP_CONSUMER_KEY: 'c', OBP_BANK_IDS: ' gh.29.uk , de.17.ber,, ' });
    expect(config.providers.OBP?.settings).toEqual({ bankIds: ['gh.29.uk', 'de.17.ber'], apiVersion: 'v5.1.0' });
    // Settings are read in sandbox mode too: only base URLs and credentials are the sandbox's.
    expect(loadConfig({ SANDBOX: 'true', OBP_BANK_IDS: 'gh.29.uk' }).providers.OBP?.settings).toEqual({ bankIds: ['gh.29.uk'], apiVersion: 'v5.1.0' });
    expect(() => loadConfig({ OBP_USERNAME: 'u', OBP_PASSWORD: 'p' })).toThrow('OBP_CONSUMER_KEY');
    expect(() => loadConfig({ OBP_API_VERSION: '5.1' })).toThrow('OBP_API_VERSION');
    expect(() => loadConfig({ CAIBO_EMAIL: 'a@b.c' })).toThrow('CAIBO_PASSWORD');
  });

  it('reads PUBLIC_BASE_URL and rejects a malformed one', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://gw.example.com' }).publicBaseUrl).toBe('https://gw.example.com');
    expect(loadConfig({}).publicBaseUrl).toBeUndefined();
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'gw.example.com' })).toThrow('PUBLIC_BASE_URL');
  });

  it('places the transaction store (SQLite dir, or PostgreSQL) and never echoes a bad DATABASE_URL', () => {
    expect(loadConfig({}).transactionStore).toEqual({ dir: './data', databaseUrl: undefined });
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/gw', TRANSACTION_STORE_DIR: '/var/lib/gw' }).transactionStore).toEqual({ dir: '/var/lib/gw', databaseUrl: 'postgres://u@db:5432/gw' });
    expect(loadConfig({ TRANSACTION_SYNC_MAX_AGE_SECONDS: '0' }).syncMaxAgeSeconds).toBe(0);
    expect(() => loadConfig({ TRANSACTION_SYNC_MAX_AGE_SECONDS: '-1' })).toThrow('TRANSACTION_SYNC_MAX_AGE_SECONDS');
    const bad = () => loadConfig({ DATABASE_URL: 'mysql://admin:s3cret@db/gw' });
    expect(bad).toThrow('DATABASE_URL');
    expect(bad).not.toThrow('s3cret');
  });
});

describe('empty numeric variables', () => {
  /** Every whole-number variable and where loadConfig puts it. */
  const NUMERIC: ReadonlyArray<[string, (config: ReturnType<typeof loadConfig>) => number]> = [
    ['PORT', (config) => config.port],
    ['UPSTREAM_BUDGET_MS', (config) => config.upstreamLimits.operationBudgetMs],
    ['REQUEST_DEADLINE_MS', (config) => config.requestDeadlineMs],
    ['UPSTREAM_MAX_BODY_BYTES', (config) => config.upstreamLimits.maxBodyBytes],
    ['SANDBOX_LATENCY_MS', (config) => config.sandboxLatencyMs],
    ['SHUTDOWN_GRACE_MS', (config) => config.shutdownGraceMs],
    ['HEAP_GROWING_PERCENT', (config) => config.heapGrowingPercent],
    ['TRANSACTION_SYNC_MAX_AGE_SECONDS', (config) => config.syncMaxAgeSeconds],
    ['QUERY_MAX_DEPTH', (config) => config.security.limits.maxDepth],
    ['QUERY_COST_BUDGET', (config) => config.security.limits.costBudget],
  ];

  it('HEAP_GROWING_PERCENT= (empty) is unset: the default 100, not 0', () => {
    expect(loadConfig({ HEAP_GROWING_PERCENT: '' }).heapGrowingPercent).toBe(100);
    expect(loadConfig({ HEAP_GROWING_PERCENT: '0' }).heapGrowingPercent).toBe(0);
    expect(loadConfig({ HEAP_GROWING_PERCENT: ' 250 ' }).heapGrowingPercent).toBe(250);
  });

  it('an empty or blank value is the default, like unset, for every numeric variable', () => {
    const defaults = loadConfig({});
    fc.assert(
      fc.property(fc.constantFrom(...NUMERIC), fc.constantFrom('', ' ', '  ', '\t', ' \t '), ([variable, read], blank) => {
        expect(read(loadConfig({ [variable]: blank }))).toBe(read(defaults));
      }),
    );
  });

  it.each([['HEAP_GROWING_PERCENT', 'lots'], ['HEAP_GROWING_PERCENT', '1001'], ['PORT', '-1'], ['SHUTDOWN_GRACE_MS', '1.5'], ['QUERY_MAX_DEPTH', '0']])(
    'still names a bad value: %s=%s',
    (variable, value) => {
      expect(() => loadConfig({ [variable]: value })).toThrow(variable);
    },
  );
});

