import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived the last full collection before it
 * collects again: `limit ≈ live × (1 + percent / 100)`. V8's own factor on a machine with memory to
 * spare goes up to 4 (×2 is its ceiling on small-memory devices): under ten concurrent reference
 * queries (Q2) the gateway's old space grew to ~200 MB around 60–90 MB of live objects, and its peak
 * RSS to ~350 MB. At 100 % the old space peaks near 100 MB and RSS near 235 MB (−33 %) for ~10 % more
 * CPU per query; 50 % saves ~15 MB more for ~35 % more CPU (docs/performance.md, "Memory (issue
 * 17)"). `--heap-growing-percent` is one of the few heap flags V8 reads each time it sets a limit,
 * so setting it after start-up takes effect (measured; `--max-old-space-size` and the young
 * generation's size are fixed when the heap is created).
 */
export const DEFAULT_HEAP_GROWING_PERCENT = 100;

/** A `--heap-growing-percent` (or `--heap_growing_percent`) the operator passed to node themselves. */
const GIVEN_ON_COMMAND_LINE = /--heap[-_]growing[-_]percent\b/;

/**
 * Applies `percent` (HEAP_GROWING_PERCENT; 0 leaves V8's own heuristic) unless node was started
 * with its own `--heap-growing-percent` (command line or NODE_OPTIONS), which wins. Returns the
 * flag it set, or null.
 */
export function applyHeapGrowingPercent(
  percent: number,
  nodeArguments: { execArgv: readonly string[]; nodeOptions: string | undefined } = {
    execArgv: process.execArgv,
    nodeOptions: process.env.NODE_OPTIONS,
  },
): string | null {
  if (percent <= 0) return null;
  const given = [...nodeArguments.execArgv, nodeArguments.nodeOptions ?? ''].some((argument) => GIVEN_ON_COMMAND_LINE.test(argument));
  if (given) return null;
  const flag = `--heap-growing-percent=${percent}`;
  setFlagsFromString(flag);
  return flag;
}
