import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderSchema } from './render-schema.js';

/** `npm run schema:emit`: writes schema/schema.graphql from the type-graphql classes. */
const target = fileURLToPath(new URL('../schema/schema.graphql', import.meta.url));
await writeFile(target, await renderSchema());
process.stdout.write(`wrote ${target}\n`);
