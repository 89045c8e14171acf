import { readFile, rm } from 'node:fs/promises';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Loader, type Plugin } from 'esbuild';
import { countBeyondLatin1, escapeBeyondLatin1 } from './latin1-source.js';

/**
 * `npm run build` (and so `npm start`): the gateway and its dependencies as one ESM file,
 * `dist/main.js`. One file instead of ~1,500 modules is what keeps start-up well under a second
 * (module resolution and loading were two thirds of it). Types are checked by `npm test`, not here.
 */
const root = fileURLToPath(new URL('../', import.meta.url));
const outfile = join(root, 'dist', 'main.js');

const LOADERS: Record<string, Loader> = { '.ts': 'ts', '.js': 'js', '.mjs': 'js', '.cjs': 'js' };

/**
 * Two rewrites of each module's source before esbuild reads it. A bundled module's
 * `import.meta.url` would be the bundle's; modules that find files next to themselves
 * (`new URL('../../', import.meta.url)`) keep their own location instead. And characters beyond
 * Latin-1 in comments and regular expressions become escapes, so that V8 holds the bundle's source
 * one byte per character (scripts/latin1-source.ts).
 */
const ownLocationLatin1: Plugin = {
  name: 'own-import-meta-url-latin1',
  setup(builder) {
    builder.onLoad({ filter: /\.(ts|js|mjs|cjs)$/ }, async (args) => {
      const original = await readFile(args.path, 'utf8');
      let contents = escapeBeyondLatin1(original, args.path);
      if (contents.includes('import.meta.url')) {
        const fromBundle = relative(dirname(outfile), args.path).split('\\').join('/');
        contents = contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`);
      }
      if (contents === original) return undefined;
      return { contents, loader: LOADERS[extname(args.path)] ?? 'js', resolveDir: dirname(args.path) };
    });
  },
};

await rm(join(root, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'src', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // `@apollo/utils.createhash` uses Node's crypto only when `module.require` exists, which it does not
  // inside a bundled CommonJS module: Apollo then hashed every request's document (its document-cache
  // key) with a pure-JavaScript SHA-256 (sha.js). The bundle gets node:crypto, as the unbundled
  // gateway does (issue 17, per-request cost).
  alias: { '@apollo/utils.createhash': join(root, 'scripts', 'apollo-createhash.shim.js') },
  // CommonJS dependencies inside an ES module bundle still need require, __filename and __dirname.
  banner: {
    js: [
      "import { createRequire as __bundleRequire } from 'node:module';",
      "import { fileURLToPath as __bundlePath } from 'node:url';",
      "import { dirname as __bundleDir } from 'node:path';",
      'const require = __bundleRequire(import.meta.url);',
      'const __filename = __bundlePath(import.meta.url);',
      'const __dirname = __bundleDir(__filename);',
    ].join(' '),
  },
  // Class and function names stay readable in logs and stack traces.
  keepNames: true,
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [ownLocationLatin1],
  // A native addon finds its compiled `.node` file next to its own package: it stays in node_modules.
  external: ['better-sqlite3'],
});
const beyondLatin1 = countBeyondLatin1(await readFile(outfile, 'utf8'));
if (beyondLatin1 > 0) {
  process.stderr.write(`dist/main.js: ${beyondLatin1} characters beyond Latin-1 (V8 holds its source two bytes per character)\n`);
}
