import { readFile } from 'node:fs/promises';
import { createContext, generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { renderSchema } from '../../scripts/render-schema.js';

const root = new URL('../../', import.meta.url);

describe('generated files are committed fresh', () => {
  it('schema/schema.graphql matches the type-graphql code (run `npm run schema:emit`)', async () => {
    const committed = await readFile(new URL('schema/schema.graphql', root), 'utf8');
    expect(committed).toBe(await renderSchema());
  });

  it('src/generated/operations.ts matches schema/operations (run `npm run codegen`)', async () => {
    const committed = await readFile(new URL('src/generated/operations.ts', root), 'utf8');
    const context = await createContext({ config: new URL('codegen.yml', root).pathname, _: [] } as never);
    const outputs = (await generate(context, false)) as Array<{ filename: string; content: string }>;
    const generated = outputs.find((output) => output.filename.endsWith('src/generated/operations.ts'));
    expect(generated?.content).toBe(committed);
  }, 60_000);
});
