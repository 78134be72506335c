// Turns a test's series as written (expanding notation, distribution segments) into InputSeries
// with timestamps and a shape. The shape comes from the scenario, else the metric catalog, else
// the log-based metrics the stack defines; a metric none of them knows is a user error.
import type { ConfigProblem } from '../../config/config-error';
import { lookupMetric, MetricKind, ValueType } from '../../gcp/metric-catalog';
import { closestName } from '../../util/closest-name';
import { Distribution } from './distribution';
import { expandNotation, Sample } from './expanding-notation';
import type { StackModel } from './policy-model';
import type { ScenarioSeries } from './scenario-schema';
import type { InputSeries, Point, PointValue } from './series';
import { appendAll } from '../../util/append-all';
import { formatDuration } from './durations';
import { count, MAX_SCENARIO_SPAN_SECONDS } from './scenario-limits';

export interface SeriesShape {
  readonly kind: MetricKind;
  readonly valueType: ValueType;
}

export function seriesShape(series: ScenarioSeries, stack: StackModel): SeriesShape | undefined {
  const known = lookupMetric(series.metric) ?? stack.logMetrics.get(series.metric);
  const kind = series.kind ?? known?.kind;
  const valueType = series.value_type ?? known?.valueType;
  return kind && valueType ? { kind, valueType } : undefined;
}

type Written = Sample | Distribution;

function writtenSamples(values: ScenarioSeries['values']): Written[] {
  if (typeof values === 'string') return expandNotation(values);
  const samples: Written[] = [];
  for (const segment of values) {
    if (typeof segment === 'string') appendAll(samples, expandNotation(segment));
    else for (let index = 0; index < segment.repeat; index++) samples.push(segment.distribution);
  }
  return samples;
}

/**
 * Builds one input series; `where` is its field path (`tests[0].series[1]`) for problems, which
 * are pushed to `problems` (the series is then undefined).
 */
export function buildSeries(
  series: ScenarioSeries,
  defaultInterval: number,
  stack: StackModel,
  file: string,
  where: string,
  problems: ConfigProblem[],
): InputSeries | undefined {
  const shape = seriesShape(series, stack);
  if (!shape) {
    const known = [...stack.logMetrics.keys()];
    const guess = closestName(series.metric, known);
    problems.push({
      file,
      path: `${where}.metric`,
      message: `"${series.metric}" is neither in the metric catalog nor a log-based metric of the stack${guess ? ` (did you mean "${guess}"?)` : ''}; give kind: and value_type: for it`,
    });
    return undefined;
  }
  const interval = series.interval ?? defaultInterval;
  const points: Point[] = [];
  const samples = writtenSamples(series.values);
  const lastSample = series.start + interval * Math.max(0, samples.length - 1);
  if (lastSample > MAX_SCENARIO_SPAN_SECONDS) {
    problems.push({
      file,
      path: `${where}.values`,
      message:
        `the last of ${count(samples.length)} samples every ${formatDuration(interval)} is at ${formatDuration(lastSample)}; ` +
        `expected a series within ${MAX_SCENARIO_SPAN_SECONDS / 86400} days, the longest a scenario covers`,
    });
    return undefined;
  }
  for (let index = 0; index < samples.length; index++) {
    const sample = samples[index];
    if (sample === null) continue;
    const value = checkedValue(sample, shape);
    if (typeof value === 'string') {
      problems.push({ file, path: `${where}.values`, message: `sample ${index + 1}: ${value}` });
      return undefined;
    }
    points.push({ t: series.start + index * interval, v: value });
  }
  return {
    name: where,
    identity: {
      metricType: series.metric,
      resourceType: series.resource,
      metricLabels: series.metric_labels,
      resourceLabels: series.resource_labels,
    },
    kind: shape.kind,
    valueType: shape.valueType,
    points,
  };
}

/** The sample as the series' value type holds it, or a message saying what was expected. */
function checkedValue(sample: Exclude<Written, null>, shape: SeriesShape): PointValue | string {
  const what = `${shape.kind} ${shape.valueType}`;
  if (shape.valueType === 'DISTRIBUTION') {
    return typeof sample === 'object'
      ? sample
      : `found ${JSON.stringify(sample)}, but the metric is ${what}: expected {distribution: {values: […]} or {bounds: […], counts: […]}}`;
  }
  if (typeof sample === 'object') return `found a distribution, but the metric is ${what}`;
  if (shape.valueType === 'BOOL') {
    if (typeof sample === 'boolean') return sample;
    if (sample === 0 || sample === 1) return sample === 1;
    return `found ${sample}, but the metric is ${what}: expected true, false, 1 or 0`;
  }
  if (typeof sample === 'boolean') return `found ${sample}, but the metric is ${what}: expected a number`;
  return sample;
}
