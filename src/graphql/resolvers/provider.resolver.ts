import { Ctx, Query, Resolver } from 'type-graphql';
import { capabilitiesOf } from '../../domain/ports.js';
import type { GatewayContext } from '../context.js';
import { ProviderStatus } from '../types/provider-status.type.js';

@Resolver()
export class ProviderResolver {
  @Query(() => [ProviderStatus], { description: 'Every provider the gateway knows, whether enabled here, and what it supports' })
  providers(@Ctx() context: GatewayContext): ProviderStatus[] {
    const enabled = new Map(context.registry.enabled().map((adapter) => [adapter.key, adapter]));
    return context.registry.known().map((key) => {
      const adapter = enabled.get(key);
      return {
        provider: key,
        enabled: adapter !== undefined,
        sandbox: adapter !== undefined && context.registry.sandbox,
        capabilities: adapter ? capabilitiesOf(adapter) : [],
      };
    });
  }
}
