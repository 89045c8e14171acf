import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { configuredEndpoints } from '../../src/providers/registry.js';

const AU = { MASTERCARD_AU_PARTNER_ID: 'p', MASTERCARD_AU_PARTNER_SECRET: 's', MASTERCARD_AU_APP_KEY: 'k' };

const problemsOf = (env: NodeJS.ProcessEnv): string => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  return '';
};

describe('Mastercard AU configuration (issue 3, item 1)', () => {
  it('enables AU with its credentials, on the AU host, CDR representative by default', () => {
    const config = loadConfig(AU);
    expect(config.sandbox).toBe(false);
    expect(Object.keys(configuredEndpoints(config.providers))).toEqual(['MASTERCARD_AU']);
    expect(config.providers.MASTERCARD_AU).toEqual({
      endpoint: { baseUrl: 'https://api.openbanking.mastercard.com.au', credentials: { partnerId: 'p', partnerSecret: 's', appKey: 'k' } },
      settings: { accessModel: 'CDR_REPRESENTATIVE' },
    });
  });

  it('takes OSP and BCDC and refuses other access models by name', () => {
    expect(loadConfig({ ...AU, MASTERCARD_AU_ACCESS_MODEL: 'BCDC' }).providers.MASTERCARD_AU?.settings).toEqual({ accessModel: 'BCDC' });
    expect(loadConfig({ ...AU, MASTERCARD_AU_ACCESS_MODEL: 'OSP' }).providers.MASTERCARD_AU?.settings).toEqual({ accessModel: 'OSP' });
    expect(loadConfig({ MASTERCARD_AU_ACCESS_MODEL: 'BCDC' }).providers.MASTERCARD_AU?.settings).toEqual({ accessModel: 'BCDC' });
    expect(problemsOf({ ...AU, MASTERCARD_AU_ACCESS_MODEL: 'ADR' })).toContain('MASTERCARD_AU_ACCESS_MODEL');
  });

  it('names the missing AU variables when only some are set, like the US provider', () => {
    const message = problemsOf({ MASTERCARD_AU_PARTNER_ID: 'p' });
    expect(message).toContain('MASTERCARD_AU_PARTNER_SECRET');
    expect(message).toContain('MASTERCARD_AU_APP_KEY');
    expect(problemsOf({ ...AU, MASTERCARD_AU_BASE_URL: 'not a url' })).toContain('MASTERCARD_AU_BASE_URL');
  });
});
