// Each aligner and reducer against values computed by hand in the comments.
import { align } from '../../src/tools/simulate/aligners';
import { distributionPercentile, percentileOfNumbers } from '../../src/tools/simulate/distribution';
import { reduce } from '../../src/tools/simulate/reducers';
import type { Point } from '../../src/tools/simulate/series';

// One point a minute: t = 60, 120, 180, 240, 300 with values 4, 8, 6, 2, 10.
const gauge: Point[] = [4, 8, 6, 2, 10].map((v, index) => ({ t: (index + 1) * 60, v }));
// Window (0, 300] holds all five; (60, 300] the last four.
const all = (aligner: string) => align(aligner, gauge, 300, 300, 'GAUGE');

describe('aligners over the window (end − period, end]', () => {
  test('MEAN, MIN, MAX, SUM, COUNT, STDDEV, NEXT_OLDER, NONE', () => {
    expect(all('ALIGN_MEAN')).toBe(6); // (4+8+6+2+10)/5 = 30/5
    expect(all('ALIGN_MIN')).toBe(2);
    expect(all('ALIGN_MAX')).toBe(10);
    expect(all('ALIGN_SUM')).toBe(30);
    expect(all('ALIGN_COUNT')).toBe(5);
    // deviations −2, 2, 0, −4, 4 → squares 4+4+0+16+16 = 40 → sqrt(40/5) = sqrt(8)
    expect(all('ALIGN_STDDEV')).toBeCloseTo(Math.sqrt(8), 12);
    expect(all('ALIGN_NEXT_OLDER')).toBe(10);
    expect(all('ALIGN_NONE')).toBe(10);
  });

  test('the window slides: (60, 300] leaves out the point at t=60', () => {
    expect(align('ALIGN_MEAN', gauge, 300, 240, 'GAUGE')).toBe(6.5); // (8+6+2+10)/4 = 26/4
    expect(align('ALIGN_MIN', gauge, 240, 120, 'GAUGE')).toBe(2); // (120, 240] holds 6 and 2
    expect(align('ALIGN_MEAN', gauge, 30, 60, 'GAUGE')).toBeUndefined(); // (−30, 30] is empty
  });

  test('DELTA and RATE: DELTA points add up; CUMULATIVE totals subtract, a drop is a reset', () => {
    const delta: Point[] = [5, 7, 3].map((v, index) => ({ t: (index + 1) * 60, v }));
    expect(align('ALIGN_DELTA', delta, 180, 180, 'DELTA')).toBe(15); // 5+7+3
    expect(align('ALIGN_RATE', delta, 180, 180, 'DELTA')).toBeCloseTo(15 / 180, 12);
    // Running total 100, 110, 130, 5 (reset), 15 at t = 60…300.
    const cumulative: Point[] = [100, 110, 130, 5, 15].map((v, index) => ({ t: (index + 1) * 60, v }));
    // Window (120, 300]: baseline 110 at t=120; +20 to 130, reset counts 5, then +10 → 35
    expect(align('ALIGN_DELTA', cumulative, 300, 180, 'CUMULATIVE')).toBe(35);
    // Window (0, 180]: no point before it, so the first point inside is the baseline: 130 − 100 = 30
    expect(align('ALIGN_DELTA', cumulative, 180, 180, 'CUMULATIVE')).toBe(30);
    expect(align('ALIGN_RATE', cumulative, 300, 180, 'CUMULATIVE')).toBeCloseTo(35 / 180, 12);
  });

  test('INTERPOLATE: on the line between the points around the end', () => {
    const sparse: Point[] = [
      { t: 60, v: 10 },
      { t: 180, v: 40 },
    ];
    expect(align('ALIGN_INTERPOLATE', sparse, 120, 120, 'GAUGE')).toBe(25); // halfway from 10 to 40
    expect(align('ALIGN_INTERPOLATE', sparse, 240, 120, 'GAUGE')).toBe(40); // no later point: held
    expect(align('ALIGN_INTERPOLATE', sparse, 170, 60, 'GAUGE')).toBeUndefined(); // (110, 170] has no point
  });

  test('COUNT_TRUE, COUNT_FALSE, FRACTION_TRUE on BOOL points', () => {
    const checks: Point[] = [true, false, false, true].map((v, index) => ({ t: (index + 1) * 60, v }));
    expect(align('ALIGN_COUNT_TRUE', checks, 240, 240, 'GAUGE')).toBe(2);
    expect(align('ALIGN_COUNT_FALSE', checks, 240, 240, 'GAUGE')).toBe(2);
    expect(align('ALIGN_FRACTION_TRUE', checks, 240, 180, 'GAUGE')).toBeCloseTo(1 / 3, 12); // false, false, true
    expect(align('ALIGN_COUNT', checks, 240, 240, 'GAUGE')).toBe(4);
  });

  test('PERCENTILE_99/95/50/05 of the distributions in the window, merged', () => {
    const latencies: Point[] = [
      { t: 60, v: { values: [10, 20, 30, 40, 50] } },
      { t: 120, v: { values: [60, 70, 80, 90, 100] } },
    ];
    // Ten values 10…100: rank p/100 × 9. p50 → 4.5 → 50 + 0.5×10 = 55; p99 → 8.91 → 90 + 0.91×10 = 99.1
    expect(align('ALIGN_PERCENTILE_50', latencies, 120, 120, 'DELTA')).toBeCloseTo(55, 12);
    expect(align('ALIGN_PERCENTILE_99', latencies, 120, 120, 'DELTA')).toBeCloseTo(99.1, 12);
    expect(align('ALIGN_PERCENTILE_95', latencies, 120, 120, 'DELTA')).toBeCloseTo(95.5, 12); // 8.55 → 90 + 5.5
    expect(align('ALIGN_PERCENTILE_05', latencies, 120, 120, 'DELTA')).toBeCloseTo(14.5, 12); // 0.45 → 10 + 4.5
    // Only the second minute: 60…100, p50 at rank 2 → 80
    expect(align('ALIGN_PERCENTILE_50', latencies, 120, 60, 'DELTA')).toBe(80);
    // ALIGN_DELTA on a CUMULATIVE distribution merges the increments in the window
    expect(align('ALIGN_DELTA', latencies, 120, 120, 'CUMULATIVE')).toEqual({
      values: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
    });
  });
});

