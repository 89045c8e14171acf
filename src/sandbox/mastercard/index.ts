import type { MastercardStore } from './store.js';
import type { FastifyInstance } from 'fastify';
import { listen, type RunningSimulator, type SimulatorBaseOptions } from '../simulator.js';
import { buildMastercardApp } from './app.js';
import type { LendingContext } from './lending-context.js';
import type { AuAccessModel, MastercardRegion } from './region.js';
import { registerLendingRoutes, type LendingOptions } from './lending/index.js';

export type { MastercardRegion, AuAccessModel } from './region.js';
export type { LendingContext } from './lending-context.js';
export type { SimAccount, SimCustomer, SimTransaction, SimConsent, SimInstitutionLogin } from './store.js';
export { isValidAbn, checkAbn, INACTIVE_ABNS, SEED_ABNS } from './abn.js';
export { isValidUsername } from './username.js';

export const MASTERCARD_US_SANDBOX_CREDENTIALS = {
  partnerId: 'sandbox-partner-us',
  partnerSecret: 'sandbox-secret-us',
  appKey: 'sandbox-app-key-us',
};
export const MASTERCARD_AU_SANDBOX_CREDENTIALS = {
  partnerId: 'sandbox-partner-au',
  partnerSecret: 'sandbox-secret-au',
  appKey: 'sandbox-app-key-au',
};

export interface MastercardSimulatorOptions extends SimulatorBaseOptions {
  region: MastercardRegion;
  /** Defaults to the region's sandbox credentials above. */
  credentials?: { partnerId: string; partnerSecret: string; appKey: string };
  /** Token lifetime; default 7200 (US spec: valid 2 h). Tests set it small. */
  tokenTtlSeconds?: number;
  /** Testing customers per partner before error 42000; default 500 (seed 001, Test Customers). */
  testingCustomerLimit?: number;
  /** AU only; default CDR_REPRESENTATIVE ("By default, all credentials under Sandbox are associated with CDR representative model", seed 002). */
  accessModel?: AuAccessModel;
  /** Seed of the deterministic data; default 20240501. */
  seed?: number;
  /** AU: seconds a freshly connected account stays "being aggregated" (325/5006); default 30. */
  aggregationDelaySeconds?: number;
  /** Hook for sibling route modules; called once, after the core routes. Defaults to the lending routes. */
  registerExtraRoutes?: (app: FastifyInstance, ctx: LendingContext) => void;
  /** Options of the lending routes (consumers, businesses, reports) registered by default. */
  lending?: LendingOptions;
  /** AU consent notifications: waits between delivery attempts; default the documented 6 s … 24 h schedule. */
  consentRetryDelaysMs?: readonly number[];
}

export interface MastercardSimulator extends RunningSimulator {
  /** byRoute keys are `METHOD /route/pattern`, e.g. `GET /aggregation/v1/customers`; /_sandbox calls are not counted. */
  stats(): { requests: number; tokenIssued: number; byRoute: Record<string, number> };
  resetStats(): void;
  /** The simulator's live state, for tests that check what a call changed at the provider. */
  readonly store: MastercardStore;
}

export async function startMastercardSimulator(options: MastercardSimulatorOptions): Promise<MastercardSimulator> {
  const region = options.region;
  const built = buildMastercardApp({
    region,
    credentials: options.credentials ?? (region === 'US' ? MASTERCARD_US_SANDBOX_CREDENTIALS : MASTERCARD_AU_SANDBOX_CREDENTIALS),
    tokenTtlSeconds: options.tokenTtlSeconds ?? 7200,
    testingCustomerLimit: options.testingCustomerLimit ?? 500,
    accessModel: options.accessModel ?? 'CDR_REPRESENTATIVE',
    aggregationDelaySeconds: options.aggregationDelaySeconds ?? 30,
    seed: options.seed ?? 20240501,
    now: options.now ?? Date.now,
    anchorDate: options.anchorDate,
    ...(options.consentRetryDelaysMs ? { consentRetryDelaysMs: options.consentRetryDelaysMs } : {}),
    registerExtraRoutes:
      options.registerExtraRoutes ??
      ((app, ctx) => {
        registerLendingRoutes(app, ctx, options.lending ?? {});
      }),
  });
  const running = await listen(built.app, options);
  return { ...running, stats: built.stats, resetStats: built.resetStats, store: built.store };
}
