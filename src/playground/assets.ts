import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { PLAYGROUND_DIST } from './paths.js';

export interface PlaygroundAsset {
  body: Buffer;
  /** gzip of `body`, written by the build. */
  gzip: Buffer | undefined;
  contentType: string;
  /** Content hash from the build manifest: ETag and `?v=` cache buster. */
  hash: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * The built playground bundle (`build/playground`, see build.ts), read once into memory (~8 MB, ~2 MB
 * gzipped). Returns null when the bundle has not been built; the gateway then answers
 * `/playground` with 503 and how to build it.
 */
export async function loadPlaygroundAssets(dir = PLAYGROUND_DIST): Promise<Map<string, PlaygroundAsset> | null> {
  let manifest: { files: Record<string, string> };
  try {
    manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { files: Record<string, string> };
  } catch {
    return null;
  }
  const present = new Set(await readdir(dir));
  const assets = new Map<string, PlaygroundAsset>();
  for (const [name, hash] of Object.entries(manifest.files)) {
    const contentType = CONTENT_TYPES[extname(name)];
    if (contentType === undefined || !present.has(name)) continue;
    assets.set(name, {
      body: await readFile(join(dir, name)),
      gzip: present.has(`${name}.gz`) ? await readFile(join(dir, `${name}.gz`)) : undefined,
      contentType,
      hash,
    });
  }
  return assets.has('app.js') && assets.has('app.css') ? assets : null;
}
