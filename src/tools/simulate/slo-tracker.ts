// SLO selectors in threshold conditions (`select_slo_burn_rate("projects/…/serviceLevelObjectives/…",
// "3600s")`): the value is computed from the test's input series that the SLO's own filters
// select, as Cloud Monitoring computes it from the SLO's SLI (docs/slo.md):
//   burn rate over a lookback L = (bad / total over (t − L, t]) / (1 − goal)
//   budget fraction remaining   = 1 − (bad / total over the rolling window) / (1 − goal)
// A ratio SLI counts good, bad and total from its two filters (total = good + bad, bad = total −
// good); a distribution cut counts the values inside [min, max] as good.
// ASSUMPTIONS (Google documents none of these): no ingest delay beyond the SLI metrics' own; a
// lookback holding no event gives no value (a gap, as for a ratio with a zero denominator);
// bucketed distributions count a bucket as good when it lies wholly inside the range.
import { matchesFilter, parseFilter } from '../../gcp/filter';
import type { Slo } from '../../artifact/slos';
import { lookbackSeconds, parseSloSelector } from '../../gcp/slo-selectors';
import type { PreparedSeries } from './aggregate';
import { align } from './aligners';
import type { ConditionTick, ConditionTracker } from './condition-trackers';
import { type Distribution, distributionCount, isDistribution } from './distribution';
import type { ThresholdCondition } from './policy-model';
import { firstIndexAfter, type InputSeries, type Point } from './series';

export const SIMULATED_SLO_SELECTORS: ReadonlySet<string> = new Set([
  'select_slo_burn_rate',
  'select_slo_budget_fraction',
]);

/** Why an SLO selector cannot be simulated, in words; undefined when it can. */
export class SloNotSimulated extends Error {}

interface Counts {
  readonly bad: number;
  readonly total: number;
}

/** Events of one filter over a window, added up from its DELTA/CUMULATIVE series. */
type Counter = (end: number, period: number) => number | undefined;
/** Good and total values of a distribution cut over a window. */
type CutCounter = (end: number, period: number) => Counts | undefined;

function select(filter: string, inputs: readonly PreparedSeries[]): InputSeries[] {
  const node = parseFilter(filter);
  return inputs.filter((input) => matchesFilter(node, input.series.identity)).map((input) => input.series);
}

/**
 * Points of many series added up per timestamp, with prefix sums over time: the sum over any window
 * is two binary searches, however many series there are. An SLO's filter may select a thousand
 * series, summed at every step over windows of up to days.
 */
interface MergedSums {
  readonly times: Float64Array;
  /** sums[k][i]: the k-th quantity added up over the first i timestamps. */
  readonly sums: Float64Array[];
}

function mergeSums(
  series: readonly InputSeries[],
  quantities: number,
  valuesOf: (point: Point) => number[],
): MergedSums {
  const perTime = new Map<number, number[]>();
  for (const one of series) {
    for (const point of one.points) {
      const values = valuesOf(point);
      const sum = perTime.get(point.t);
      if (sum) for (let k = 0; k < quantities; k += 1) sum[k] += values[k];
      else perTime.set(point.t, values.slice());
    }
  }
  const times = Float64Array.from(perTime.keys()).sort();
  const sums = Array.from({ length: quantities }, () => new Float64Array(times.length + 1));
  times.forEach((time, index) => {
    const values = perTime.get(time) as number[];
    for (let k = 0; k < quantities; k += 1) sums[k][index + 1] = sums[k][index] + values[k];
  });
  return { times, sums };
}

/** The window (end − period, end] of merged sums: [from, to) timestamp indexes, empty when to ≤ from. */
function windowOf(merged: MergedSums, end: number, period: number): [number, number] {
  const { times } = merged;
  const after = (time: number) => firstIndexAfter(times.length, (index) => times[index], time);
  return [after(end - period), after(end)];
}

function counter(series: readonly InputSeries[]): Counter {
  // DELTA points are the events of their interval: they add up across series and time.
  const delta = mergeSums(
    series.filter((one) => one.kind === 'DELTA'),
    1,
    (point) => [Number(point.v)],
  );
  const others = series.filter((one) => one.kind !== 'DELTA');
  return (end, period) => {
    const [from, to] = windowOf(delta, end, period);
    let seen = to > from;
    let total = seen ? delta.sums[0][to] - delta.sums[0][from] : 0;
    others.forEach((one) => {
      const value = align('ALIGN_DELTA', one.points, end, period, one.kind);
      if (typeof value === 'number') {
        seen = true;
        total += value;
      }
    });
    return seen ? total : undefined;
  };
}

function countInRange(distribution: Distribution, min = -Infinity, max = Infinity): number {
  if (distribution.values) return distribution.values.filter((value) => value >= min && value <= max).length;
  const bounds = distribution.bounds ?? [];
  return (distribution.counts ?? []).reduce((good, count, index) => {
    const low = index === 0 ? -Infinity : bounds[index - 1];
    const high = index === bounds.length ? Infinity : bounds[index];
    return low >= min && high <= max ? good + count : good;
  }, 0);
}

