import { caiboModule } from './caibo/module.js';
import { mastercardAuModule, mastercardUsModule } from './mastercard/module.js';
import type { AnyProviderModule } from './module.js';
import { obpModule } from './obp/module.js';

/**
 * The providers this gateway ships with — the one explicit list (STYLE.md, habit 3). Its order is
 * the fan-out merge order and the order of the GraphQL `Provider` enum; configuration, the
 * registry and the sandbox all derive from it. Adding a provider: one more line here (README,
 * "Adding a provider"); tests add theirs with `loadConfig(env, [...DEFAULT_MODULES, module])`.
 */
export const DEFAULT_MODULES: readonly AnyProviderModule[] = [mastercardAuModule, mastercardUsModule, caiboModule, obpModule];

/** The keys of `modules`, in order. */
export const keysOf = (modules: readonly AnyProviderModule[]): string[] => modules.map((module) => module.key);
