import { buildPlayground, PLAYGROUND_DIST } from '../src/playground/build.js';

/**
 * `npm run build:playground` (also `prepare`, `prestart`, `pretest`): builds the offline GraphiQL
 * bundle into build/playground when its inputs changed. `--force` rebuilds.
 */
try {
  const built = await buildPlayground({ force: process.argv.includes('--force') });
  process.stdout.write(built ? `playground: built ${PLAYGROUND_DIST}\n` : 'playground: up to date\n');
} catch (error) {
  const code = (error as { code?: string }).code;
  if (code === 'ERR_MODULE_NOT_FOUND' && process.env.CI !== 'true') {
    // A production install (`npm ci --omit=dev`) has no esbuild/graphiql: the gateway then answers
    // /playground with a 503 that says how to build it. Under CI a missing bundle is an error.
    process.stdout.write('playground: build tools not installed (dev dependencies); /playground stays unavailable\n');
  } else {
    throw error;
  }
}
