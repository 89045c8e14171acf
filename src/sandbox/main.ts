import { loadProviderConfig } from '../config.js';
import { startSandbox } from './start-all.js';

/**
 * `npm run sandbox`: the simulators alone, for partners who want to see the providers' own APIs.
 * Provider settings (MASTERCARD_AU_ACCESS_MODEL …) come from the environment, as for `npm start`.
 */
const sandbox = await startSandbox(loadProviderConfig());
for (const [provider, simulator] of Object.entries(sandbox.simulators)) {
  process.stdout.write(`${provider.padEnd(14)} ${simulator.url}\n`);
}
process.stdout.write('Sandbox credentials are in src/sandbox/<provider>/index.ts. Ctrl-C stops.\n');
const stop = async (): Promise<void> => {
  await sandbox.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
