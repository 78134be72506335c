// Coverage of failure modes: runs each mode's whole-stack scenario against every policy of its
// stack and says which paging policy notified first in the scenario, how soon there and in its worst
// case (the --report formula: ingest delay + alignment + duration + evaluation, for the conditions the
// scenario met), and whether both are within the mode's target. Noise scenarios must page nobody
// while the noise lasts.
import type { PolicyRun } from '../evaluate-policy';
import { loadScenarioFile } from '../load-scenario';
import { logicalId, type Policy } from '../policy-model';
import { reportRows } from '../report';
import { type RunOptions, runScenarioFile, type TestResult } from '../run-scenarios';
import type { FailureMode, FailureModeCatalog, FailureSeverity, NoiseScenario } from './failure-mode-catalog';

export type CoverageStatus = 'ok' | 'not-covered' | 'slow';

export interface CoverageRow {
  readonly id: string;
  readonly severity: FailureSeverity;
  readonly targetSeconds: number;
  /** Why a page's target is longer than 5 minutes (the catalog's `targetReason`). */
  readonly targetReason?: string;
  /**
   * Display name of the policy that notified at the mode's severity first in the scenario, or null.
   * Its worst case is `worstCaseSeconds`, its time in the scenario `scenarioSeconds`: the on-call
   * hears of the fault from this policy, whatever another policy's theoretical bound.
   */
  readonly firstPage: string | null;
  readonly worstCaseSeconds: number | null;
  readonly scenarioSeconds: number | null;
  /** The other policies that fire during the scenario, any severity. */
  readonly alsoFiring: readonly string[];
  readonly status: CoverageStatus;
}

export interface NoiseRow {
  readonly id: string;
  /** Paging policies that opened an incident inside the noise window: must be empty. */
  readonly paging: readonly string[];
  /** Other policies that opened an incident inside the noise window (Slack or email only). */
  readonly notifying: readonly string[];
  readonly status: 'silent' | 'pages';
}

export interface CoverageResult {
  readonly modes: readonly CoverageRow[];
  readonly noise: readonly NoiseRow[];
}

/**
 * A policy pages when its severity is CRITICAL: notifications.routing sends `critical` to the
 * on-call rotation (PagerDuty in staging), `error` and `warning` to Slack and email only.
 */
export function pages(policy: Policy): boolean {
  return policy.severity === 'CRITICAL';
}

/** A ticket is any notification: Slack or email is read in working hours. */
function notifiesAt(severity: FailureSeverity, policy: Policy): boolean {
  return severity === 'page' ? pages(policy) : true;
}

interface Firing {
  readonly policy: Policy;
  readonly scenarioSeconds: number;
  readonly worstCaseSeconds: number;
}

function firings(result: TestResult): Firing[] {
  const found: Firing[] = [];
  result.runs.forEach((run: PolicyRun) => {
    if (run.status !== 'evaluated') return;
    const policy = run.policy;
    const incident = run.incidents.find((one) => one.openedAt >= result.incidentStart);
    if (!incident) return;
    const rows = reportRows({ source: '', policies: [policy], logMetrics: new Map(), slos: new Map() });
    const bounds = incident.conditionsMet
      .map((condition) => rows[condition]?.worstCaseSeconds)
      .filter((seconds): seconds is number => seconds !== undefined);
    found.push({
      policy,
      scenarioSeconds: incident.openedAt - result.incidentStart,
      worstCaseSeconds: bounds.length > 0 ? Math.min(...bounds) : Number.POSITIVE_INFINITY,
    });
  });
  return found;
}

/** Whether a scenario's expectation names this policy (display name, address or logical id). */
function named(policy: Policy, names: ReadonlySet<string>): boolean {
  return names.has(policy.displayName) || names.has(policy.address) || names.has(logicalId(policy) ?? '');
}

/**
 * Firings in the order the on-call hears of them: first in the scenario; among policies that open
 * at the same minute, the lower worst case; among policies that tie on both times (a backend that
 * is down fails every health check at once), the one the test's `fires:` expectations name
 * (`expected`), the page its author meant.
 */
