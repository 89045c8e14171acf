import { GatewayError } from '../domain/errors.js';
import type { ProviderKey } from '../domain/provider.js';
import type { ProviderRegistry } from '../domain/registry.js';
import { callerMayUse, type Caller } from './caller.js';

/**
 * The registry as one caller sees it (per-provider access, issue 11 item 2): the providers the
 * caller may not use are left out of `enabled()` (so fan-outs skip them, as if not configured) and
 * `adapter(key)` for one of them — an ID or `provider:` argument naming it — is FORBIDDEN.
 */
export function registryForCaller(registry: ProviderRegistry, caller: Caller): ProviderRegistry {
  if (caller.providers === null) return registry;
  // One view per registry and caller object: an API key's caller is the same object on every
  // request until the keys are reloaded, so its view is built once, not per request (issue 17).
  let views = viewsByRegistry.get(registry);
  if (!views) {
    views = new WeakMap();
    viewsByRegistry.set(registry, views);
  }
  let view = views.get(caller);
  if (!view) {
    view = buildView(registry, caller);
    views.set(caller, view);
  }
  return view;
}

const viewsByRegistry = new WeakMap<ProviderRegistry, WeakMap<Caller, ProviderRegistry>>();

function buildView(registry: ProviderRegistry, caller: Caller): ProviderRegistry {
  const enabled = registry.enabled().filter((adapter) => callerMayUse(caller, adapter.key));
  // The full registry as prototype: members added to ProviderRegistry later pass through unchanged.
  const view: ProviderRegistry = Object.create(registry) as ProviderRegistry;
  return Object.assign(view, {
    enabled: () => enabled,
    adapter(key: ProviderKey) {
      if (!callerMayUse(caller, key)) {
        throw new GatewayError('FORBIDDEN', `This caller may not use ${key}`, { provider: key });
      }
      return registry.adapter(key);
    },
  });
}
