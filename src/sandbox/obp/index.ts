import { listen, startOfUtcDay, type RunningSimulator, type SimulatorBaseOptions } from '../simulator.js';
import { buildObpApp } from './app.js';
import { DEFAULT_TOKEN_TTL_SECONDS } from './direct-login.js';
import { createObpSeed } from './seed-data.js';
import type { ObpStats } from './stats.js';

export { OBP_CANONICAL_VERSION, OBP_VERSIONS } from './versions.js';
export { createObpSeed, userIdFor as obpSandboxUserId, type ObpSeed } from './seed-data.js';
export { BANK_PROFILES as OBP_SANDBOX_BANKS } from './seed-banks.js';
export type { ObpStats } from './stats.js';

export interface ObpSimulatorOptions extends SimulatorBaseOptions {
  /** DirectLogin users; default OBP_SANDBOX_USERS. users[0] plays the admin, users[1] the retail user (see seed-data.ts). */
  users?: Array<{ username: string; password: string; roles: string[] }>;
  /** The only consumer_key accepted at DirectLogin; default OBP_SANDBOX_CONSUMER_KEY. */
  consumerKey?: string;
  /** DirectLogin token lifetime; default OBP's 4 weeks. Tests set it small. */
  tokenTtlSeconds?: number;
  /** Seed of the deterministic data; default 20241016. */
  seed?: number;
}

export interface ObpSimulator extends RunningSimulator {
  stats(): ObpStats;
  resetStats(): void;
}

export const OBP_SANDBOX_CONSUMER_KEY = 'sandbox-obp-consumer-key';
export const OBP_SANDBOX_PASSWORD = 'Sandbox-Passw0rd!';

/**
 * The sandbox users. The admin holds every role the simulated endpoints require; the viewer holds
 * none, so creating a customer as the viewer is OBP-20006.
 */
export const OBP_SANDBOX_USERS = [
  {
    username: 'sandbox.admin',
    password: OBP_SANDBOX_PASSWORD,
    roles: [
      'CanCreateCustomer',
      'CanGetCustomer',
      'CanGetCustomers',
      'CanGetCustomersAtAnyBank',
      'CanGetCustomersMinimal',
      'CanCreateUserCustomerLink',
      'CanGetUserCustomerLink',
      'CanGetCustomerAccountLinks',
      'CanAddSocialMediaHandle',
      'CanGetSocialMediaHandles',
    ],
  },
  { username: 'sandbox.viewer', password: OBP_SANDBOX_PASSWORD, roles: [] },
];

export const OBP_DEFAULT_SEED = 20241016;

export async function startObpSimulator(options: ObpSimulatorOptions = {}): Promise<ObpSimulator> {
  const now = options.now ?? Date.now;
  const anchorDate = startOfUtcDay(options.anchorDate ?? new Date(now()));
  const seed = createObpSeed({
    seed: options.seed ?? OBP_DEFAULT_SEED,
    anchorDate,
    users: options.users ?? OBP_SANDBOX_USERS,
  });
  const { app, stats } = buildObpApp({
    seed,
    consumerKey: options.consumerKey ?? OBP_SANDBOX_CONSUMER_KEY,
    tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
    now,
  });
  const running = await listen(app, options);
  return { ...running, stats: () => stats.snapshot(), resetStats: () => stats.reset() };
}