// Distribution points hold the values observed in their interval (DELTA, and CUMULATIVE as scenario
// files write them), so each point's good and total counts add up over a window: prefix sums again.
function cutCounter(series: readonly InputSeries[], min?: number, max?: number): CutCounter {
  const merged = mergeSums(series, 2, (point) =>
    isDistribution(point.v) ? [countInRange(point.v, min, max), distributionCount(point.v)] : [0, 0],
  );
  return (end, period) => {
    const [from, to] = windowOf(merged, end, period);
    if (to <= from) return undefined;
    const good = merged.sums[0][to] - merged.sums[0][from];
    const total = merged.sums[1][to] - merged.sums[1][from];
    return { bad: total - good, total };
  };
}

/** Bad and total events of the SLO over a window, and the input series they come from. */
function sliCounts(slo: Slo, inputs: readonly PreparedSeries[]) {
  const indicator = slo.indicator;
  if (indicator.type === 'other') throw new SloNotSimulated(`${slo.address} has ${indicator.what}, not simulated`);
  if (indicator.type === 'cut') {
    const series = select(indicator.distributionFilter, inputs);
    return { series, counts: cutCounter(series, indicator.min, indicator.max) };
  }
  const pick = (filter?: string) => (filter ? select(filter, inputs) : undefined);
  const [good, bad, total] = [pick(indicator.goodFilter), pick(indicator.badFilter), pick(indicator.totalFilter)];
  const [goodCount, badCount, totalCount] = [good, bad, total].map((one) => (one ? counter(one) : undefined));
  const counts = (end: number, period: number): Counts | undefined => {
    const g = goodCount?.(end, period);
    const b = badCount?.(end, period);
    const t = totalCount?.(end, period);
    // A filter with no point in the window counts 0 when the other side has events.
    const all = totalCount ? t : g === undefined && b === undefined ? undefined : (g ?? 0) + (b ?? 0);
    if (all === undefined || all === 0) return undefined;
    const wrong = badCount ? (b ?? 0) : all - (g ?? 0);
    return { bad: wrong, total: all };
  };
  return { series: [...(good ?? []), ...(bad ?? []), ...(total ?? [])], counts };
}

export interface CompiledSloCondition {
  readonly tracker: ConditionTracker;
  readonly series: readonly InputSeries[];
}

/** A tracker for a threshold condition whose filter is an SLO selector; throws SloNotSimulated. */
export function sloConditionTracker(
  condition: ThresholdCondition,
  slos: ReadonlyMap<string, Slo>,
  inputs: readonly PreparedSeries[],
  compare: (value: number) => boolean,
  recordValues: boolean,
): CompiledSloCondition {
  const selector = parseSloSelector(condition.filter)!;
  if (!SIMULATED_SLO_SELECTORS.has(selector.selector))
    throw new SloNotSimulated(`${selector.selector} is not simulated`);
  const slo = slos.get(selector.name);
  if (!slo) throw new SloNotSimulated(`no SLO named ${selector.name} in the stack`);
  if (!(slo.goal > 0 && slo.goal < 1)) throw new SloNotSimulated(`${slo.address} has goal ${slo.goal}`);
  let period: number | undefined;
  if (selector.selector === 'select_slo_burn_rate') {
    period = selector.lookback === undefined ? undefined : lookbackSeconds(selector.lookback);
    if (period === undefined || period <= 0)
      throw new SloNotSimulated(`lookback "${selector.lookback ?? ''}" of ${selector.selector} is not a duration`);
  } else {
    if (slo.rollingPeriodDays === undefined)
      throw new SloNotSimulated(`${slo.address} has a calendar period, not simulated`);
    period = slo.rollingPeriodDays * 86400;
  }
  const window = period;
  const budget = 1 - slo.goal;
  const burnRate = selector.selector === 'select_slo_burn_rate';
  const { series, counts } = sliCounts(slo, inputs);
  let runStart: number | undefined;
  let failing = false;
  const tracker: ConditionTracker = {
    step(wallTime, dataTime): ConditionTick {
      const now = counts(dataTime, window);
      if (!now) {
        // No event in the lookback: nothing to evaluate; a failing condition stays failing.
        return { met: failing, failing: failing ? [{}] : [], hasData: false, decided: false };
      }
      const spent = now.bad / now.total / budget;
      const value = burnRate ? spent : 1 - spent;
      if (compare(value)) runStart ??= wallTime;
      else runStart = undefined;
      failing = runStart !== undefined && wallTime - runStart >= condition.durationSeconds;
      return {
        met: failing,
        failing: failing ? [{}] : [],
        hasData: true,
        decided: true,
        ...(recordValues ? { values: new Map([['', value]]) } : {}),
      };
    },
  };
  return { tracker, series };
}
