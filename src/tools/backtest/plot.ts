// The picture of one changed policy for the review: the value each threshold condition compared
// over the window, the old and the new threshold, and the incidents of each side shaded.
// The data is a TimeSeriesChartSpec, the input of the charting module planned in issue 26
// (src/tools/charts/renderTimeSeriesChartSvg); until it lands, the spec is drawn with simulate's
// plot (src/tools/simulate/plot.ts) by turning it into the test result that plot reads: at merge,
// only renderChart below changes.
import type { ConditionTrace, PolicyRun } from '../simulate/evaluate-policy';
import { lookupMetric } from '../../gcp/metric-catalog';
import { plotTest } from '../simulate/plot';
import type { Policy } from '../simulate/policy-model';
import type { TestResult } from '../simulate/run-scenarios';
import type { PolicyRevisionChange } from './revision-backtest';

export interface TimeSeriesChartSpec {
  readonly title: string;
  /** Catalog unit, e.g. '1' for ratios, 'ms', 'us'. */
  readonly unit: string;
  readonly series: ReadonlyArray<{ readonly name: string; readonly points: ReadonlyArray<{ t: number; v: number }> }>;
  readonly thresholds: ReadonlyArray<{ readonly value: number; readonly label: string }>;
  readonly incidents: ReadonlyArray<{ readonly start: number; readonly end?: number; readonly label?: string }>;
  readonly width?: number;
  readonly height?: number;
}

/**
 * The catalog unit of what the policy's first threshold condition compares (a log-based metric's
 * from the stack); '1' for a ratio of two filters, or when unknown.
 */
export function comparedUnit(policy: Policy | undefined, logMetrics: ReadonlyMap<string, { unit: string }>): string {
  const condition = policy?.conditions.find((one) => one.type === 'threshold');
  if (condition?.type !== 'threshold' || condition.denominatorFilter) return '1';
  const type = /metric\.type\s*=\s*"([^"]+)"/.exec(condition.filter)?.[1];
  if (!type) return '1';
  return lookupMetric(type)?.unit ?? logMetrics.get(type)?.unit ?? '1';
}

/** The first threshold condition's compared values: what the threshold is drawn against. */
function firstTrace(run: PolicyRun | undefined): ConditionTrace | undefined {
  return run?.status === 'evaluated' ? run.traces.find((trace) => trace.threshold !== undefined) : undefined;
}

/** The spec of one change; times in epoch seconds (`origin` is the history's t=0). */
export function revisionChartSpec(change: PolicyRevisionChange, origin: number, unit: string): TimeSeriesChartSpec {
  const trace = firstTrace(change.runs.after) ?? firstTrace(change.runs.before);
  const series = [...(trace?.values ?? new Map<string, Array<[number, number]>>())].map(([name, points]) => ({
    name: name || 'value',
    points: points.map(([t, v]) => ({ t: origin + t, v })),
  }));
  const thresholds: Array<{ value: number; label: string }> = [];
  const before = firstTrace(change.runs.before)?.threshold;
  const after = firstTrace(change.runs.after)?.threshold;
  if (before !== undefined) thresholds.push({ value: before, label: `before: ${before}` });
  if (after !== undefined && after !== before) thresholds.push({ value: after, label: `after: ${after}` });
  const incidents = (['before', 'after'] as const).flatMap((sideName) => {
    const run = change.runs[sideName];
    if (run?.status !== 'evaluated') return [];
    return run.incidents.map((incident) => ({
      start: origin + incident.openedAt,
      ...(incident.closedAt === undefined ? {} : { end: origin + incident.closedAt }),
      label: sideName,
    }));
  });
  return {
    title: `${change.policy}: ${change.thresholds.join(', ') || change.kind}`,
    unit,
    series,
    thresholds,
    incidents,
  };
}

/** Draws a spec with simulate's plot: one panel per threshold, the series and its side's incidents. */
export function renderChart(spec: TimeSeriesChartSpec): string {
  const origin = Math.min(
    ...spec.series.flatMap((one) => one.points.map((point) => point.t)),
    ...spec.incidents.map((one) => one.start),
  );
  const end = Math.max(...spec.series.flatMap((one) => one.points.map((point) => point.t)), origin + 1);
  const values = new Map(
    spec.series.map((one) => [one.name, one.points.map((point) => [point.t - origin, point.v] as [number, number])]),
  );
  const runs: PolicyRun[] = spec.thresholds.map((threshold) => {
    const side = threshold.label.split(':')[0];
    return {
      status: 'evaluated',
      policy: {
        address: side,
        displayName: side,
        combiner: 'OR',
        conditions: [],
        autoCloseSeconds: 0,
        enabled: true,
      } as Policy,
      incidents: spec.incidents
        .filter((incident) => incident.label === undefined || incident.label === side)
        .map((incident) => ({
          openedAt: incident.start - origin,
          closedAt: (incident.end ?? end) - origin,
          failing: [],
          conditionsMet: [],
        })),
      traces: [
        {
          displayName: `${spec.title} (${threshold.label}, unit ${spec.unit})`,
          ingestDelaySeconds: 0,
          values,
          threshold: threshold.value,
        },
      ],
    };
  });
  const result = { name: spec.title, series: [], incidentStart: 0, until: end - origin, runs } as unknown as TestResult;
  return plotTest(result, new Set(runs.map((run) => run.policy.displayName)));
}
