// The backtest section of `vigil review`: each alert policy that a change adds, removes or alters,
// evaluated before and after on the same history; incidents a week before and after, the
// incidents that appear or vanish, and pages a week over a noise budget per severity (a risk).
import { durationWords } from '../../artifact/duration';
import { formatValue } from '../charts/chart-spec';
import { conditionUnit } from './condition-unit';
import { evaluatePolicy, type PolicyRun } from '../simulate/evaluate-policy';
import { type Policy, type StackModel, stackModelFromJson } from '../simulate/policy-model';
import type { History } from './load-history';

const WEEK = 7 * 86400;
/** An incident of the head opening this close to one of the base is the same incident. */
const SAME_INCIDENT_SECONDS = 30 * 60;

/** Pages a week one policy may send before a change is a review risk, by severity. */
export interface NoiseBudget {
  readonly perPolicy: Readonly<Record<string, number>>;
  readonly otherwise: number;
}

export const DEFAULT_NOISE_BUDGET: NoiseBudget = { perPolicy: {}, otherwise: 2 };

export interface SideResult {
  readonly status: PolicyRun['status'];
  readonly reason?: string;
  readonly incidents: readonly number[];
  readonly incidentsPerWeek: number;
  readonly pagesPerWeek: number;
}

export interface PolicyRevisionChange {
  readonly kind: 'added' | 'removed' | 'changed';
  readonly policy: string;
  readonly address: string;
  readonly severity?: string;
  /** What changed in a threshold, in words: "threshold 0.9 → 0.5". */
  readonly thresholds: readonly string[];
  readonly before?: SideResult;
  readonly after?: SideResult;
  /** Epoch seconds of incidents only the head opens, and only the base opens. */
  readonly appeared: readonly number[];
  readonly vanished: readonly number[];
  readonly budget: number;
  readonly overBudget: boolean;
  /** Kept for the picture: the runs with per-instant values. */
  readonly runs: { readonly before?: PolicyRun; readonly after?: PolicyRun };
}

export interface RevisionBacktest {
  readonly from: number;
  readonly to: number;
  readonly days: number;
  readonly changes: readonly PolicyRevisionChange[];
}

function budgetFor(budget: NoiseBudget, severity: string | undefined): number {
  const own = severity === undefined ? undefined : budget.perPolicy[severity];
  return own ?? budget.otherwise;
}

function side(policy: Policy, stack: StackModel, history: History): { result: SideResult; run: PolicyRun } {
  const run = evaluatePolicy(policy, history.series, { until: history.until, recordValues: true, slos: stack.slos });
  const weeks = history.until / WEEK;
  const incidents = run.status === 'evaluated' ? run.incidents.map((one) => history.origin + one.openedAt) : [];
  const perWeek = weeks > 0 ? Math.round((incidents.length / weeks) * 100) / 100 : 0;
  return {
    run,
    result: {
      status: run.status,
      ...(run.status === 'not-simulated' ? { reason: run.reason } : {}),
      incidents,
      incidentsPerWeek: perWeek,
      pagesPerWeek: policy.enabled ? perWeek : 0,
    },
  };
}

function unmatched(mine: readonly number[], theirs: readonly number[]): number[] {
  return mine.filter((opened) => !theirs.some((other) => Math.abs(other - opened) <= SAME_INCIDENT_SECONDS));
}

/** A condition's threshold in the unit a person reads (5%, 500 ms), raw when its metric is unknown. */
function thresholdText(condition: Policy['conditions'][number], value: number): string {
  const unit = conditionUnit(condition);
  return unit ? formatValue(value, unit) : String(value);
}

function thresholdChanges(before: Policy, after: Policy): string[] {
  const changes: string[] = [];
  after.conditions.forEach((condition, index) => {
    const old = before.conditions[index];
    if (condition.type === 'threshold' && old?.type === 'threshold' && old.thresholdValue !== condition.thresholdValue)
      changes.push(
        `threshold ${thresholdText(old, old.thresholdValue)} → ${thresholdText(condition, condition.thresholdValue)}`,
      );
    if (
      condition.type !== 'unsupported' &&
      old &&
      old.type !== 'unsupported' &&
      old.durationSeconds !== condition.durationSeconds
    )
      changes.push(`duration ${durationWords(old.durationSeconds)} → ${durationWords(condition.durationSeconds)}`);
  });
  return changes;
}

type Json = Record<string, unknown>;

function policyBodies(document: Json): Map<string, string> {
  const resources = (document.resource as Json | undefined)?.google_monitoring_alert_policy as Json | undefined;
  return new Map(
    Object.entries(resources ?? {}).map(([id, body]) => [`google_monitoring_alert_policy.${id}`, JSON.stringify(body)]),
  );
}

/** The addresses of the alert policies whose Terraform bodies differ between two stacks, sorted. */
export function changedPolicyAddresses(baseDocument: Json, headDocument: Json): string[] {
  const baseBodies = policyBodies(baseDocument);
  const headBodies = policyBodies(headDocument);
  return [...new Set([...baseBodies.keys(), ...headBodies.keys()])]
    .filter((address) => baseBodies.get(address) !== headBodies.get(address))
    .sort();
}

