import 'reflect-metadata';
import { loadConfig, type GatewayConfig } from './config.js';
import { startGateway } from './gateway.js';
import { installShutdown } from './lifecycle/shutdown.js';
import { describeStartupError } from './lifecycle/describe-startup-error.js';
import { applyHeapGrowingPercent } from './lifecycle/heap-growth.js';
import { createLogger } from './observability/logger.js';
import { startTracing } from './observability/tracing.js';

/**
 * `npm start` (compiled: `node dist/main.js`): validated config, then the gateway (on the sandbox
 * when no credentials are set). A start-up failure the operator can fix is one line on stderr and
 * exit code 2; SIGTERM/SIGINT shut down gracefully (src/lifecycle/shutdown.ts).
 */
function failStartup(error: unknown, config?: GatewayConfig): never {
  const sentence = describeStartupError(error, config);
  if (sentence !== undefined) {
    process.stderr.write(`${sentence}\n`);
    process.exit(2);
  }
  process.stderr.write(`Start-up failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}

let config: GatewayConfig;
try {
  config = loadConfig();
} catch (error) {
  failStartup(error);
}
// Before the gateway allocates its schema and pools: peak RSS under load (issue 17, memory).
applyHeapGrowingPercent(config.heapGrowingPercent);
const logger = createLogger(config.logLevel);
// Before the gateway: the HTTP clients and the server decide at creation whether to trace.
const tracing = await startTracing({ serviceName: config.serviceName, ...(config.otlpEndpoint ? { endpoint: config.otlpEndpoint } : {}) });
const gateway = await startGateway({ config, logger }).catch((error: unknown) => failStartup(error, config));
installShutdown(gateway, { logger, graceMs: config.shutdownGraceMs, ...(tracing ? { after: () => tracing.shutdown() } : {}) });
logger.info(
  {
    graphql: `${gateway.url}/graphql`,
    sandbox: config.sandbox,
    providers: gateway.registry.enabled().map((adapter) => adapter.key),
    tracing: config.otlpEndpoint ? 'otlp' : 'off',
    // Since the process started: module loading, schema build, sandbox seeding, listen.
    startupMs: Math.round(performance.now()),
  },
  'gateway listening',
);
if (config.security.sandboxApiKey) {
  // The one secret the gateway prints on purpose: sandbox only, so `npm start` leads straight to data (README).
  process.stdout.write(
    `\nSandbox API key (every scope; set SANDBOX_API_KEY to fix it):\n  X-API-Key: ${config.security.sandboxApiKey}\n` +
      `  curl -H 'content-type: application/json' -H 'X-API-Key: ${config.security.sandboxApiKey}' -d '{"query":"{ providers { provider } }"}' ${gateway.url}/graphql\n\n`,
  );
}
if (gateway.sandbox) {
  for (const [provider, simulator] of Object.entries(gateway.sandbox.simulators)) {
    logger.info({ provider, url: simulator.url }, 'sandbox simulator listening');
  }
}
