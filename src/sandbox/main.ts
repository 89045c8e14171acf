import { startSandbox } from './start-all.js';

/** `npm run sandbox`: the simulators alone, for partners who want to see the providers' own APIs. */
const sandbox = await startSandbox();
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
