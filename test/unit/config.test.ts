import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('configuration', () => {
  it('defaults to the sandbox when no credentials are set', () => {
    const config = loadConfig({});
    expect(config.sandbox).toBe(true);
    expect(config.port).toBe(4000);
    expect(config.providers).toEqual({});
  });

  it('enables exactly the providers with credentials when SANDBOX is off', () => {
    const config = loadConfig({
      MASTERCARD_US_PARTNER_ID: 'p',
      MASTERCARD_US_PARTNER_SECRET: 's',
      MASTERCARD_US_APP_KEY: 'k',
    });
    expect(config.sandbox).toBe(false);
    expect(Object.keys(config.providers)).toEqual(['MASTERCARD_US']);
    expect(config.providers.MASTERCARD_US?.baseUrl).toBe('https://api.finicity.com');
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