function rowOfTest(mode: FailureMode, result: TestResult, expected: ReadonlySet<string>): CoverageRow {
  const fired = firings(result).sort(
    (a, b) =>
      a.scenarioSeconds - b.scenarioSeconds ||
      a.worstCaseSeconds - b.worstCaseSeconds ||
      Number(named(b.policy, expected)) - Number(named(a.policy, expected)),
  );
  const notifying = fired.filter((one) => notifiesAt(mode.severity, one.policy));
  const first = notifying[0];
  const alsoFiring = fired
    .filter((one) => one !== first)
    .map((one) => one.policy.displayName)
    .sort();
  const base = {
    id: mode.id,
    severity: mode.severity,
    targetSeconds: mode.targetSeconds,
    ...(mode.targetReason ? { targetReason: mode.targetReason } : {}),
    alsoFiring,
  };
  if (!first) return { ...base, firstPage: null, worstCaseSeconds: null, scenarioSeconds: null, status: 'not-covered' };
  const worst = Number.isFinite(first.worstCaseSeconds) ? first.worstCaseSeconds : null;
  // The bound the stack guarantees is the lowest worst case among the policies that notified (an
  // SLO burn rate has no computable one and may come first in the scenario); the scenario time is
  // the first notification's.
  const guaranteed = Math.min(...notifying.map((one) => one.worstCaseSeconds));
  const slow = guaranteed > mode.targetSeconds || first.scenarioSeconds > mode.targetSeconds;
  return {
    ...base,
    firstPage: first.policy.displayName,
    worstCaseSeconds: worst,
    scenarioSeconds: first.scenarioSeconds,
    status: slow ? 'slow' : 'ok',
  };
}

const RANK: Readonly<Record<CoverageStatus, number>> = { ok: 0, slow: 1, 'not-covered': 2 };

/** A mode whose scenario holds several tests is as covered as its worst test. */
function worstRow(rows: readonly CoverageRow[]): CoverageRow {
  return rows.reduce((worst, one) =>
    RANK[one.status] > RANK[worst.status] ||
    (RANK[one.status] === RANK[worst.status] && (one.worstCaseSeconds ?? 0) > (worst.worstCaseSeconds ?? 0))
      ? one
      : worst,
  );
}

export function coverageOfMode(mode: FailureMode, options: RunOptions): CoverageRow {
  const results = runScenarioFile(mode.scenario, { ...options, skipExpectations: true });
  const tests = loadScenarioFile(mode.scenario).tests;
  return worstRow(
    results.map((result, index) => {
      const expected = new Set(
        (tests[index]?.expect ?? [])
          .filter((expectation) => expectation.fires)
          .map((expectation) => expectation.policy),
      );
      return rowOfTest(mode, result, expected);
    }),
  );
}

/**
 * The noise window of a test runs from its `incident_start` to its end: an incident that opened
 * before (a policy still settling on the scenario's first samples) is not caused by the noise.
 */
function openedDuringNoise(run: PolicyRun, result: TestResult): boolean {
  if (run.status !== 'evaluated') return false;
  return run.incidents.some((one) => one.openedAt >= result.incidentStart && one.openedAt <= result.until);
}

export function coverageOfNoise(noise: NoiseScenario, options: RunOptions): NoiseRow {
  const results = runScenarioFile(noise.scenario, { ...options, skipExpectations: true });
  const paging = new Set<string>();
  const notifying = new Set<string>();
  for (const result of results)
    result.runs.forEach((run) => {
      if (!openedDuringNoise(run, result)) return;
      const policy = run.policy;
      (pages(policy) ? paging : notifying).add(policy.displayName);
    });
  return {
    id: noise.id,
    paging: [...paging].sort(),
    notifying: [...notifying].sort(),
    status: paging.size === 0 ? 'silent' : 'pages',
  };
}

export function coverageOf(catalog: FailureModeCatalog, options: RunOptions): CoverageResult {
  return {
    modes: catalog.modes.map((mode) => coverageOfMode(mode, options)),
    noise: catalog.noise.map((noise) => coverageOfNoise(noise, options)),
  };
}

/** `--fail-on-gap`: a page-severity mode not ok, or a noise scenario that pages. */
export function hasGap(result: CoverageResult): boolean {
  return (
    result.modes.some((one) => one.severity === 'page' && one.status !== 'ok') ||
    result.noise.some((one) => one.status === 'pages')
  );
}
