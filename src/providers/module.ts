import type Keyv from 'keyv';
import { z } from 'zod/v4';
import type { TokenCache } from '../auth/token-cache.js';
import type { ProviderAdapter } from '../domain/ports.js';
import type { PurgeTargets } from '../domain/purge.js';
import type { GatewayEvents } from '../events/gateway-events.js';
import type { UpstreamLimits } from '../http/limits.js';
import type { GatewayMetrics } from '../observability/metrics.js';
import type { RunningSimulator, SimulatorBaseOptions } from '../sandbox/simulator.js';

/**
 * A provider module: everything the gateway needs to know about one provider, in one descriptor its
 * folder exports. The module list (src/providers/modules.ts) is the only place providers are
 * listed; configuration, the registry, the sandbox, the GraphQL `Provider` enum and the fan-out
 * order all derive from it.
 *
 * - `S`: the provider's settings — options read from the environment in every mode (OBP_BANK_IDS,
 *   MASTERCARD_AU_ACCESS_MODEL …). The sandbox never changes them.
 * - `C`: its credentials. The sandbox swaps only the base URL and the credentials.
 * - `K`: the per-provider sandbox knobs tests may set (token lifetimes, an alternative login …).
 */
export interface ProviderModule<S = unknown, C = unknown, K = unknown> {
  /** Upper snake case (`MASTERCARD_AU`); the GraphQL `Provider` value and the global-ID prefix. */
  readonly key: string;
  /** The environment variables it reads, validated together with the gateway's own. */
  readonly environment: Readonly<Record<string, z.ZodType>>;
  /**
   * The validated variables → settings and, when its credentials are set, the real endpoint. A
   * partial credential group is a problem pushed to `problems` (naming the missing variables).
   */
  configure(env: Readonly<Record<string, unknown>>, problems: string[]): ProviderConfig<S, C>;
  /** The adapter for an endpoint (real or simulated) and the settings. Throws on an unusable setting. */
  createAdapter(setup: AdapterSetup<S, C>, deps: AdapterDependencies): ProviderAdapter;
  /** Starts its simulator on a free loopback port; answers where it listens and its sandbox credentials. */
  startSimulator(settings: S, options: SimulatorOptions<K>): Promise<SimulatedProvider<C>>;
}

/** Any module, whatever its types: what the lists and the registry hold. */
export type AnyProviderModule = ProviderModule<any, any, any>;

export interface ProviderEndpoint<C = unknown> {
  baseUrl: string;
  credentials: C;
}

export interface ProviderConfig<S = unknown, C = unknown> {
  /** Read from the environment in every mode, sandbox included. */
  settings: S;
  /** The real provider; null when its credentials are not set. */
  endpoint: ProviderEndpoint<C> | null;
}

export interface AdapterSetup<S = unknown, C = unknown> extends ProviderEndpoint<C> {
  settings: S;
}

/** What every adapter may use besides its endpoint; shared by all providers of one gateway. */
export interface AdapterDependencies {
  tokens: TokenCache;
  metrics: GatewayMetrics;
  /** The keyv store (tokens, report status). */
  store: Keyv;
  limits?: Partial<UpstreamLimits>;
  now?: () => number;
  /** The gateway's public base URL when known (callback URLs); read when needed. */
  publicBaseUrl: () => string | undefined;
  /** Stores holding customer-derived data register here, so a consent purge reaches them (src/domain/purge.ts). */
  purge: PurgeTargets;
  /** The gateway's own events (consent revoked, report ready …), delivered to its users' webhooks. */
  events: GatewayEvents;
}

export interface SimulatorOptions<K = unknown> extends Omit<SimulatorBaseOptions, 'port'> {
  /** This provider's sandbox knobs (tests), when given. */
  knobs?: K;
}

export interface SimulatedProvider<C = unknown> {
  simulator: RunningSimulator & { stats?: () => unknown };
  endpoint: ProviderEndpoint<C>;
}

/** Checks a module's types where it is written; returns it unchanged. */
export function defineProviderModule<S, C, K = Record<string, never>>(module: ProviderModule<S, C, K>): ProviderModule<S, C, K> {
  if (!/^[A-Z][A-Z0-9_]{1,31}$/.test(module.key)) throw new Error(`Provider key ${module.key} must be upper snake case`);
  return module;
}

/** An optional variable: trimmed, empty = unset. */
export const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

export const url = z.string().trim().url();

/** A comma-separated list (`a, b,,c` → `['a', 'b', 'c']`); unset or empty → null. */
export const commaList = optionalString.transform((value) =>
  value === undefined ? null : value.split(',').map((item) => item.trim()).filter((item) => item !== ''),
);

/**
 * A credential group: all its variables set (their values by field), none set (undefined), or a
 * problem naming the missing ones.
 */
export function credentialGroup<F extends string>(
  env: Readonly<Record<string, unknown>>,
  names: Record<F, string>,
  problems: string[],
): Record<F, string> | undefined {
  const entries = Object.entries(names) as Array<[F, string]>;
  const set = entries.filter(([, variable]) => env[variable] !== undefined);
  if (set.length === 0) return undefined;
  if (set.length < entries.length) {
    const missing = entries.filter(([, variable]) => env[variable] === undefined).map(([, variable]) => variable);
    problems.push(`${missing.join(', ')}: required when ${set.map(([, variable]) => variable).join(', ')} is set`);
    return undefined;
  }
  return Object.fromEntries(entries.map(([field, variable]) => [field, String(env[variable])])) as Record<F, string>;
}
