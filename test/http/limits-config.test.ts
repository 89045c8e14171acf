import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { DEFAULT_REQUEST_DEADLINE_MS, DEFAULT_UPSTREAM_LIMITS } from '../../src/http/limits.js';

/** The deadlines and the body cap come from the environment, with the defaults of src/http/limits.ts. */
describe('deadline and body-cap configuration', () => {
  it('defaults to the documented limits', () => {
    const config = loadConfig({});
    expect(config.upstreamLimits).toEqual({ operationBudgetMs: DEFAULT_UPSTREAM_LIMITS.operationBudgetMs, maxBodyBytes: DEFAULT_UPSTREAM_LIMITS.maxBodyBytes });
    expect(config.requestDeadlineMs).toBe(DEFAULT_REQUEST_DEADLINE_MS);
    // The request deadline leaves room for one whole upstream budget.
    expect(DEFAULT_REQUEST_DEADLINE_MS).toBeGreaterThan(DEFAULT_UPSTREAM_LIMITS.operationBudgetMs);
  });

  it('reads UPSTREAM_BUDGET_MS, REQUEST_DEADLINE_MS and UPSTREAM_MAX_BODY_BYTES', () => {
    const config = loadConfig({ UPSTREAM_BUDGET_MS: '2500', REQUEST_DEADLINE_MS: '4000', UPSTREAM_MAX_BODY_BYTES: '1048576' });
    expect(config.upstreamLimits).toEqual({ operationBudgetMs: 2500, maxBodyBytes: 1_048_576 });
    expect(config.requestDeadlineMs).toBe(4000);
  });

  it.each([
    [{ UPSTREAM_BUDGET_MS: 'soon' }, 'UPSTREAM_BUDGET_MS'],
    [{ UPSTREAM_BUDGET_MS: '0' }, 'UPSTREAM_BUDGET_MS'],
    [{ REQUEST_DEADLINE_MS: '-5' }, 'REQUEST_DEADLINE_MS'],
    [{ UPSTREAM_MAX_BODY_BYTES: '12.5' }, 'UPSTREAM_MAX_BODY_BYTES'],
  ])('refuses %o naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrowError(ConfigError);
    expect(() => loadConfig(env)).toThrowError(new RegExp(variable));
  });
});
