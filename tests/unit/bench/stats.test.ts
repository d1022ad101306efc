// The bench's statistics (bench/stats.mjs) on inputs whose answers are known.
import { describe, expect, it } from 'vitest';
import { stats } from './benchModules';

const { median, percentile, p95, ratio, summarize } = await stats();
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('bench statistics', () => {
  it('median: the middle value, or the mean of the two middle values, whatever the input order', () => {
    expect(median([7])).toBe(7);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 10, 1, 1000])).toBe(10);
    expect(median(oneTo(100))).toBe(50.5);
  });

  it('p95 is the nearest rank: always a measured value, the slowest one for fewer than 20 samples', () => {
    expect(p95(oneTo(100))).toBe(95);
    expect(p95(oneTo(20))).toBe(19);
    expect(p95(oneTo(19))).toBe(19);
    expect(p95([5])).toBe(5);
    expect(p95(oneTo(100).toReversed())).toBe(95);
    expect(percentile(oneTo(10), 50)).toBe(5);
    expect(percentile(oneTo(10), 100)).toBe(10);
    expect(percentile(oneTo(10), 1)).toBe(1);
  });

  it('does not change its input', () => {
    const xs = [3, 1, 2];
    median(xs);
    p95(xs);
    expect(xs).toEqual([3, 1, 2]);
  });

  it('refuses empty input, non-finite samples and percentiles out of range', () => {
    expect(() => median([])).toThrow('no samples');
    expect(() => p95([1, Number.NaN])).toThrow('not a finite sample');
    expect(() => percentile([1], 0)).toThrow('out of range');
    expect(() => percentile([1], 101)).toThrow('out of range');
  });

  it('ratio is app over floor, and null when the floor is not a positive number', () => {
    expect(ratio(130, 100)).toBeCloseTo(1.3, 12);
    expect(ratio(50, 200)).toBe(0.25);
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(1, -1)).toBeNull();
    expect(ratio(Number.NaN, 1)).toBeNull();
  });

  it('summarize gives count, p50, p95, min and max', () => {
    expect(summarize(oneTo(20).toReversed())).toEqual({ n: 20, p50: 10.5, p95: 19, min: 1, max: 20 });
  });
});
