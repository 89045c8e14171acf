import { z } from 'zod/v4';
import { OBP_SANDBOX_CONSUMER_KEY, OBP_SANDBOX_USERS, startObpSimulator } from '../../sandbox/obp/index.js';
import { commaList, credentialGroup, defineProviderModule, optionalString, url } from '../module.js';
import { createObpAdapter } from './adapter.js';
import type { ObpCredentials } from './credentials.js';

export interface ObpSettings {
  /** OBP_BANK_IDS: the banks to expose, in fan-out order; null exposes every bank OBP lists. */
  bankIds: string[] | null;
  /** OBP_API_VERSION, e.g. `v5.1.0`. */
  apiVersion: string;
}

/** Sandbox knobs (tests). */
export interface ObpSandboxKnobs {
  /** DirectLogin token lifetime, default OBP's 4 weeks. */
  tokenTtlSeconds?: number;
  /** Which sandbox user the gateway logs in as: `admin` (default, every role) or `viewer` (no roles). */
  user?: 'admin' | 'viewer';
}

/** Open Bank Project (DirectLogin): OBP_USERNAME, OBP_PASSWORD and OBP_CONSUMER_KEY enable it. */
export const obpModule = defineProviderModule<ObpSettings, ObpCredentials, ObpSandboxKnobs>({
  key: 'OBP',
  environment: {
    OBP_BASE_URL: url.default('https://apisandbox.openbankproject.com'),
    OBP_USERNAME: optionalString,
    OBP_PASSWORD: optionalString,
    OBP_CONSUMER_KEY: optionalString,
    OBP_BANK_IDS: commaList,
    OBP_API_VERSION: z.string().trim().regex(/^v\d+\.\d+\.\d+$/, 'must look like v5.1.0').default('v5.1.0'),
  },
  configure(env, problems) {
    const credentials = credentialGroup(env, { username: 'OBP_USERNAME', password: 'OBP_PASSWORD', consumerKey: 'OBP_CONSUMER_KEY' }, problems);
    return {
      settings: { bankIds: (env.OBP_BANK_IDS as string[] | null) ?? null, apiVersion: String(env.OBP_API_VERSION) },
      endpoint: credentials ? { baseUrl: String(env.OBP_BASE_URL), credentials } : null,
    };
  },
  createAdapter(setup, deps) {
    return createObpAdapter({
      baseUrl: setup.baseUrl,
      credentials: setup.credentials,
      bankIds: setup.settings.bankIds,
      apiVersion: setup.settings.apiVersion,
      tokens: deps.tokens,
      metrics: deps.metrics,
      ...(deps.limits ? { limits: deps.limits } : {}),
      ...(deps.now ? { now: deps.now } : {}),
    });
  },
  async startSimulator(_settings, { knobs, ...base }) {
    // The simulator serves every OBP_VERSIONS path, so OBP_API_VERSION applies on the sandbox too.
    const simulator = await startObpSimulator({
      ...base,
      ...(knobs?.tokenTtlSeconds === undefined ? {} : { tokenTtlSeconds: knobs.tokenTtlSeconds }),
    });
    // OBP_SANDBOX_USERS[0] is the admin (all roles), [1] the viewer (none).
    const user = OBP_SANDBOX_USERS[knobs?.user === 'viewer' ? 1 : 0]!;
    return {
      simulator,
      endpoint: {
        baseUrl: simulator.url,
        credentials: { username: user.username, password: user.password, consumerKey: OBP_SANDBOX_CONSUMER_KEY },
      },
    };
  },
});
