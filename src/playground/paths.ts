import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is src/playground/paths.ts). */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where the playground bundle is built (build.ts) and served from (assets.ts). Not dist/: that is
 * `npm run build`'s output. Kept apart from build.ts so the server never loads the bundler.
 */
export const PLAYGROUND_DIST = join(REPOSITORY_ROOT, 'build', 'playground');
