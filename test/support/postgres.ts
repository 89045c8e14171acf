import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Tests that need PostgreSQL read DATABASE_URL and work in a schema of their own (other worktrees and
 * test files use the same server at the same time). Locally they skip without it; under CI=true a
 * missing DATABASE_URL is a failure, so a green CI run always means the PostgreSQL paths really ran.
 */
export function databaseUrlOrSkip(): string | undefined {
  const url = process.env.DATABASE_URL;
  if (!url && process.env.CI === 'true') {
    throw new Error('DATABASE_URL is not set, and CI=true requires the PostgreSQL tests to run');
  }
  return url;
}

/** A fresh schema name for one test run (`t_<prefix>_<random>`); drop it with `dropSchema`. */
export function uniqueSchema(prefix: string): string {
  return `t_${prefix}_${randomBytes(6).toString('hex')}`;
}

export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}
