import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCircular, parseDependencyTree } from 'dpdm';
import { describe, expect, it } from 'vitest';

/**
 * No import cycles in src/ (issue 10, item 5), type-only imports included: a cycle of types is still
 * two modules that cannot be understood, split or tested apart. dpdm reads the imports with the
 * TypeScript parser and resolves `./x.js` specifiers to the `.ts` sources.
 */
async function cyclesUnder(cwd: string, pattern: string): Promise<string[][]> {
  const tree = await parseDependencyTree(pattern, {
    cwd,
    context: cwd,
    tsconfig: join(cwd, 'tsconfig.json'),
    transform: false,
    skipDynamicImports: false,
  });
  // An import the parser cannot resolve would hide its cycles: every relative import must resolve.
  const unresolved = Object.values(tree)
    .flatMap((dependencies) => dependencies ?? [])
    .filter((dependency) => dependency.request.startsWith('.') && dependency.id === null)
    .map((dependency) => `${dependency.issuer}: ${dependency.request}`);
  expect(unresolved).toEqual([]);
  return parseCircular(tree);
}

describe('import cycles', () => {
  it('src/ has none', async () => {
    const cycles = await cyclesUnder(process.cwd(), 'src/**/*.ts');
    expect(cycles.map((cycle) => cycle.join(' -> '))).toEqual([]);
  }, 60_000);

  it('the check finds a cycle when there is one, through a type-only import too', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cycles-'));
    try {
      await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } }));
      await writeFile(join(dir, 'a.ts'), "import { b } from './b.js';\nexport const a = (): number => b + 1;\n");
      await writeFile(join(dir, 'b.ts'), "import type { C } from './c.js';\nexport const b = 1;\nexport type B = C;\n");
      await writeFile(join(dir, 'c.ts'), "import type { a } from './a.js';\nexport type C = typeof a;\n");
      const cycles = await cyclesUnder(dir, '*.ts');
      expect(cycles).toHaveLength(1);
      expect([...cycles[0]!].sort()).toEqual(['a.ts', 'b.ts', 'c.ts']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
