import type Keyv from 'keyv';
import { createCacheStore } from './auth/cache-store.js';
import type { GatewayConfig } from './config.js';
import type { ProviderRegistry } from './domain/registry.js';
import { createPurgeTargets, type PurgeTargets } from './domain/purge.js';
import { createGatewayEvents, type GatewayEvents } from './events/gateway-events.js';
import type { UpstreamLimits } from './http/limits.js';
import { createLogger, type Logger } from './observability/logger.js';
import { createMetrics, type GatewayMetrics } from './observability/metrics.js';
import { checkReadiness } from './observability/readiness.js';
import { configuredEndpoints, createProviderRegistry, type ProviderEndpoints } from './providers/registry.js';
import { startSandbox, type RunningSandbox, type SandboxOptions } from './sandbox/start-all.js';
import { createServer } from './server.js';
import { createSecretBox } from './security/secret-box.js';
import { createLazyTransactionStore, transactionStorePurgeTarget } from './store/lazy-store.js';
import type { TransactionStore } from './store/transaction-store.js';
import type { DeliveryOptions } from './events/webhook-delivery.js';

export interface GatewayOptions {
  config: GatewayConfig;
  /** The sandbox's options (tests: clock, per-provider knobs such as token lifetimes). */
  sandbox?: SandboxOptions;
  /** Skips the sandbox and uses these endpoints (tests that start their own simulators). */
  endpoints?: ProviderEndpoints;
  logger?: Logger;
  store?: Keyv;
  limits?: Partial<UpstreamLimits>;
  now?: () => number;
  /** The change feed's transaction store (tests: one over their own database); default from config, opened on first use. */
  transactionStore?: TransactionStore;
  /** Outbound webhook delivery settings (tests shorten the retry schedule). */
  outboundWebhooks?: Partial<DeliveryOptions>;
}

export interface RunningGateway {
  /** `http://host:port`; GraphQL is at `${url}/graphql`. */
  url: string;
  registry: ProviderRegistry;
  metrics: GatewayMetrics;
  sandbox: RunningSandbox | null;
  /** Every store holding customer-derived data (tests count objects before and after a purge). */
  purge: PurgeTargets;
  events: GatewayEvents;
  /** Every HTTP route the server has (method + URL pattern), as fastify registered them. */
  routes(): ReadonlyArray<{ methods: readonly string[]; url: string }>;
  /**
   * Stops accepting, lets in-flight requests finish (for up to `graceMs`, default: no limit; past
   * it their connections are cut and `forced` is true), then closes the provider pools, the
   * simulators and the cache store.
   */
  close(options?: { graceMs?: number }): Promise<{ forced: boolean }>;
}

/**
 * Starts the gateway (and, with SANDBOX on, the simulators it points at) for the provider modules
 * `config` was loaded with (`loadConfig(env, modules)`).
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = createMetrics();
  const sandboxOptions = { ...(config.sandboxLatencyMs > 0 ? { latencyMs: config.sandboxLatencyMs } : {}), ...options.sandbox };
  const sandbox = config.sandbox && !options.endpoints ? await startSandbox(config, sandboxOptions) : null;
  // The sandbox swaps base URLs and credentials only; the settings stay the environment's.
  const endpoints = options.endpoints ?? sandbox?.endpoints ?? configuredEndpoints(config.providers);
  const store =
    options.store ??
    (await createCacheStore(config.cacheUrl, undefined, {
      onHealthChange: (error) =>
        error ? logger.error({ err: error }, 'cache store unreachable') : logger.info('cache store reachable again'),
    }));
  // Report callbacks: PUBLIC_BASE_URL, or with the sandbox (simulators on loopback) the listen address.
  let listenUrl: string | undefined;
  const publicBaseUrl = (): string | undefined => config.publicBaseUrl ?? (sandbox ? listenUrl : undefined);
  const purge = createPurgeTargets();
  const transactionStore = options.transactionStore ?? createLazyTransactionStore(config.transactionStore);
  purge.register(transactionStorePurgeTarget(transactionStore));
  const events = createGatewayEvents({ onListenerError: (error, event) => logger.error({ err: error, eventType: event.type, eventId: event.id }, 'gateway event listener failed') });
  const registry = createProviderRegistry(config.modules, config.providers, endpoints, {
    store,
    publicBaseUrl,
    metrics,
    sandbox: config.sandbox,
    purge,
    events,
    limits: { ...config.upstreamLimits, ...options.limits },
    ...(options.now ? { now: options.now } : {}),
  });
  const readiness = () => checkReadiness({ sandbox: config.sandbox, providers: registry.known(), endpoints, health: metrics.providerHealth, store });
  const app = await createServer({
    registry,
    metrics,
    logger,
    readiness,
    security: config.security,
    store,
    publicBaseUrl,
    requestDeadlineMs: config.requestDeadlineMs,
    sandbox,
    purge,
    events,
    secrets: config.secretsKey === undefined ? null : createSecretBox(config.secretsKey),
    transactionStore,
    syncMaxAgeMs: config.syncMaxAgeSeconds * 1000,
    ...(options.outboundWebhooks ? { outboundWebhooks: options.outboundWebhooks } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const release = async () => {
    await registry.close();
    await sandbox?.close();
    await transactionStore.close().catch(() => undefined);
    await store.disconnect().catch(() => undefined);
  };
  let address: string;
  try {
    address = await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close().catch(() => undefined);
    await release();
    throw error;
  }
  listenUrl = address.replace('localhost', '127.0.0.1');
  return {
    url: listenUrl,
    registry,
    metrics,
    sandbox,
    purge,
    events,
    routes: () => app.routeTable.routes(),
    async close({ graceMs }: { graceMs?: number } = {}) {
      let forced = false;
      // fastify's close stops accepting, answers 503 on kept-alive sockets and waits for in-flight requests.
      const cut =
        graceMs === undefined
          ? undefined
          : setTimeout(() => {
              forced = true;
              app.server.closeAllConnections();
            }, graceMs);
      // A request that finishes during the drain leaves an idle keep-alive socket that would hold
      // the close until the grace period: close those as they appear.
      const idle = setInterval(() => app.server.closeIdleConnections(), 100);
      await app.close();
      clearTimeout(cut);
      clearInterval(idle);
      await release();
      return { forced };
    },
  };
}
