import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** STYLE: no source file over 300 lines outside generated code (issue 10, item 5). */
const MAX_LINES = 300;
const root = fileURLToPath(new URL('../..', import.meta.url));

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(path);
      return entry.name.endsWith('.ts') ? [path] : [];
    }),
  );
  return nested.flat();
}

describe('file sizes', () => {
  it(`keeps every file in src/ and scripts/ (outside src/generated) at ${MAX_LINES} lines or fewer`, async () => {
    const files = [...(await sources(join(root, 'src'))), ...(await sources(join(root, 'scripts')))];
    expect(files.length).toBeGreaterThan(100);
    const tooLong: string[] = [];
    for (const file of files) {
      const lines = (await readFile(file, 'utf8')).split('\n').length - 1;
      if (lines > MAX_LINES) tooLong.push(`${relative(root, file)}: ${lines} lines`);
    }
    expect(tooLong).toEqual([]);
  });
});
