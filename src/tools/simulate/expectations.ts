// Checks a test's expectations against the incidents its policies opened.
import { formatDuration } from './durations';
import { formatTimestamp } from './time-points';
import type { Incident, PolicyRun } from './evaluate-policy';
import { formatLabels, Labels, labelsInclude } from './labels';
import type { ResolvedExpectation } from './resolve-test';

export interface ExpectationResult {
  readonly policy: string;
  /** What was expected, in words: "fires within 10m after 30m". */
  readonly expected: string;
  readonly passed: boolean;
  /** What happened, in words. */
  readonly detail: string;
  /** For a `fires:` expectation that fired: seconds from the incident start to the notification. */
  readonly secondsToFire?: number;
  /** …and the indexes of the policy's conditions met when it fired. */
  readonly conditionsMet?: readonly number[];
}

/** `t=32m 10s`; in a replay on wall-clock time also the time itself: `t=32m 10s (2026-03-14T14:02:10Z)`. */
function at(seconds: number, origin: number | undefined): string {
  return origin === undefined
    ? `t=${formatDuration(seconds)}`
    : `t=${formatDuration(seconds)} (${formatTimestamp(origin + seconds)})`;
}

function describeIncident(incident: Incident, origin: number | undefined): string {
  const closed =
    incident.closedAt === undefined
      ? 'still open at the end'
      : `${incident.closedBy === 'auto-close' ? 'auto-closed' : 'resolved'} at ${at(incident.closedAt, origin)}`;
  return `fired at ${at(incident.openedAt, origin)}, ${closed}`;
}

export function checkExpectation(
  expectation: ResolvedExpectation,
  run: PolicyRun,
  incidentStart: number,
  until: number,
  origin?: number,
): ExpectationResult {
  const policy = run.policy.displayName;
  if (expectation.fires) {
    const reference = expectation.fires.after ?? incidentStart;
    const within = expectation.fires.within;
    const expected = `fires within ${formatDuration(within)} of ${at(reference, origin)}${expectation.fires.labels ? ` with ${formatLabels(expectation.fires.labels as Labels)}` : ''}${expectation.resolves ? `, resolves by ${at(expectation.resolves.by, origin)}` : ''}`;
    if (run.status === 'not-simulated')
      return { policy, expected, passed: false, detail: `not simulated: ${run.reason}` };
    if (run.status === 'no-input')
      return { policy, expected, passed: false, detail: 'no input series matches its filters' };
    const incident = run.incidents.find((one) => one.openedAt >= reference);
    if (!incident) return { policy, expected, passed: false, detail: `did not fire after ${at(reference, origin)}` };
    const delay = incident.openedAt - reference;
    if (delay > within)
      return {
        policy,
        expected,
        passed: false,
        detail: `fired ${formatDuration(delay)} after ${at(reference, origin)} (at ${at(incident.openedAt, origin)}), later than ${formatDuration(within)}`,
      };
    const labels = expectation.fires.labels as Labels | undefined;
    if (labels && !incident.failing.some((failing) => labelsInclude(failing, labels))) {
      return {
        policy,
        expected,
        passed: false,
        detail: `fired at ${at(incident.openedAt, origin)}, but on ${incident.failing.map(formatLabels).join(' and ') || 'no series'}`,
        secondsToFire: delay,
        conditionsMet: incident.conditionsMet,
      };
    }
    if (expectation.resolves && (incident.closedAt === undefined || incident.closedAt > expectation.resolves.by)) {
      return {
        policy,
        expected,
        passed: false,
        detail: `${describeIncident(incident, origin)}: not resolved by ${at(expectation.resolves.by, origin)}`,
        secondsToFire: delay,
        conditionsMet: incident.conditionsMet,
      };
    }
    return {
      policy,
      expected,
      passed: true,
      detail: `${describeIncident(incident, origin)}: ${formatDuration(delay)} after ${at(reference, origin)}`,
      secondsToFire: delay,
      conditionsMet: incident.conditionsMet,
    };
  }
  const window =
    expectation.does_not_fire === true || expectation.does_not_fire === undefined
      ? { from: 0, until: undefined }
      : expectation.does_not_fire;
  const end = window.until ?? until;
  const expected = `does not fire between ${at(window.from, origin)} and ${at(end, origin)}`;
  if (run.status === 'not-simulated')
    return { policy, expected, passed: false, detail: `not simulated: ${run.reason}` };
  if (run.status === 'no-input')
    return {
      policy,
      expected,
      passed: true,
      detail: 'no input series matches its filters: never evaluated, never fired',
    };
  const noisy = run.incidents.find(
    (one) => one.openedAt <= end && (one.closedAt === undefined || one.closedAt > window.from),
  );
  if (noisy) return { policy, expected, passed: false, detail: describeIncident(noisy, origin) };
  return {
    policy,
    expected,
    passed: true,
    detail:
      run.incidents.length === 0
        ? 'never fired'
        : `quiet in the window (${run.incidents.map((one) => describeIncident(one, origin)).join('; ')})`,
  };
}
