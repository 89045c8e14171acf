import type { ProviderEndpoints } from '../providers/registry.js';
import { CAIBO_SANDBOX_CREDENTIALS, startCaiboSimulator } from './caibo/index.js';
import { MASTERCARD_AU_SANDBOX_CREDENTIALS, MASTERCARD_US_SANDBOX_CREDENTIALS, startMastercardSimulator } from './mastercard/index.js';
import { OBP_CANONICAL_VERSION, OBP_SANDBOX_CONSUMER_KEY, OBP_SANDBOX_USERS, startObpSimulator } from './obp/index.js';
import type { RunningSimulator, SimulatorBaseOptions } from './simulator.js';

export interface RunningSandbox {
  /** What the gateway needs to talk to the simulators: the same shape as real provider config. */
  endpoints: ProviderEndpoints;
  simulators: Record<string, RunningSimulator & { stats?: () => unknown }>;
  close(): Promise<void>;
}

export interface SandboxOptions extends Omit<SimulatorBaseOptions, 'port'> {
  /** Mastercard token lifetime override (tests expire tokens with it). */
  mastercardTokenTtlSeconds?: number;
  mastercardAuAccessModel?: 'OSP' | 'CDR_REPRESENTATIVE' | 'BCDC';
  /** How long a Mastercard report takes to generate (default 3000 ms). */
  mastercardReportDelayMs?: number;
  /**
   * Which Caibo auth mode the gateway uses against the simulator: `apiKey` (default, `X-API-Key`, what
   * the API docs describe) or `login` (email/password → bearer token that expires).
   */
  caiboAuth?: 'apiKey' | 'login';
  /** Lifetime of the Caibo simulator's login tokens (default 3600 s). */
  caiboAccessTokenTtlSeconds?: number;
  /** How long each automatic Caibo payment-request status step takes (default 5000 ms). */
  caiboPaymentStatusStepMs?: number;
  /** OBP DirectLogin token lifetime (default OBP's 4 weeks). */
  obpTokenTtlSeconds?: number;
  /** Which sandbox user the gateway logs in as: `admin` (default, every role) or `viewer` (no roles). */
  obpUser?: 'admin' | 'viewer';
  /** OBP_BANK_IDS for the sandbox (default: every simulated bank). */
  obpBankIds?: string[] | null;
}

/**
 * Starts every provider simulator on a free loopback port and returns endpoints pointing at them
 * with the simulators' sandbox credentials. The gateway cannot tell this from the real providers.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const base: SimulatorBaseOptions = {
    ...(options.host ? { host: options.host } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.anchorDate ? { anchorDate: options.anchorDate } : {}),
    ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}),
  };
  const ttl = {
    ...(options.mastercardTokenTtlSeconds === undefined ? {} : { tokenTtlSeconds: options.mastercardTokenTtlSeconds }),
    ...(options.mastercardReportDelayMs === undefined ? {} : { lending: { reportDelayMs: options.mastercardReportDelayMs } }),
  };
  const [mastercardUs, mastercardAu] = await Promise.all([
    startMastercardSimulator({ ...base, ...ttl, region: 'US' }),
    startMastercardSimulator({
      ...base,
      ...ttl,
      region: 'AU',
      ...(options.mastercardAuAccessModel ? { accessModel: options.mastercardAuAccessModel } : {}),
    }),
  ]);
  const caibo = await startCaiboSimulator({
    ...base,
    ...(options.caiboAccessTokenTtlSeconds === undefined ? {} : { accessTokenTtlSeconds: options.caiboAccessTokenTtlSeconds }),
    ...(options.caiboPaymentStatusStepMs === undefined ? {} : { paymentStatusStepMs: options.caiboPaymentStatusStepMs }),
  });
  const obp = await startObpSimulator({
    ...base,
    ...(options.obpTokenTtlSeconds === undefined ? {} : { tokenTtlSeconds: options.obpTokenTtlSeconds }),
  });
  // OBP_SANDBOX_USERS[0] is the admin (all roles), [1] the viewer (none).
  const obpUser = OBP_SANDBOX_USERS[options.obpUser === 'viewer' ? 1 : 0]!;
  const simulators = { MASTERCARD_US: mastercardUs, MASTERCARD_AU: mastercardAu, CAIBO_IPG: caibo, OBP: obp };
  return {
    endpoints: {
      MASTERCARD_US: { baseUrl: mastercardUs.url, credentials: MASTERCARD_US_SANDBOX_CREDENTIALS },
      MASTERCARD_AU: {
        baseUrl: mastercardAu.url,
        credentials: MASTERCARD_AU_SANDBOX_CREDENTIALS,
        accessModel: options.mastercardAuAccessModel ?? 'CDR_REPRESENTATIVE',
      },
      CAIBO_IPG: {
        baseUrl: caibo.url,
        credentials:
          options.caiboAuth === 'login'
            ? { kind: 'login', email: CAIBO_SANDBOX_CREDENTIALS.email, password: CAIBO_SANDBOX_CREDENTIALS.password }
            : { kind: 'apiKey', apiKey: CAIBO_SANDBOX_CREDENTIALS.apiKey },
      },
      OBP: {
        baseUrl: obp.url,
        credentials: { username: obpUser.username, password: obpUser.password, consumerKey: OBP_SANDBOX_CONSUMER_KEY },
        bankIds: options.obpBankIds ?? null,
        apiVersion: OBP_CANONICAL_VERSION,
      },
    },
    simulators,
    async close() {
      await Promise.all(Object.values(simulators).map((simulator) => simulator.close()));
    },
  };
}
