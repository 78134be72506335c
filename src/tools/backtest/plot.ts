// The picture of one changed policy for the review: the value each threshold condition compared
// over the window, the old and the new threshold, and the incidents of each side shaded. This file
// builds the chart's data (a TimeSeriesChartSpec); charts/render-chart.ts draws it.
import type { TimeSeriesChartSpec } from '../charts/chart-spec';
import type { ConditionTrace, PolicyRun } from '../simulate/evaluate-policy';
import { conditionUnit } from './condition-unit';
import type { Policy } from '../simulate/policy-model';
import type { PolicyRevisionChange } from './revision-backtest';

/**
 * The catalog unit of what the policy's first threshold condition compares (a log-based metric's
 * from the stack); RATIO for a ratio of two filters; '1' (a plain number) when unknown.
 */
export function comparedUnit(policy: Policy | undefined, logMetrics: ReadonlyMap<string, { unit: string }>): string {
  return (
    conditionUnit(
      policy?.conditions.find((one) => one.type === 'threshold'),
      logMetrics,
    ) ?? '1'
  );
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
  if (before !== undefined) thresholds.push({ value: before, label: 'threshold before' });
  if (after !== undefined && after !== before) thresholds.push({ value: after, label: 'threshold after' });
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
