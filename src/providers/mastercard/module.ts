import { z } from 'zod/v4';
import {
  MASTERCARD_AU_SANDBOX_CREDENTIALS,
  MASTERCARD_US_SANDBOX_CREDENTIALS,
  startMastercardSimulator,
} from '../../sandbox/mastercard/index.js';
import { credentialGroup, defineProviderModule, optionalString, url, type AdapterDependencies, type SimulatorOptions } from '../module.js';
import { createMastercardAdapter } from './adapter.js';
import { AU_ACCESS_MODELS, AU_REGION, type AuAccessModel } from './au.js';
import { createMastercardAuAdapter } from './au-adapter.js';
import { createMastercardConnect } from './connect-module.js';
import type { FinicityCredentials } from './finicity-client.js';
import { AU_LENDING, createMastercardLending, createReportTracker, US_LENDING, type LendingRegion } from './lending/index.js';
import { US_REGION } from './us.js';

/** Sandbox knobs of both regions (tests): token lifetime and report generation time. */
export interface MastercardSandboxKnobs {
  /** Token lifetime, default 7200 s (tests expire tokens with it). */
  tokenTtlSeconds?: number;
  /** How long a report takes to generate, default 3000 ms. */
  reportDelayMs?: number;
  /** AU consent notifications: waits between delivery attempts (tests set them to milliseconds). */
  consentRetryDelaysMs?: readonly number[];
}

/** Lending (issue 6): composed onto the adapter; one report tracker per region. */
function lendingOptions(region: LendingRegion, deps: AdapterDependencies, reseller = false) {
  const tracker = createReportTracker({
    provider: region.provider,
    store: deps.store,
    publicBaseUrl: deps.publicBaseUrl,
    events: deps.events,
    ...(deps.now ? { now: deps.now } : {}),
  });
  // Report statuses derive from the customer's data: a consent purge reaches them (src/domain/purge.ts).
  deps.purge.register(tracker.purgeTarget);
  return {
    reseller,
    tracker,
    ...(deps.now ? { now: deps.now } : {}),
  };
}

function shared(deps: AdapterDependencies) {
  return {
    tokens: deps.tokens,
    metrics: deps.metrics,
    ...(deps.limits ? { limits: deps.limits } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  };
}

function simulatorOptions(options: SimulatorOptions<MastercardSandboxKnobs>, reseller = false) {
  const { knobs, ...base } = options;
  return {
    ...base,
    ...(knobs?.tokenTtlSeconds === undefined ? {} : { tokenTtlSeconds: knobs.tokenTtlSeconds }),
    lending: { reseller, ...(knobs?.reportDelayMs === undefined ? {} : { reportDelayMs: knobs.reportDelayMs }) },
    ...(knobs?.consentRetryDelaysMs === undefined ? {} : { consentRetryDelaysMs: knobs.consentRetryDelaysMs }),
  };
}

export interface MastercardUsSettings {
  /** MASTERCARD_US_RESELLER: the partner resells, so new consumers need `endUser` (seed 001, "Reseller Partners"; error 1201). */
  reseller: boolean;
}

const credentials = (prefix: string) => ({
  partnerId: `${prefix}_PARTNER_ID`,
  partnerSecret: `${prefix}_PARTNER_SECRET`,
  appKey: `${prefix}_APP_KEY`,
});

/** Mastercard Open Finance US (Finicity): all three credentials enable it. */
export const mastercardUsModule = defineProviderModule<MastercardUsSettings, FinicityCredentials, MastercardSandboxKnobs>({
  key: 'MASTERCARD_US',
  environment: {
    MASTERCARD_US_BASE_URL: url.default('https://api.finicity.com'),
    MASTERCARD_US_PARTNER_ID: optionalString,
    MASTERCARD_US_PARTNER_SECRET: optionalString,
    MASTERCARD_US_APP_KEY: optionalString,
    // Empty = unset, like the other optional variables.
    MASTERCARD_US_RESELLER: z.enum(['true', 'false', '']).default('false'),
  },
  configure(env, problems) {
    const found = credentialGroup(env, credentials('MASTERCARD_US'), problems);
    return {
      settings: { reseller: env.MASTERCARD_US_RESELLER === 'true' },
      endpoint: found ? { baseUrl: String(env.MASTERCARD_US_BASE_URL), credentials: found } : null,
    };
  },
  createAdapter(setup, deps) {
    const us = createMastercardAdapter({ region: US_REGION, baseUrl: setup.baseUrl, credentials: setup.credentials, ...shared(deps) });
    // The spread keeps `key`, `close` and `client`.
    return { ...us, ...createMastercardLending(us.client, US_LENDING, lendingOptions(US_LENDING, deps, setup.settings.reseller)) };
  },
  async startSimulator(settings, options) {
    // The simulator treats its partner as a reseller exactly when the gateway is told it is one.
    const simulator = await startMastercardSimulator({ ...simulatorOptions(options, settings.reseller), region: 'US' });
    return { simulator, endpoint: { baseUrl: simulator.url, credentials: MASTERCARD_US_SANDBOX_CREDENTIALS } };
  },
});

export interface MastercardAuSettings {
  /** MASTERCARD_AU_ACCESS_MODEL: the CDR access model, which decides the customer category / ABN rules. */
  accessModel: AuAccessModel;
}

/** Mastercard Open Banking Australia: all three credentials enable it; the access model applies on the sandbox too. */
export const mastercardAuModule = defineProviderModule<MastercardAuSettings, FinicityCredentials, MastercardSandboxKnobs>({
  key: 'MASTERCARD_AU',
  environment: {
    MASTERCARD_AU_BASE_URL: url.default('https://api.openbanking.mastercard.com.au'),
    MASTERCARD_AU_PARTNER_ID: optionalString,
    MASTERCARD_AU_PARTNER_SECRET: optionalString,
    MASTERCARD_AU_APP_KEY: optionalString,
    // CDR access models (seed 000, "Customer category"): BCDC partners may only hold BUSINESS customers.
    MASTERCARD_AU_ACCESS_MODEL: z.enum(AU_ACCESS_MODELS).default('CDR_REPRESENTATIVE'),
  },
  configure(env, problems) {
    const found = credentialGroup(env, credentials('MASTERCARD_AU'), problems);
    return {
      settings: { accessModel: env.MASTERCARD_AU_ACCESS_MODEL as AuAccessModel },
      endpoint: found ? { baseUrl: String(env.MASTERCARD_AU_BASE_URL), credentials: found } : null,
    };
  },
  createAdapter(setup, deps) {
    const au = createMastercardAuAdapter({
      baseUrl: setup.baseUrl,
      credentials: setup.credentials,
      accessModel: setup.settings.accessModel,
      store: deps.store,
      purge: deps.purge,
      events: deps.events,
      ...shared(deps),
    });
    deps.purge.register(au.consentBook.purgeTarget);
    return {
      ...au,
      ...createMastercardLending(au.client, AU_LENDING, lendingOptions(AU_LENDING, deps)),
      ...createMastercardConnect(AU_REGION, au.client, setup.credentials, deps),
    };
  },
  async startSimulator(settings, options) {
    // The simulator enforces the same access model as the partner's real credentials would.
    const simulator = await startMastercardSimulator({ ...simulatorOptions(options), region: 'AU', accessModel: settings.accessModel });
    return { simulator, endpoint: { baseUrl: simulator.url, credentials: MASTERCARD_AU_SANDBOX_CREDENTIALS } };
  },
});
