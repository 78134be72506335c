// The picture of one test for a person to look at (`vigil simulate --plot`): a chart of the input
// series, then a chart per threshold condition of each evaluated policy the test expects something
// of: the value the condition compared, its threshold labelled with the policy in the metric's unit
// (1%, 500 ms), the incidents shaded and the scenario's incident start marked. Charts are drawn by
// charts/render-chart.ts; this file only decides what they show, and stacks them into one file.
import { readingUnit } from '../../gcp/metric-catalog';
import { conditionUnit } from '../backtest/condition-unit';
import type { TimeSeriesChartSpec } from '../charts/chart-spec';
import { renderChartSvg } from '../charts/render-chart';
import { distributionPercentile } from './distribution';
import { formatDuration } from './durations';
import type { PolicyRun } from './evaluate-policy';
import type { TestResult } from './run-scenarios';
import type { InputSeries, PointValue } from './series';

const WIDTH = 960;
const HEIGHT = 300;

function plotValue(value: PointValue): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  return distributionPercentile(value, 99) ?? Number.NaN;
}

/** A resource path (`projects/p/locations/l/instances/r1`) by its last segment, other values as they are. */
function shortLabelValue(value: string): string {
  return /^projects\/.+\/([^/]+)$/.exec(value)?.[1] ?? value;
}

/** A series' labels, resource's then metric's, as `key=value`. */
function labelPairs(series: InputSeries): string[] {
  return Object.entries({ ...series.identity.resourceLabels, ...series.identity.metricLabels }).map(
    ([key, value]) => `${key}=${shortLabelValue(value)}`,
  );
}

/**
 * Legend names that tell the input series apart in few words: the metric type without its domain
 * (`clients/connected`), then only the labels whose values differ between the series.
 */
function inputSeriesNames(series: readonly InputSeries[]): string[] {
  const pairs = series.map(labelPairs);
  const counts = new Map<string, number>();
  for (const pair of pairs.flat()) counts.set(pair, (counts.get(pair) ?? 0) + 1);
  return series.map((one, index) => {
    const type = one.identity.metricType.replace(/^[^/]+\.com\//, '');
    const telling = pairs[index].filter((pair) => counts.get(pair) !== series.length);
    return [type, ...telling].join(' ');
  });
}

/** The catalog unit the input series share, '1' (a plain number) when they differ or are unknown. */
function inputUnit(result: TestResult): string {
  const units = new Set(
    result.series.map(
      (one) => readingUnit(one.identity.metricType) ?? result.logMetrics?.get(one.identity.metricType)?.unit,
    ),
  );
  const [unit] = [...units];
  return units.size === 1 && unit !== undefined ? unit : '1';
}

/** Times on the chart: the exports' wall clock when the test replays them, else time since the start. */
function timeAxis(
  result: TestResult,
): Pick<TimeSeriesChartSpec, 'timeAxis' | 'window'> & { at: (t: number) => number } {
  const at = (t: number) => (result.origin ?? 0) + t;
  // Every chart of a test spans the whole evaluation, so that their times line up one under the other.
  const window = { start: at(0), end: at(result.until) };
  return { timeAxis: result.origin === undefined ? 'elapsed' : 'utc', window, at };
}

function incidentStartEvent(result: TestResult, at: (t: number) => number): TimeSeriesChartSpec['events'] {
  return result.incidentStart > 0
    ? [{ t: at(result.incidentStart), label: `incident start t=${formatDuration(result.incidentStart)}` }]
    : [];
}

function inputChart(result: TestResult): TimeSeriesChartSpec {
  const { timeAxis: axis, window, at } = timeAxis(result);
  const names = inputSeriesNames(result.series);
  const distributions = result.series.some((one) => one.valueType === 'DISTRIBUTION');
  return {
    title: `${result.name}: input series${distributions ? ' (distributions as the p99 of each sample)' : ''}`,
    unit: inputUnit(result),
    series: result.series.map((one, index) => ({
      name: names[index],
      points: one.points.map((point) => ({ t: at(point.t), v: plotValue(point.v) })),
    })),
    thresholds: [],
    incidents: [],
    events: incidentStartEvent(result, at),
    timeAxis: axis,
    window,
    width: WIDTH,
    height: HEIGHT,
  };
}

/**
 * A compared series' legend name from its key (`resource.label.instance_id=projects/p/…/instances/r1`):
 * label names without their `resource.label.` prefix, resource paths by their last segment.
 */
function comparedSeriesName(key: string): string {
  if (!key) return 'value';
  return key
    .replace(/\b(resource|metric)\.labels?\./g, '')
    .replace(/=(projects\/[^,\s}]+)/g, (_, value: string) => `=${shortLabelValue(value)}`);
}

/** A chart per threshold condition of an evaluated policy. */
function policyCharts(result: TestResult, run: PolicyRun): TimeSeriesChartSpec[] {
  if (run.status !== 'evaluated') return [];
  const { timeAxis: axis, window, at } = timeAxis(result);
  const fired = run.incidents.map((incident) => `t=${formatDuration(incident.openedAt)}`);
  const logMetrics = result.logMetrics ?? new Map<string, { unit: string }>();
  return run.traces.flatMap((trace, index) => {
    if (trace.threshold === undefined) return [];
    const unit = conditionUnit(run.policy.conditions[index], logMetrics) ?? '1';
    return [
      {
        title: [
          `${run.policy.displayName}: ${trace.displayName}`,
          `(ingest delay ${formatDuration(trace.ingestDelaySeconds)})`,
          fired.length > 0 ? `fired ${fired.join(', ')}` : 'did not fire',
        ].join(' '),
        unit,
        series: [...trace.values].map(([key, points]) => ({
          name: comparedSeriesName(key),
          points: points.map(([t, v]) => ({ t: at(t), v })),
        })),
        thresholds: [{ value: trace.threshold, label: `${run.policy.displayName}: threshold` }],
        incidents: run.incidents.map((incident) => ({
          start: at(incident.openedAt),
          end: at(incident.closedAt ?? result.until),
        })),
        events: incidentStartEvent(result, at),
        timeAxis: axis,
        window,
        width: WIDTH,
        height: HEIGHT,
      },
    ];
  });
}

/** The charts of one test: its input, then the policies `policies` names (its expectations'). */
export function testCharts(result: TestResult, policies: ReadonlySet<string>): TimeSeriesChartSpec[] {
  return [
    inputChart(result),
    ...result.runs.filter((run) => policies.has(run.policy.displayName)).flatMap((run) => policyCharts(result, run)),
  ];
}

/** The SVG of one test: its charts one under the other, each a nested SVG document. */
export async function plotTest(result: TestResult, policies: ReadonlySet<string>): Promise<string> {
  const charts = testCharts(result, policies);
  const drawn: string[] = [];
  for (const chart of charts) drawn.push(await renderChartSvg(chart));
  const nested = drawn.map((svg, index) => svg.trimEnd().replace(/^<svg /, `<svg x="0" y="${index * HEIGHT}" `));
  const height = charts.length * HEIGHT;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">\n${nested.join('\n')}\n</svg>\n`;
}

/** A file name from a test's name: lower case, dashes, no path separators. */
export function plotFileName(file: string, testName: string, extension = 'svg'): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
  const slug = testName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `${base}--${slug}.${extension}`;
}
