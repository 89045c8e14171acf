import { describe, expect, it, vi } from 'vitest';

/**
 * A PostgreSQL store whose first queries (create schema, current_schema) fail before migration ends
 * its pool: nothing else holds it. A stand-in `pg` whose queries fail records the pool's end (a real
 * server cannot show it: pg-pool already drops a client whose query failed, but the pool stays open).
 */
const { ended } = vi.hoisted(() => ({ ended: vi.fn(async () => undefined) }));
vi.mock('pg', () => ({
  default: {
    Pool: class {
      on(): void {}
      async query(): Promise<never> {
        throw new Error('permission denied for database test');
      }
      end = ended;
    },
  },
}));

const { openStoreDatabase } = await import('../../src/store/store-database.js');

describe('openStoreDatabase (PostgreSQL)', () => {
  it.each([['with a schema', 't_pool_check'], ['without one', undefined]])('ends its pool when the queries before migration fail (%s)', async (_label, schema) => {
    ended.mockClear();
    await expect(openStoreDatabase({ dir: '/nonexistent', databaseUrl: 'postgres://gateway@127.0.0.1:1/test', schema })).rejects.toThrow('permission denied');
    expect(ended).toHaveBeenCalledTimes(1);
  });
});
