// An alertChart tile: its policy's conditions over the preview's series, as simulate evaluated
// them (the value each threshold condition compared, at the time of the data it read), the
// threshold labelled with its condition, and the incidents the policy opened shaded.
import { conditionUnit } from '../backtest/condition-unit';
import type { TimeSeriesChartSpec } from '../charts/chart-spec';
import type { PolicyRun } from '../simulate/evaluate-policy';
import type { Policy, StackModel } from '../simulate/policy-model';
import type { PreviewData } from './preview-data';
import { seriesNames } from './series-name';

/** The labels of a trace's series key (`resource.type=x,resource.label.y=z`, as labelsKey writes it). */
function labelsOfKey(key: string): Record<string, string> {
  return Object.fromEntries(
    key
      .split(',')
      .filter((pair) => pair.includes('='))
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
}

export type AlertChartData =
  | {
      readonly status: 'chart';
      readonly spec: Omit<TimeSeriesChartSpec, 'title' | 'width' | 'height'>;
      readonly policy: Policy;
    }
  | { readonly status: 'missing'; readonly reason: string };

/** `${google_monitoring_alert_policy.x.name}` (the stack's reference) or a policy's own name or address. */
export function findAlertPolicy(name: string, stack: StackModel): Policy | undefined {
  const reference = /^\$\{(google_monitoring_alert_policy\.[^.}]+)\.(?:name|id)\}$/.exec(name.trim());
  const address = reference ? reference[1] : name;
  return stack.policies.find((policy) => policy.address === address || policy.displayName === name);
}

export function alertChartData(name: string, data: PreviewData, stack: StackModel): AlertChartData {
  const policy = findAlertPolicy(name, stack);
  if (!policy) return { status: 'missing', reason: `no alert policy "${name}" in the stack` };
  const run: PolicyRun | undefined = data.runs.get(policy.address);
  if (!run || run.status === 'not-simulated')
    return {
      status: 'missing',
      reason: run?.status === 'not-simulated' ? `not simulated: ${run.reason}` : 'not evaluated',
    };
  if (run.status === 'no-input') return { status: 'missing', reason: 'No data for the selected time frame' };
  // The conditions compared in the first threshold condition's unit: a policy that also counts
  // requests (a ratio gated on traffic) would otherwise draw 1% and 100 requests on one axis.
  const unit =
    conditionUnit(
      policy.conditions.find((condition) => condition.type === 'threshold'),
      stack.logMetrics,
    ) ?? '1';
  const charted = run.traces.filter(
    (trace, index) =>
      trace.threshold !== undefined && (conditionUnit(policy.conditions[index], stack.logMetrics) ?? '1') === unit,
  );
  const series = charted.flatMap((trace) => {
    const lines = [...trace.values.values()];
    const names = seriesNames([...trace.values.keys()].map(labelsOfKey), undefined, trace.displayName);
    return lines.map((points, index) => ({
      name:
        charted.length > 1 && names[index] !== trace.displayName
          ? `${trace.displayName}: ${names[index]}`
          : names[index],
      // Plotted at the time of the data the evaluation read: a log-based metric's point is compared 10 minutes later.
      points: points.map(([wall, v]) => ({ t: data.origin + wall - trace.ingestDelaySeconds, v })),
    }));
  });
  const thresholds = charted.map((trace) => ({ value: trace.threshold!, label: trace.displayName }));
  const incidents = run.incidents.map((incident) => ({
    start: data.origin + incident.openedAt,
    ...(incident.closedAt !== undefined ? { end: data.origin + incident.closedAt } : {}),
  }));
  return {
    status: 'chart',
    policy,
    spec: {
      unit,
      series,
      thresholds,
      incidents,
    },
  };
}
