// One tracker per condition: fed one evaluation instant after another, it keeps each output
// series' violation run (for `duration`), applies evaluation_missing_data, and answers whether
// the condition's trigger is met and by which series.
import { aggregateAt, AggregatedSeries, PreparedSeries } from './aggregate';
import type { AlignedValue } from './aligners';
import { distributionMean } from './distribution';
import { groupLabels, Labels, labelsKey } from './labels';
import type { AbsentCondition, ThresholdCondition, Trigger } from './policy-model';
import { firstAfter } from './series';

export interface ConditionTick {
  readonly met: boolean;
  /** Labels of the series failing now (violating for at least the duration). */
  readonly failing: readonly Labels[];
  /** Whether any series of the condition had a value (threshold) or a point (absence) now. */
  readonly hasData: boolean;
  /**
   * Whether the condition was evaluated to true or false now: some series had data, or
   * evaluation_missing_data gave silent series a value. Only a decided "false" resolves an incident.
   */
  readonly decided: boolean;
  /** The compared value per output series, for plots. */
  readonly values?: ReadonlyMap<string, number>;
}

export interface ConditionTracker {
  /** `dataTime` is the wall-clock instant less the metric's ingest delay. */
  step(wallTime: number, dataTime: number): ConditionTick;
}

function triggerMet(trigger: Trigger, failing: number, total: number): boolean {
  if (failing === 0) return false;
  if (trigger.percent !== undefined) return total > 0 && (failing / total) * 100 >= trigger.percent;
  return failing >= (trigger.count ?? 1);
}

export const SIMULATED_COMPARISONS: ReadonlySet<string> = new Set([
  'COMPARISON_GT',
  'COMPARISON_GE',
  'COMPARISON_LT',
  'COMPARISON_LE',
  'COMPARISON_EQ',
  'COMPARISON_NE',
]);

export function compare(value: number, comparison: string, threshold: number): boolean {
  switch (comparison) {
    case 'COMPARISON_GT':
      return value > threshold;
    case 'COMPARISON_GE':
      return value >= threshold;
    case 'COMPARISON_LT':
      return value < threshold;
    case 'COMPARISON_LE':
      return value <= threshold;
    case 'COMPARISON_EQ':
      return value === threshold;
    case 'COMPARISON_NE':
      return value !== threshold;
    default:
      throw new Error(`comparison ${comparison} is not simulated`);
  }
}

function asNumber(value: AlignedValue): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  return distributionMean(value) ?? 0;
}

interface SeriesState {
  labels: Labels;
  /** Wall time of the first violating evaluation of the current run. */
  runStart?: number;
  lastSeen: number;
  /** Whether it was failing at the last evaluation it was decided (NO_OP silence keeps this). */
  failing: boolean;
}

/**
 * Ratio: numerator and denominator series are joined by their labels after aggregation.
 * ASSUMPTION (undocumented, alert-evaluation.md §2.7): a label set present on one side only, or
 * with a zero denominator, gives no ratio at that instant (a gap, not 0 and not infinity).
 */
export function ratioValues(
  numerator: Map<string, AggregatedSeries>,
  denominator: Map<string, AggregatedSeries>,
): Map<string, AggregatedSeries> {
  const out = new Map<string, AggregatedSeries>();
  for (const [key, top] of numerator) {
    const bottom = denominator.get(key);
    if (!bottom) continue;
    const divisor = asNumber(bottom.value);
    if (divisor === 0) continue;
    out.set(key, { labels: top.labels, key, value: asNumber(top.value) / divisor });
  }
  return out;
}

export function thresholdTracker(
  condition: ThresholdCondition,
  numerator: readonly PreparedSeries[],
  denominator: readonly PreparedSeries[] | undefined,
  forgetAfter: number,
  recordValues: boolean,
): ConditionTracker {
  const states = new Map<string, SeriesState>();
  return {
    step(wallTime, dataTime) {
      let current = aggregateAt(numerator, condition.aggregations, dataTime);
      if (denominator)
        current = ratioValues(current, aggregateAt(denominator, condition.denominatorAggregations, dataTime));
      const values = recordValues ? new Map<string, number>() : undefined;
      for (const [key, series] of current) {
        const value = asNumber(series.value);
        values?.set(key, value);
        const state = states.get(key) ?? { labels: series.labels, lastSeen: wallTime, failing: false };
        state.lastSeen = wallTime;
        if (compare(value, condition.comparison, condition.thresholdValue)) state.runStart ??= wallTime;
        else state.runStart = undefined;
        states.set(key, state);
      }
      let failing: Labels[] = [];
      let total = 0;
      let decided = current.size > 0;
      for (const [key, state] of states) {
        if (!current.has(key)) {
          // A series seen before, silent now. Forgotten once silent as long as auto-close.
          if (wallTime - state.lastSeen >= forgetAfter) {
            states.delete(key);
            continue;
          }
          if (condition.missingData === 'NO_OP') {
            // Not evaluated to any value: a failing series stays failing, a run in progress
            // neither grows into a failure nor resets while the series is silent.
            if (state.failing) {
              total++;
              failing.push(state.labels);
            }
            continue;
          }
          decided = true;
          if (condition.missingData === 'ACTIVE') state.runStart ??= wallTime;
          else state.runStart = undefined;
          if (state.runStart === undefined) {
            // INACTIVE: evaluated as not violating, so it counts among the series of a percent trigger.
            state.failing = false;
            total++;
            continue;
          }
        }
        total++;
        state.failing = state.runStart !== undefined && wallTime - state.runStart >= condition.durationSeconds;
        if (state.failing) failing.push(state.labels);
      }
      const met = triggerMet(condition.trigger, failing.length, total);
      if (!met) failing = [];
      return { met, failing, hasData: current.size > 0, decided, values };
    },
  };
}

/**
 * Absence: a group (group_by_fields of the first aggregation, or each series without a reducer)
 * that has reported at least once and has no point in the last `duration` is failing
 * (alert-evaluation.md §2.8: "at least one successful measurement" is required).
 */
export function absenceTracker(condition: AbsentCondition, inputs: readonly PreparedSeries[]): ConditionTracker {
  const first = condition.aggregations[0];
  const grouped = first !== undefined && first.reducer !== 'REDUCE_NONE';
  const groups = new Map<string, { labels: Labels; members: PreparedSeries[] }>();
  for (const input of inputs) {
    const labels = grouped ? groupLabels(input.labels, first.groupByFields) : input.labels;
    const key = labelsKey(labels);
    const group = groups.get(key) ?? { labels, members: [] };
    group.members.push(input);
    groups.set(key, group);
  }
  return {
    step(_wallTime, dataTime) {
      let failing: Labels[] = [];
      let seenGroups = 0;
      let hasData = false;
      for (const group of groups.values()) {
        let seen = false;
        let recent = false;
        for (const member of group.members) {
          const points = member.series.points;
          const upTo = firstAfter(points, dataTime);
          if (upTo === 0) continue;
          seen = true;
          if (points[upTo - 1].t > dataTime - condition.durationSeconds) recent = true;
        }
        if (!seen) continue;
        seenGroups++;
        if (recent) hasData = true;
        else failing.push(group.labels);
      }
      const met = triggerMet(condition.trigger, failing.length, seenGroups);
      if (!met) failing = [];
      return { met, failing, hasData, decided: seenGroups > 0 };
    },
  };
}
