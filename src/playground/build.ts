import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BuildOptions } from 'esbuild';
import { PLAYGROUND_DIST, REPOSITORY_ROOT } from './paths.js';

/**
 * Builds the offline GraphiQL bundle (`graphiql` 5 + React 19 + Monaco, all from npm) with esbuild
 * into `build/playground/`: `app.js`, `app.css` (GraphiQL's fonts are inlined as data URLs), the
 * Monaco workers `editor.worker.js`, `json.worker.js`, `graphql.worker.js`, a `.gz` copy of each,
 * and `manifest.json` `{ inputsHash, files: { name: sha256 } }`. Nothing in the output refers to
 * another host: every asset is served by the gateway (`src/playground/assets.ts`).
 *
 * Runs from `npm ci` (`prepare`), `npm start` and `npm test` (`prestart` / `pretest`), and skips
 * the build when the inputs (the client sources, this file, package-lock.json) have not changed.
 */

const root = REPOSITORY_ROOT;
export { PLAYGROUND_DIST };
const clientDir = join(root, 'src', 'playground', 'client');

const WORKERS = {
  'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
  'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
  'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
} as const;

/** sha256 over every input of the bundle, so a stale `build/playground` is rebuilt. */
async function inputsHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = [
    ...(await readdir(clientDir)).sort().map((name) => join(clientDir, name)),
    fileURLToPath(import.meta.url),
    join(root, 'package-lock.json'),
  ];
  for (const file of files) {
    hash.update(file.slice(root.length)).update('\0').update(await readFile(file)).update('\0');
  }
  return hash.digest('hex');
}

async function currentManifestHash(): Promise<string | undefined> {
  try {
    return (JSON.parse(await readFile(join(PLAYGROUND_DIST, 'manifest.json'), 'utf8')) as { inputsHash?: string }).inputsHash;
  } catch {
    return undefined;
  }
}

/** Builds when stale (or always with `force`); returns whether it built. */
export async function buildPlayground(options: { force?: boolean } = {}): Promise<boolean> {
  const hash = await inputsHash();
  if (!options.force && (await currentManifestHash()) === hash) return false;
  // esbuild is a devDependency: resolve it lazily so a production install can still load this module.
  const esbuild = await import('esbuild');
  const require = createRequire(import.meta.url);
  await rm(PLAYGROUND_DIST, { recursive: true, force: true });
  await mkdir(PLAYGROUND_DIST, { recursive: true });
  const common: BuildOptions = {
    bundle: true,
    minify: true,
    legalComments: 'none',
    target: ['chrome110', 'firefox115', 'safari16'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  };
  await esbuild.build({
    ...common,
    entryPoints: { app: join(clientDir, 'main.tsx') },
    outdir: PLAYGROUND_DIST,
    format: 'esm',
    jsx: 'automatic',
    // Monaco's codicon font; GraphiQL's own fonts are already data URLs in its CSS.
    loader: { '.ttf': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl' },
  });
  await esbuild.build({
    ...common,
    entryPoints: Object.fromEntries(Object.entries(WORKERS).map(([name, specifier]) => [name, require.resolve(specifier)])),
    outdir: PLAYGROUND_DIST,
    format: 'iife',
  });
  const files: Record<string, string> = {};
  for (const name of (await readdir(PLAYGROUND_DIST)).sort()) {
    const content = await readFile(join(PLAYGROUND_DIST, name));
    files[name] = createHash('sha256').update(content).digest('hex').slice(0, 16);
    await writeFile(join(PLAYGROUND_DIST, `${name}.gz`), gzipSync(content, { level: 9 }));
  }
  await writeFile(join(PLAYGROUND_DIST, 'manifest.json'), `${JSON.stringify({ inputsHash: hash, files }, null, 2)}\n`);
  return true;
}