describe('reducers across series', () => {
  const values = [3, 9, 6, 1];
  test('SUM, MEAN, MIN, MAX, COUNT, STDDEV', () => {
    expect(reduce('REDUCE_SUM', values)).toBe(19);
    expect(reduce('REDUCE_MEAN', values)).toBe(4.75); // 19/4
    expect(reduce('REDUCE_MIN', values)).toBe(1);
    expect(reduce('REDUCE_MAX', values)).toBe(9);
    expect(reduce('REDUCE_COUNT', values)).toBe(4);
    // mean 4.75; deviations −1.75, 4.25, 1.25, −3.75 → squares 3.0625+18.0625+1.5625+14.0625 = 36.75 → sqrt(36.75/4)
    expect(reduce('REDUCE_STDDEV', values)).toBeCloseTo(Math.sqrt(36.75 / 4), 12);
  });

  test('COUNT_TRUE, COUNT_FALSE, FRACTION_TRUE', () => {
    const checks = [true, false, false, false, true];
    expect(reduce('REDUCE_COUNT_TRUE', checks)).toBe(2);
    expect(reduce('REDUCE_COUNT_FALSE', checks)).toBe(3);
    expect(reduce('REDUCE_FRACTION_TRUE', checks)).toBe(0.4);
  });

  test('PERCENTILE_xx of numbers interpolates between closest ranks; of distributions, of all their values', () => {
    // sorted 1, 3, 6, 9; p50 rank 1.5 → 3 + 0.5×3 = 4.5; p99 rank 2.97 → 6 + 0.97×3 = 8.91
    expect(reduce('REDUCE_PERCENTILE_50', values)).toBeCloseTo(4.5, 12);
    expect(reduce('REDUCE_PERCENTILE_99', values)).toBeCloseTo(8.91, 12);
    expect(reduce('REDUCE_PERCENTILE_05', values)).toBeCloseTo(1.3, 12); // rank 0.15 → 1 + 0.15×2
    expect(reduce('REDUCE_PERCENTILE_95', values)).toBeCloseTo(8.55, 12); // rank 2.85 → 6 + 0.85×3
    expect(reduce('REDUCE_PERCENTILE_50', [{ values: [1, 2] }, { values: [3, 4, 5] }])).toBe(3);
    expect(reduce('REDUCE_SUM', [{ values: [1] }, { values: [2] }])).toEqual({ values: [1, 2] });
  });

  test('bucketed distributions interpolate inside the bucket that holds the rank', () => {
    // bounds 0 | 10 | 20 | 40: counts [0, 4, 4, 2, 0] → 10 values; p50 rank 5 falls in [10, 20) after 4: 10 + 10×1/4
    const histogram = { bounds: [0, 10, 20, 40], counts: [0, 4, 4, 2, 0] };
    expect(distributionPercentile(histogram, 50)).toBe(12.5);
    // p90 rank 9: after 8 values, in [20, 40) holding 2 → 20 + 20×1/2 = 30
    expect(distributionPercentile(histogram, 90)).toBe(30);
    expect(percentileOfNumbers([], 50)).toBeUndefined();
  });
});
