import { describe as group, expect, it } from 'vitest';
import { describe, median, mode, sampleStandardDeviation } from '../../../src/sandbox/mastercard/lending/statistics.js';

group('period statistics', () => {
  it('count, sum, mean, median, min, max and the sample standard deviation', () => {
    const stats = describe([300, 100, 400, 200]);
    expect(stats).toMatchObject({ count: 4, sum: 1000, mean: 250, median: 250, min: 100, max: 400 });
    // sqrt(((150² + 50² + 50² + 150²) / 3)) = sqrt(50000 / 3)
    expect(stats.standardDeviation).toBeCloseTo(129.0994449, 6);
  });

  it('an odd count takes the middle value as median', () => {
    expect(median([95, 204.83, 138.5])).toBe(138.5);
  });

  it('one value has no sample deviation (the provider prints null); no value gives nulls', () => {
    expect(describe([-82.92])).toEqual({ count: 1, sum: -82.92, mean: -82.92, median: -82.92, min: -82.92, max: -82.92, standardDeviation: null });
    expect(describe([])).toEqual({ count: 0, sum: null, mean: null, median: null, min: null, max: null, standardDeviation: null });
  });

  it('sums cents without float noise', () => {
    expect(describe([0.1, 0.2]).sum).toBe(0.3);
    expect(describe([95, 138.5, 204.83, 100.02, 58.12]).sum).toBe(596.47);
  });

  it('mode breaks ties towards the smallest value; identical values have zero deviation', () => {
    expect(mode([14, 17, 14, 17, 15])).toBe(14);
    expect(sampleStandardDeviation([14, 14, 14])).toBe(0);
  });
});
