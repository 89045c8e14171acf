import { loadProviderConfig, type GatewayConfig } from '../config.js';
import type { ProviderEndpoints } from '../providers/registry.js';
import type { RunningSimulator, SimulatorBaseOptions } from './simulator.js';

export interface RunningSandbox {
  /** What the gateway needs to talk to the simulators: the same shape as real provider config. */
  endpoints: ProviderEndpoints;
  /** By provider key. */
  simulators: Record<string, RunningSimulator & { stats?: () => unknown }>;
  close(): Promise<void>;
}

export interface SandboxOptions extends Omit<SimulatorBaseOptions, 'port'> {
  /**
   * Per-provider simulator knobs by provider key (tests: token lifetimes, an alternative login …),
   * typed by each module (`MastercardSandboxKnobs`, `CaiboSandboxKnobs`, `ObpSandboxKnobs` …).
   * Provider settings are not here: they come from the environment, as in production.
   */
  providers?: Readonly<Record<string, object>>;
}

/**
 * Starts every configured module's simulator on a free loopback port, with the provider settings
 * read from the environment (an AU simulator under MASTERCARD_AU_ACCESS_MODEL=BCDC enforces BCDC),
 * and returns endpoints pointing at them with the simulators' sandbox credentials. The gateway
 * cannot tell this from the real providers. Without `config`: the default modules with default settings.
 */
export async function startSandbox(
  config: Pick<GatewayConfig, 'modules' | 'providers'> = loadProviderConfig({}),
  options: SandboxOptions = {},
): Promise<RunningSandbox> {
  const { providers: knobs, ...base } = options;
  const started = await Promise.allSettled(
    config.modules.map((module) =>
      module.startSimulator(config.providers[module.key]?.settings, { ...base, ...(knobs?.[module.key] ? { knobs: knobs[module.key] } : {}) }),
    ),
  );
  const running = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all(running.map(({ simulator }) => simulator.close()));
    throw failed.reason;
  }
  const entries = config.modules.map((module, index) => [module.key, running[index]!] as const);
  const simulators = Object.fromEntries(entries.map(([key, { simulator }]) => [key, simulator]));
  return {
    endpoints: Object.fromEntries(entries.map(([key, { endpoint }]) => [key, endpoint])),
    simulators,
    async close() {
      await Promise.all(Object.values(simulators).map((simulator) => simulator.close()));
    },
  };
}
