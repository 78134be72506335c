// The input of a simulation: time series with their identity (what filters match), their shape
// (kind, value type) and their points. Times are seconds from the scenario's start.
import type { SeriesIdentity } from '../../gcp/filter';
import type { MetricKind, ValueType } from '../../gcp/metric-catalog';
import type { Distribution } from './distribution';

export type PointValue = number | boolean | Distribution;

export interface Point {
  readonly t: number;
  /**
   * For DELTA and GAUGE series the point's own value. For CUMULATIVE numeric series the running
   * total. For CUMULATIVE distributions the values observed since the previous point (scenario
   * files write them so: cumulative histograms are tedious by hand); ALIGN_DELTA merges them.
   */
  readonly v: PointValue;
}

export interface InputSeries {
  /** How a person refers to it in messages: `series[2]` of the test. */
  readonly name: string;
  readonly identity: SeriesIdentity;
  readonly kind: MetricKind;
  readonly valueType: ValueType;
  /** Sorted by time; missing samples are simply absent. */
  readonly points: readonly Point[];
}

/** Index of the first point with t > time (binary search). */
export function firstAfter(points: readonly Point[], time: number): number {
  return firstIndexAfter(points.length, (index) => points[index].t, time);
}

/** Binary search over `count` ascending times (`timeAt(i)`): the first index whose time is after `time`. */
export function firstIndexAfter(count: number, timeAt: (index: number) => number, time: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (timeAt(middle) <= time) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The points in the window (start, end]: [from, to) indexes into `points`. */
export function windowRange(points: readonly Point[], start: number, end: number): [number, number] {
  return [firstAfter(points, start), firstAfter(points, end)];
}
