import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { applyHeapGrowingPercent, DEFAULT_HEAP_GROWING_PERCENT } from '../../src/lifecycle/heap-growth.js';

describe('HEAP_GROWING_PERCENT (src/lifecycle/heap-growth.ts, issue 17 memory)', () => {
  it('defaults to 100, accepts 0 (V8 decides) and names a bad value', () => {
    expect(loadConfig({}).heapGrowingPercent).toBe(DEFAULT_HEAP_GROWING_PERCENT);
    expect(DEFAULT_HEAP_GROWING_PERCENT).toBe(100);
    expect(loadConfig({ HEAP_GROWING_PERCENT: '0' }).heapGrowingPercent).toBe(0);
    for (const bad of ['-1', 'half', '1.5']) {
      expect(() => loadConfig({ HEAP_GROWING_PERCENT: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ HEAP_GROWING_PERCENT: bad })).toThrow('HEAP_GROWING_PERCENT');
    }
  });

  it('leaves V8 alone at 0 and when node was given its own --heap-growing-percent', () => {
    expect(applyHeapGrowingPercent(0, { execArgv: [], nodeOptions: undefined })).toBeNull();
    expect(applyHeapGrowingPercent(50, { execArgv: ['--heap-growing-percent=80'], nodeOptions: undefined })).toBeNull();
    expect(applyHeapGrowingPercent(50, { execArgv: [], nodeOptions: '--max-semi-space-size=8 --heap_growing_percent=80' })).toBeNull();
  });

  it('sets the flag otherwise (its effect under load: docs/performance.md, "Memory (issue 17)")', () => {
    expect(applyHeapGrowingPercent(50, { execArgv: ['--enable-source-maps'], nodeOptions: '--max-semi-space-size=16' })).toBe('--heap-growing-percent=50');
  });
});
