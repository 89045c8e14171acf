import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { renderSchema } from '../../scripts/render-schema.js';

const root = new URL('../../', import.meta.url);

describe('generated files are committed fresh', () => {
  it('schema/schema.graphql matches the type-graphql code (run `npm run schema:emit`)', async () => {
    const committed = await readFile(new URL('schema/schema.graphql', root), 'utf8');
    expect(committed).toBe(await renderSchema());
  });

  it('every codegen output (src/generated/operations.ts, examples/client/src/gql/*) matches its documents (run `npm run codegen`)', async () => {
    const context = await createContext({ config: new URL('codegen.yml', root).pathname, _: [] } as never);
    const outputs = (await generate(context, false)) as Array<{ filename: string; content: string }>;
    const names = outputs.map((output) => relative(fileURLToPath(root), resolve(fileURLToPath(root), output.filename))).sort();
    expect(names).toEqual([
      'examples/client/src/gql/fragment-masking.ts',
      'examples/client/src/gql/gql.ts',
      'examples/client/src/gql/graphql.ts',
      'examples/client/src/gql/index.ts',
      'src/generated/operations.ts',
    ]);
    for (const output of outputs) {
      const committed = await readFile(resolve(fileURLToPath(root), output.filename), 'utf8');
      expect(output.content, output.filename).toBe(committed);
    }
  }, 60_000);
});
