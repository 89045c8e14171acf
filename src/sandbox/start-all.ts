import type { ProviderEndpoints } from '../providers/registry.js';
import { MASTERCARD_AU_SANDBOX_CREDENTIALS, MASTERCARD_US_SANDBOX_CREDENTIALS, startMastercardSimulator } from './mastercard/index.js';
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
  const simulators = { MASTERCARD_US: mastercardUs, MASTERCARD_AU: mastercardAu };
  return {
    endpoints: {
      MASTERCARD_US: { baseUrl: mastercardUs.url, credentials: MASTERCARD_US_SANDBOX_CREDENTIALS },
      MASTERCARD_AU: {
        baseUrl: mastercardAu.url,
        credentials: MASTERCARD_AU_SANDBOX_CREDENTIALS,
        accessModel: options.mastercardAuAccessModel ?? 'CDR_REPRESENTATIVE',
      },
    },
    simulators,
    async close() {
      await Promise.all(Object.values(simulators).map((simulator) => simulator.close()));
    },
  };
}
