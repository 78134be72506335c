// Aggregation of the series a filter selected, at one instant: align each series over its window,
// then reduce across series per group (group_by_fields plus the implied resource.type).
// Multiple aggregations apply in order; ASSUMPTION: after the first, only their reducers matter
// (the series are already aligned to the same instants, so re-aligning would change nothing).
import { align, AlignedValue } from './aligners';
import { groupLabels, Labels, labelsKey, labelsOf } from './labels';
import type { Aggregation } from './policy-model';
import { reduce } from './reducers';
import type { InputSeries } from './series';

/** ASSUMPTION (no documented cadence, alert-evaluation.md §2.4): conditions are evaluated every 60 s. */
export const EVALUATION_INTERVAL_SECONDS = 60;

export interface AggregatedSeries {
  readonly labels: Labels;
  readonly key: string;
  readonly value: AlignedValue;
}

export interface PreparedSeries {
  readonly series: InputSeries;
  readonly labels: Labels;
  readonly key: string;
}

export function prepare(series: readonly InputSeries[]): PreparedSeries[] {
  return series.map((one) => {
    const labels = labelsOf(one.identity);
    return { series: one, labels, key: labelsKey(labels) };
  });
}

// Grouping the same label set by the same aggregation gives the same group at every instant:
// computed once (evaluation steps thousands of instants).
const groupCache = new WeakMap<Labels, WeakMap<Aggregation, { labels: Labels; key: string }>>();

function groupOf(labels: Labels, aggregation: Aggregation): { labels: Labels; key: string } {
  let byAggregation = groupCache.get(labels);
  if (!byAggregation) {
    byAggregation = new WeakMap();
    groupCache.set(labels, byAggregation);
  }
  let group = byAggregation.get(aggregation);
  if (!group) {
    const kept = groupLabels(labels, aggregation.groupByFields);
    group = { labels: kept, key: labelsKey(kept) };
    byAggregation.set(aggregation, group);
  }
  return group;
}

/** Without aggregations the raw points are read over one evaluation interval, latest first. */
const RAW: Aggregation = {
  alignmentPeriod: EVALUATION_INTERVAL_SECONDS,
  aligner: 'ALIGN_NONE',
  reducer: 'REDUCE_NONE',
  groupByFields: [],
};

export function aggregateAt(
  inputs: readonly PreparedSeries[],
  aggregations: readonly Aggregation[],
  time: number,
): Map<string, AggregatedSeries> {
  const [first = RAW, ...rest] = aggregations;
  const period = first.alignmentPeriod ?? EVALUATION_INTERVAL_SECONDS;
  let current: AggregatedSeries[] = [];
  for (const input of inputs) {
    const value = align(first.aligner, input.series.points, time, period, input.series.kind);
    if (value !== undefined) current.push({ labels: input.labels, key: input.key, value });
  }
  current = reduceGroups(current, first);
  for (const aggregation of rest) current = reduceGroups(current, aggregation);
  const out = new Map<string, AggregatedSeries>();
  for (const series of current) out.set(series.key, series);
  return out;
}

function reduceGroups(series: readonly AggregatedSeries[], aggregation: Aggregation): AggregatedSeries[] {
  if (aggregation.reducer === 'REDUCE_NONE') return [...series];
  const groups = new Map<string, { labels: Labels; values: AlignedValue[] }>();
  for (const one of series) {
    const { labels, key } = groupOf(one.labels, aggregation);
    const group = groups.get(key);
    if (group) group.values.push(one.value);
    else groups.set(key, { labels, values: [one.value] });
  }
  const out: AggregatedSeries[] = [];
  for (const [key, group] of groups) {
    const value = reduce(aggregation.reducer, group.values);
    if (value !== undefined) out.push({ labels: group.labels, key, value });
  }
  return out;
}
