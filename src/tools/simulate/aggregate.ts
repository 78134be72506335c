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
  readonly value: AlignedValue;
}

export interface PreparedSeries {
  readonly series: InputSeries;
  readonly labels: Labels;
}

export function prepare(series: readonly InputSeries[]): PreparedSeries[] {
  return series.map((one) => ({ series: one, labels: labelsOf(one.identity) }));
}

/** Without aggregations the raw points are read over one evaluation interval, latest first. */
const RAW: Aggregation = { alignmentPeriod: EVALUATION_INTERVAL_SECONDS, aligner: 'ALIGN_NONE', reducer: 'REDUCE_NONE', groupByFields: [] };

export function aggregateAt(inputs: readonly PreparedSeries[], aggregations: readonly Aggregation[], time: number): Map<string, AggregatedSeries> {
  const [first = RAW, ...rest] = aggregations;
  const period = first.alignmentPeriod ?? EVALUATION_INTERVAL_SECONDS;
  let current: AggregatedSeries[] = [];
  for (const input of inputs) {
    const value = align(first.aligner, input.series.points, time, period, input.series.kind);
    if (value !== undefined) current.push({ labels: input.labels, value });
  }
  for (const aggregation of [first, ...rest]) current = reduceGroups(current, aggregation);
  const out = new Map<string, AggregatedSeries>();
  for (const series of current) out.set(labelsKey(series.labels), series);
  return out;
}

function reduceGroups(series: readonly AggregatedSeries[], aggregation: Aggregation): AggregatedSeries[] {
  if (aggregation.reducer === 'REDUCE_NONE') return [...series];
  const groups = new Map<string, { labels: Labels; values: AlignedValue[] }>();
  for (const one of series) {
    const labels = groupLabels(one.labels, aggregation.groupByFields);
    const key = labelsKey(labels);
    const group = groups.get(key) ?? { labels, values: [] };
    group.values.push(one.value);
    groups.set(key, group);
  }
  const out: AggregatedSeries[] = [];
  for (const group of groups.values()) {
    const value = reduce(aggregation.reducer, group.values);
    if (value !== undefined) out.push({ labels: group.labels, value });
  }
  return out;
}
