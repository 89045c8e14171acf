import { CAIBO_SANDBOX_CREDENTIALS, startCaiboSimulator } from '../../sandbox/caibo/index.js';
import { credentialGroup, defineProviderModule, optionalString, url } from '../module.js';
import { createCaiboAdapter } from './adapter.js';
import type { CaiboCredentials } from './credentials.js';

/** Sandbox knobs (tests). */
export interface CaiboSandboxKnobs {
  /** Which auth mode the gateway uses against the simulator: `apiKey` (default) or `login` (expiring bearer tokens). */
  auth?: 'apiKey' | 'login';
  /** Lifetime of the simulator's login tokens, default 3600 s. */
  accessTokenTtlSeconds?: number;
  /** How long each automatic payment-request status step takes, default 5000 ms. */
  paymentStatusStepMs?: number;
}

/** Caibo IPG: CAIBO_API_KEY, or CAIBO_EMAIL + CAIBO_PASSWORD; the API key wins when both are set. */
export const caiboModule = defineProviderModule<Record<string, never>, CaiboCredentials, CaiboSandboxKnobs>({
  key: 'CAIBO_IPG',
  environment: {
    CAIBO_BASE_URL: url.default('https://apay.caibo.digital'),
    CAIBO_API_KEY: optionalString,
    CAIBO_EMAIL: optionalString,
    CAIBO_PASSWORD: optionalString,
  },
  configure(env, problems) {
    const login = credentialGroup(env, { email: 'CAIBO_EMAIL', password: 'CAIBO_PASSWORD' }, problems);
    // Two documented auth modes; an API key wins when both are configured (caibo-notes.md, Auth).
    const credentials: CaiboCredentials | undefined =
      typeof env.CAIBO_API_KEY === 'string' ? { kind: 'apiKey', apiKey: env.CAIBO_API_KEY } : login ? { kind: 'login', ...login } : undefined;
    return { settings: {}, endpoint: credentials ? { baseUrl: String(env.CAIBO_BASE_URL), credentials } : null };
  },
  createAdapter(setup, deps) {
    return createCaiboAdapter({
      baseUrl: setup.baseUrl,
      credentials: setup.credentials,
      tokens: deps.tokens,
      metrics: deps.metrics,
      store: deps.store,
      ...(deps.limits ? { limits: deps.limits } : {}),
      ...(deps.now ? { now: deps.now } : {}),
    });
  },
  async startSimulator(_settings, { knobs, ...base }) {
    const simulator = await startCaiboSimulator({
      ...base,
      ...(knobs?.accessTokenTtlSeconds === undefined ? {} : { accessTokenTtlSeconds: knobs.accessTokenTtlSeconds }),
      ...(knobs?.paymentStatusStepMs === undefined ? {} : { paymentStatusStepMs: knobs.paymentStatusStepMs }),
    });
    const { apiKey, email, password } = CAIBO_SANDBOX_CREDENTIALS;
    const credentials: CaiboCredentials = knobs?.auth === 'login' ? { kind: 'login', email, password } : { kind: 'apiKey', apiKey };
    return { simulator, endpoint: { baseUrl: simulator.url, credentials } };
  },
});
