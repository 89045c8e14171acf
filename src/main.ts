import 'reflect-metadata';
import { ConfigError, loadConfig } from './config.js';
import { startGateway } from './gateway.js';
import { createLogger } from './observability/logger.js';

/** `npm start`: validated config, then the gateway (on the sandbox when no credentials are set). */
let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
const logger = createLogger(config.logLevel);
const gateway = await startGateway({ config, logger });
logger.info(
  { graphql: `${gateway.url}/graphql`, sandbox: config.sandbox, providers: gateway.registry.enabled().map((adapter) => adapter.key) },
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
let stopping = false;
const stop = async (signal: string): Promise<void> => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  await gateway.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
