// Per-series aligners over one sliding window (start, end] of an alignment period, as
// google/monitoring/v3/common.proto defines them (../shared/reference/alert-evaluation.md §2.2).
// A window without points aligns to no value (ASSUMPTION: the API's "interpolation" of empty
// DELTA/RATE periods is not reproduced; a gap stays a gap).
import type { MetricKind } from '../../gcp/metric-catalog';
import {
  Distribution,
  distributionMean,
  distributionPercentile,
  isDistribution,
  mergeDistributions,
  percentileOfNumbers,
} from './distribution';
import { firstAfter, Point, PointValue } from './series';

export type AlignedValue = number | boolean | Distribution;

export const SIMULATED_ALIGNERS: ReadonlySet<string> = new Set([
  'ALIGN_NONE',
  'ALIGN_MEAN',
  'ALIGN_MIN',
  'ALIGN_MAX',
  'ALIGN_SUM',
  'ALIGN_COUNT',
  'ALIGN_STDDEV',
  'ALIGN_RATE',
  'ALIGN_DELTA',
  'ALIGN_NEXT_OLDER',
  'ALIGN_INTERPOLATE',
  'ALIGN_COUNT_TRUE',
  'ALIGN_COUNT_FALSE',
  'ALIGN_FRACTION_TRUE',
  'ALIGN_PERCENTILE_99',
  'ALIGN_PERCENTILE_95',
  'ALIGN_PERCENTILE_50',
  'ALIGN_PERCENTILE_05',
]);

/** A value as a number: a bool counts 1 or 0, a distribution its mean (reducers use it too). */
export function numeric(value: AlignedValue): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  return distributionMean(value) ?? 0;
}

function sumOf(values: readonly PointValue[]): AlignedValue {
  if (values.length > 0 && isDistribution(values[0])) return mergeDistributions(values as Distribution[]);
  return values.reduce<number>((sum, value) => sum + numeric(value), 0);
}

/** Increase of a running total over the window, counting a drop as a counter reset. */
function cumulativeIncrease(points: readonly Point[], from: number, to: number): number {
  // The baseline is the last point before the window; without one, the first point inside it.
  let previous = from > 0 ? numeric(points[from - 1].v) : numeric(points[from].v);
  let increase = 0;
  for (let index = from > 0 ? from : from + 1; index < to; index++) {
    const value = numeric(points[index].v);
    increase += value >= previous ? value - previous : value;
    previous = value;
  }
  return increase;
}

function delta(points: readonly Point[], from: number, to: number, kind: MetricKind): AlignedValue {
  const values = points.slice(from, to).map((point) => point.v);
  if (kind === 'CUMULATIVE' && !isDistribution(values[0])) return cumulativeIncrease(points, from, to);
  // DELTA points, and CUMULATIVE distributions written as per-interval increments, add up.
  return sumOf(values);
}

function percentile(values: readonly PointValue[], p: number): number | undefined {
  if (isDistribution(values[0])) return distributionPercentile(mergeDistributions(values as Distribution[]), p);
  return percentileOfNumbers(values.map(numeric), p);
}

/**
 * Aligns `points` over the window (end − period, end]. `kind` is the input series' metric kind.
 * Returns undefined when the window holds no point (or, for ALIGN_INTERPOLATE, no point to
 * interpolate from).
 */
export function align(
  aligner: string,
  points: readonly Point[],
  end: number,
  period: number,
  kind: MetricKind,
): AlignedValue | undefined {
  const from = firstAfter(points, end - period);
  const to = firstAfter(points, end);
  if (aligner === 'ALIGN_INTERPOLATE') return interpolate(points, from, to, end);
  if (from >= to) return undefined;
  const values = points.slice(from, to).map((point) => point.v);
  switch (aligner) {
    case 'ALIGN_NONE':
    case 'ALIGN_NEXT_OLDER':
      return values[values.length - 1];
    case 'ALIGN_MEAN':
      return values.reduce<number>((sum, value) => sum + numeric(value), 0) / values.length;
    case 'ALIGN_MIN':
      return values.map(numeric).reduce((low, value) => Math.min(low, value), Infinity);
    case 'ALIGN_MAX':
      return values.map(numeric).reduce((high, value) => Math.max(high, value), -Infinity);
    case 'ALIGN_SUM':
      return sumOf(values);
    case 'ALIGN_COUNT':
      return values.length;
    case 'ALIGN_STDDEV': {
      const numbers = values.map(numeric);
      const mean = numbers.reduce((a, b) => a + b, 0) / numbers.length;
      return Math.sqrt(numbers.reduce((sum, value) => sum + (value - mean) ** 2, 0) / numbers.length);
    }
    case 'ALIGN_DELTA':
      return delta(points, from, to, kind);
    case 'ALIGN_RATE': {
      const change = delta(points, from, to, kind);
      return numeric(change) / period;
    }
    case 'ALIGN_COUNT_TRUE':
      return values.filter((value) => value === true).length;
    case 'ALIGN_COUNT_FALSE':
      return values.filter((value) => value === false).length;
    case 'ALIGN_FRACTION_TRUE':
      return values.filter((value) => value === true).length / values.length;
    case 'ALIGN_PERCENTILE_99':
    case 'ALIGN_PERCENTILE_95':
    case 'ALIGN_PERCENTILE_50':
    case 'ALIGN_PERCENTILE_05':
      return percentile(values, Number(aligner.slice(-2)));
    default:
      throw new Error(`aligner ${aligner} is not simulated`);
  }
}

/**
 * ALIGN_INTERPOLATE: the value at `end`, on the straight line between the last point at or before
 * `end` (which must lie in the window) and the next point after it. ASSUMPTION: when no later
 * point exists yet, the last point's value is held.
 */
function interpolate(points: readonly Point[], from: number, to: number, end: number): number | undefined {
  if (from >= to) return undefined;
  const before = points[to - 1];
  const after = points[to];
  if (before.t === end || after === undefined) return numeric(before.v);
  const fraction = (end - before.t) / (after.t - before.t);
  return numeric(before.v) + (numeric(after.v) - numeric(before.v)) * fraction;
}