/** Evaluates the policies that differ between two synthesized stacks over one history. */
export function backtestRevision(
  baseDocument: Json,
  headDocument: Json,
  history: History,
  budget: NoiseBudget,
): RevisionBacktest {
  const base = stackModelFromJson(baseDocument, 'base');
  const head = stackModelFromJson(headDocument, 'head');
  const addresses = changedPolicyAddresses(baseDocument, headDocument);
  const changes = addresses.map((address): PolicyRevisionChange => {
    const before = base.policies.find((policy) => policy.address === address);
    const after = head.policies.find((policy) => policy.address === address);
    const beforeSide = before ? side(before, base, history) : undefined;
    const afterSide = after ? side(after, head, history) : undefined;
    const severity = after?.severity ?? before?.severity;
    const limit = budgetFor(budget, severity);
    const pagesBefore = beforeSide?.result.pagesPerWeek ?? 0;
    const pagesAfter = afterSide?.result.pagesPerWeek ?? 0;
    return {
      kind: !before ? 'added' : !after ? 'removed' : 'changed',
      policy: (after ?? before)!.displayName,
      address,
      severity,
      thresholds: before && after ? thresholdChanges(before, after) : [],
      before: beforeSide?.result,
      after: afterSide?.result,
      appeared: unmatched(afterSide?.result.incidents ?? [], beforeSide?.result.incidents ?? []),
      vanished: unmatched(beforeSide?.result.incidents ?? [], afterSide?.result.incidents ?? []),
      budget: limit,
      overBudget: pagesAfter > limit && pagesAfter > pagesBefore,
      runs: { before: beforeSide?.run, after: afterSide?.run },
    };
  });
  return { from: history.origin, to: history.origin + history.until, days: history.until / 86400, changes };
}

/** "CRITICAL=1,WARNING=5" or "3" (every severity); undefined for anything else. */
export function parseNoiseBudget(text: string): NoiseBudget | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return { perPolicy: {}, otherwise: Number(text) };
  const perPolicy: Record<string, number> = {};
  for (const part of text.split(',')) {
    const match = /^(CRITICAL|ERROR|WARNING)=(\d+(?:\.\d+)?)$/.exec(part.trim());
    if (!match) return undefined;
    perPolicy[match[1]] = Number(match[2]);
  }
  return { perPolicy, otherwise: DEFAULT_NOISE_BUDGET.otherwise };
}

/** What a review shows and its JSON holds: the changes without the per-instant runs. */
export interface RevisionBacktestSummary {
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly changes: ReadonlyArray<
    Omit<PolicyRevisionChange, 'runs' | 'appeared' | 'vanished'> & {
      readonly appeared: readonly string[];
      readonly vanished: readonly string[];
      readonly svgFile?: string;
    }
  >;
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

export function summarizeRevision(
  result: RevisionBacktest,
  svgFiles: ReadonlyMap<string, string> = new Map(),
): RevisionBacktestSummary {
  return {
    from: iso(result.from),
    to: iso(result.to),
    days: Math.round(result.days * 100) / 100,
    changes: result.changes.map(({ runs: _runs, appeared, vanished, ...rest }) => ({
      ...rest,
      appeared: appeared.map(iso),
      vanished: vanished.map(iso),
      ...(svgFiles.has(rest.address) ? { svgFile: svgFiles.get(rest.address) } : {}),
    })),
  };
}

/** "at night": 22:00 to 06:00 UTC, when a page wakes someone. */
function atNight(time: string): boolean {
  const hour = Number(time.slice(11, 13));
  return hour >= 22 || hour < 6;
}

function listed(times: readonly string[]): string {
  const shown = times.slice(0, 5).join(', ');
  return times.length > 5 ? `${shown} and ${times.length - 5} more` : shown;
}

/** The review's backtest section as Markdown lines. */
export function revisionLines(summary: RevisionBacktestSummary): string[] {
  const lines = [
    `Backtest over ${summary.days} day${summary.days === 1 ? '' : 's'} (${summary.from} to ${summary.to}), before and after this change:`,
    '',
  ];
  if (summary.changes.length === 0) lines.push('No alert policy changes.');
  for (const change of summary.changes) {
    const perWeek = (side: SideResult | undefined) =>
      side === undefined
        ? '–'
        : side.status === 'evaluated'
          ? String(side.incidentsPerWeek)
          : `not evaluated (${side.reason ?? 'no data'})`;
    const what =
      change.kind === 'changed'
        ? change.thresholds.length > 0
          ? `${change.thresholds.join(', ')}: `
          : ''
        : `${change.kind}: `;
    let line = `- **${change.policy}**: ${what}${perWeek(change.before)} → ${perWeek(change.after)} incidents a week`;
    if (change.appeared.length > 0) {
      const night = change.appeared.filter(atNight).length;
      line += `; ${change.appeared.length} appear (${listed(change.appeared)})${night > 0 ? `, ${night} of them at night (22:00–06:00 UTC)` : ''}`;
    }
    if (change.vanished.length > 0) line += `; ${change.vanished.length} vanish (${listed(change.vanished)})`;
    if (change.overBudget)
      line += `; over the noise budget of ${change.budget} pages a week${change.severity ? ` for ${change.severity}` : ''}`;
    if (change.svgFile) line += ` ([picture](${change.svgFile}))`;
    lines.push(line);
  }
  return lines;
}
