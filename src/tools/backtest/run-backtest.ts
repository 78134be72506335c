// Evaluates every alert policy of a stack over a history with simulate's evaluator and sums up
// what each would have done: its incidents (open, close, duration, peak), incidents and pages a
// week, and time in alert. docs/backtest.md documents the JSON this model becomes.
import { conditionUnit } from './condition-unit';
import { evaluatePolicy, type ConditionTrace, type Incident } from '../simulate/evaluate-policy';
import { logicalId, type Policy, type StackModel } from '../simulate/policy-model';
import type { History } from './load-history';

const WEEK = 7 * 86400;

export interface BacktestIncident {
  /** Epoch seconds of the evaluation that opened it: when it would have paged. */
  readonly opened: number;
  /** Epoch seconds; undefined when still open at the window's end. */
  readonly closed?: number;
  readonly closedBy?: 'resolved' | 'auto-close';
  /** Up to the window's end when still open. */
  readonly durationSeconds: number;
  /** The most extreme compared value (in the comparison's direction) while open, when known. */
  /** `unit`: the catalog unit the condition compares in (absent when unknown, e.g. a log-based metric). */
  readonly peak?: {
    readonly value: number;
    readonly threshold: number;
    readonly condition: string;
    readonly unit?: string;
  };
}

export interface PolicyBacktest {
  readonly policy: string;
  readonly address: string;
  readonly id?: string;
  readonly severity?: string;
  readonly enabled: boolean;
  readonly status: 'evaluated' | 'no-input' | 'not-simulated';
  readonly reason?: string;
  readonly incidents: readonly BacktestIncident[];
  readonly incidentsPerWeek: number;
  /** A disabled policy opens no incidents, hence pages nobody: equal to incidentsPerWeek otherwise. */
  readonly pagesPerWeek: number;
  readonly secondsInAlert: number;
  /** secondsInAlert over the window, 0 to 1. */
  readonly fractionInAlert: number;
}

export interface BacktestReport {
  readonly from: number;
  readonly to: number;
  readonly days: number;
  readonly seriesCount: number;
  readonly policies: readonly PolicyBacktest[];
  /** Pages a week of all policies, by severity (policies without one under "NONE"). */
  readonly pagesPerWeekBySeverity: Readonly<Record<string, number>>;
  /** Stretches of an hour or more in which a series has no point (missing data, late start, early end). */
  readonly dataGaps: History['gaps'];
  /** Pages a week each notification channel receives (a policy pages all its channels); absent when unknown. */
  readonly pagesPerWeekByChannel?: Readonly<Record<string, number>>;
}

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function peakOf(
  incident: Incident,
  end: number,
  traces: readonly ConditionTrace[],
  policy: Policy,
): BacktestIncident['peak'] {
  let best: BacktestIncident['peak'];
  for (const index of incident.conditionsMet) {
    const trace = traces[index];
    const condition = policy.conditions[index];
    if (trace?.threshold === undefined || condition?.type !== 'threshold') continue;
    const lower = condition.comparison === 'COMPARISON_LT' || condition.comparison === 'COMPARISON_LE';
    for (const line of trace.values.values()) {
      for (const [wall, value] of line) {
        if (wall < incident.openedAt || wall > end || !Number.isFinite(value)) continue;
        const better = best === undefined || (lower ? value < best.value : value > best.value);
        if (better) {
          const unit = conditionUnit(condition);
          best = { value, threshold: trace.threshold, condition: trace.displayName, ...(unit ? { unit } : {}) };
        }
      }
    }
  }
  return best;
}

/** Why a policy read nothing: a Terraform reference in a filter cannot match a real series. */
function noInputReason(policy: Policy): string {
  for (const condition of policy.conditions) {
    const reference = condition.type === 'unsupported' ? null : /\$\{[^}]*\}/.exec(condition.filter);
    if (reference)
      return `its filter refers to ${reference[0]}, known only after terraform apply; no exported series can match it`;
  }
  return 'none of its series is in the history';
}

/** `channels`: each policy's channel names by address (policy-channels.ts), when the artifact is at hand. */
export function runBacktest(
  stack: StackModel,
  history: History,
  channels?: ReadonlyMap<string, readonly string[]>,
): BacktestReport {
  const windowSeconds = history.until;
  const weeks = windowSeconds / WEEK;
  const policies = stack.policies.map((policy): PolicyBacktest => {
    // Per-instant values (for each incident's peak) cost memory over weeks of minutes: recorded
    // only in a second evaluation of the policies that opened an incident.
    const options = { until: history.until, slos: stack.slos };
    let run = evaluatePolicy(policy, history.series, options);
    if (run.status === 'evaluated' && run.incidents.length > 0)
      run = evaluatePolicy(policy, history.series, { ...options, recordValues: true });
    const base = {
      policy: policy.displayName,
      address: policy.address,
      id: logicalId(policy),
      severity: policy.severity,
      enabled: policy.enabled,
    };
    if (run.status !== 'evaluated')
      return {
        ...base,
        status: run.status,
        reason: run.status === 'not-simulated' ? run.reason : noInputReason(policy),
        incidents: [],
        incidentsPerWeek: 0,
        pagesPerWeek: 0,
        secondsInAlert: 0,
        fractionInAlert: 0,
      };
    const incidents = run.incidents.map((incident): BacktestIncident => {
      const end = incident.closedAt ?? history.until;
      return {
        opened: history.origin + incident.openedAt,
        ...(incident.closedAt === undefined
          ? {}
          : { closed: history.origin + incident.closedAt, closedBy: incident.closedBy }),
        durationSeconds: end - incident.openedAt,
        peak: peakOf(incident, end, run.traces, policy),
      };
    });
    const secondsInAlert = incidents.reduce((sum, incident) => sum + incident.durationSeconds, 0);
    const perWeek = weeks > 0 ? round(incidents.length / weeks) : 0;
    return {
      ...base,
      status: 'evaluated',
      incidents,
      incidentsPerWeek: perWeek,
      pagesPerWeek: policy.enabled ? perWeek : 0,
      secondsInAlert,
      fractionInAlert: windowSeconds > 0 ? round(secondsInAlert / windowSeconds, 4) : 0,
    };
  });
  const bySeverity: Record<string, number> = {};
  for (const one of policies) {
    const key = one.severity ?? 'NONE';
    bySeverity[key] = round((bySeverity[key] ?? 0) + one.pagesPerWeek);
  }
  let byChannel: Record<string, number> | undefined;
  if (channels) {
    byChannel = {};
    for (const one of policies) {
      for (const channel of channels.get(one.address) ?? [])
        byChannel[channel] = round((byChannel[channel] ?? 0) + one.pagesPerWeek);
    }
  }
  return {
    from: history.origin,
    to: history.origin + history.until,
    days: round(windowSeconds / 86400),
    seriesCount: history.series.length,
    policies,
    pagesPerWeekBySeverity: bySeverity,
    dataGaps: history.gaps,
    ...(byChannel ? { pagesPerWeekByChannel: byChannel } : {}),
  };
}
