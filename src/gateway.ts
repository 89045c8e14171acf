import type Keyv from 'keyv';
import { createCacheStore } from './auth/cache-store.js';
import type { GatewayConfig } from './config.js';
import type { ProviderRegistry } from './domain/registry.js';
import type { UpstreamLimits } from './http/limits.js';
import { createLogger, type Logger } from './observability/logger.js';
import { createMetrics, type GatewayMetrics } from './observability/metrics.js';
import { createProviderRegistry, type ProviderEndpoints } from './providers/registry.js';
import { startSandbox, type RunningSandbox, type SandboxOptions } from './sandbox/start-all.js';
import { createServer } from './server.js';

export interface GatewayOptions {
  config: GatewayConfig;
  /** Overrides the sandbox's options (tests: clock, token lifetime). */
  sandbox?: SandboxOptions;
  /** Skips the sandbox and uses these endpoints (tests that start their own simulators). */
  endpoints?: ProviderEndpoints;
  logger?: Logger;
  store?: Keyv;
  limits?: Partial<UpstreamLimits>;
  now?: () => number;
}

export interface RunningGateway {
  /** `http://host:port`; GraphQL is at `${url}/graphql`. */
  url: string;
  registry: ProviderRegistry;
  metrics: GatewayMetrics;
  sandbox: RunningSandbox | null;
  close(): Promise<void>;
}

/** Starts the gateway (and, with SANDBOX on, the simulators it points at). */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = createMetrics();
  const sandbox = config.sandbox && !options.endpoints ? await startSandbox(options.sandbox) : null;
  const endpoints = options.endpoints ?? sandbox?.endpoints ?? config.providers;
  const store = options.store ?? createCacheStore(config.cacheUrl);
  // Report callbacks: PUBLIC_BASE_URL, or with the sandbox (simulators on loopback) the listen address.
  let listenUrl: string | undefined;
  const registry = createProviderRegistry(endpoints, {
    store,
    publicBaseUrl: () => config.publicBaseUrl ?? (sandbox ? listenUrl : undefined),
    metrics,
    sandbox: config.sandbox,
    limits: { ...config.upstreamLimits, ...options.limits },
    ...(options.now ? { now: options.now } : {}),
  });
  const app = await createServer({
    registry,
    metrics,
    logger,
    security: config.security,
    requestDeadlineMs: config.requestDeadlineMs,
    ...(options.now ? { now: options.now } : {}),
  });
  const address = await app.listen({ port: config.port, host: config.host });
  listenUrl = address.replace('localhost', '127.0.0.1');
  return {
    url: listenUrl,
    registry,
    metrics,
    sandbox,
    async close() {
      await app.close();
      await registry.close();
      await sandbox?.close();
      await store.disconnect().catch(() => undefined);
    },
  };
}
