// What really happened: the project's alerts (projects.alerts.list, REST v3), matched to the
// incidents the backtest predicts for the same policies. Shapes from the REST reference:
// GET https://monitoring.googleapis.com/v3/{parent}/alerts with pageSize (at most 1000) and
// pageToken, sorted by openTime descending unless orderBy says otherwise; the answer is
// {alerts: [Alert], nextPageToken, totalSize}; an Alert has name, state, openTime, closeTime,
// resource, metric, log and policy, a PolicySnapshot {name, displayName, severity, userLabels}.
// (cloud.google.com/monitoring/api/ref_v3/rest/v3/projects.alerts and …/projects.alerts/list.)
import type { MonitoringEndpoint } from '../export/monitoring-rest';
import { formatTimestamp, parseTimestamp } from '../simulate/time-points';
import type { BacktestReport } from './run-backtest';

export interface RealAlert {
  readonly policy: string;
  /** Epoch seconds. */
  readonly opened: number;
  readonly closed?: number;
}

export type AlertHistoryRead =
  | { readonly status: 'read'; readonly alerts: readonly RealAlert[] }
  | { readonly status: 'unavailable'; readonly reason: string };

export interface HistoryMatch {
  readonly policy: string;
  readonly predicted: number;
  readonly real: number;
  /** predicted − real, seconds: positive when the backtest opens later than the real alert. */
  readonly differenceSeconds: number;
}

export interface HistoryComparison {
  readonly matched: readonly HistoryMatch[];
  /** Real alerts no predicted incident accounts for: the evaluator, or the history, misses them. */
  readonly missed: ReadonlyArray<{ readonly policy: string; readonly opened: number }>;
  /** Predicted incidents with no real alert. */
  readonly extra: ReadonlyArray<{ readonly policy: string; readonly opened: number }>;
}

const PAGE_SIZE = 1000;
const MAX_PAGES = 100;

/** Reads the alerts opened in [from, to]; any refusal comes back as a reason, never an error. */
export async function readAlertHistory(
  endpoint: MonitoringEndpoint,
  project: string,
  from: number,
  to: number,
): Promise<AlertHistoryRead> {
  const doFetch = endpoint.fetch ?? fetch;
  const alerts: RealAlert[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const url = new URL(`${endpoint.baseUrl.replace(/\/+$/, '')}/v3/projects/${encodeURIComponent(project)}/alerts`);
    url.searchParams.set('pageSize', String(PAGE_SIZE));
    url.searchParams.set('orderBy', 'openTime desc');
    if (pageToken) url.searchParams.set('pageToken', pageToken);
    let body: { alerts?: unknown[]; nextPageToken?: string; error?: { message?: string; status?: string } };
    let status: number;
    try {
      const response = await doFetch(url.toString(), {
        headers: { authorization: `Bearer ${await endpoint.token()}`, accept: 'application/json' },
      });
      status = response.status;
      body = (await response.json().catch(() => ({}))) as typeof body;
    } catch (error) {
      return { status: 'unavailable', reason: `cannot reach the Monitoring API (${(error as Error).message})` };
    }
    if (status !== 200) {
      const said = body?.error?.message
        ? `: ${body.error.status ? `${body.error.status}: ` : ''}${body.error.message}`
        : '';
      return { status: 'unavailable', reason: `projects.alerts.list answered ${status}${said}` };
    }
    let older = false;
    for (const raw of body.alerts ?? []) {
      const alert = raw as { openTime?: string; closeTime?: string; policy?: { displayName?: string } };
      const opened = typeof alert.openTime === 'string' ? parseTimestamp(alert.openTime) : undefined;
      const policy = alert.policy?.displayName;
      if (opened === undefined || typeof policy !== 'string') continue;
      if (opened < from) {
        older = true;
        continue;
      }
      if (opened > to) continue;
      const closed = typeof alert.closeTime === 'string' ? parseTimestamp(alert.closeTime) : undefined;
      alerts.push({ policy, opened, ...(closed === undefined ? {} : { closed }) });
    }
    pageToken = typeof body.nextPageToken === 'string' && body.nextPageToken !== '' ? body.nextPageToken : undefined;
    // Newest first: once a page reaches before the window, later pages are older still.
    if (!pageToken || older) return { status: 'read', alerts };
  }
  return { status: 'read', alerts };
}

/**
 * Pairs each real alert with the nearest predicted incident of the policy of the same display name
 * that opened within `toleranceSeconds`, one to one, closest pairs first.
 */
export function compareWithHistory(
  report: BacktestReport,
  alerts: readonly RealAlert[],
  toleranceSeconds: number,
): HistoryComparison {
  const predicted = report.policies.flatMap((policy) =>
    policy.incidents.map((incident) => ({ policy: policy.policy, opened: incident.opened })),
  );
  const known = new Set(report.policies.map((policy) => policy.policy));
  const real = alerts.filter((alert) => known.has(alert.policy));
  const pairs: Array<{ predicted: number; real: number; distance: number }> = [];
  predicted.forEach((one, p) => {
    real.forEach((alert, r) => {
      const distance = Math.abs(one.opened - alert.opened);
      if (one.policy === alert.policy && distance <= toleranceSeconds) pairs.push({ predicted: p, real: r, distance });
    });
  });
  pairs.sort((a, b) => a.distance - b.distance);
  const usedPredicted = new Set<number>();
  const usedReal = new Set<number>();
  const matched: HistoryMatch[] = [];
  for (const pair of pairs) {
    if (usedPredicted.has(pair.predicted) || usedReal.has(pair.real)) continue;
    usedPredicted.add(pair.predicted);
    usedReal.add(pair.real);
    const one = predicted[pair.predicted];
    const alert = real[pair.real];
    matched.push({
      policy: one.policy,
      predicted: one.opened,
      real: alert.opened,
      differenceSeconds: one.opened - alert.opened,
    });
  }
  const byTime = (a: { opened: number }, b: { opened: number }) => a.opened - b.opened;
  return {
    matched: matched.sort((a, b) => a.real - b.real),
    missed: real
      .filter((_, index) => !usedReal.has(index))
      .map(({ policy, opened }) => ({ policy, opened }))
      .sort(byTime),
    extra: predicted.filter((_, index) => !usedPredicted.has(index)).sort(byTime),
  };
}

/** The comparison in lines of text, times in RFC 3339. */
export function describeComparison(comparison: HistoryComparison): string[] {
  const signed = (seconds: number) => `${seconds >= 0 ? '+' : '-'}${Math.abs(Math.round(seconds / 60))} min`;
  return [
    `Alert history: ${comparison.matched.length} matched, ${comparison.missed.length} missed, ${comparison.extra.length} extra`,
    ...comparison.matched.map(
      (one) =>
        `  matched: ${one.policy}: real ${formatTimestamp(one.real)}, predicted ${formatTimestamp(one.predicted)} (${signed(one.differenceSeconds)})`,
    ),
    ...comparison.missed.map(
      (one) => `  missed: ${one.policy}: real alert at ${formatTimestamp(one.opened)}, none predicted`,
    ),
    ...comparison.extra.map(
      (one) => `  extra: ${one.policy}: predicted at ${formatTimestamp(one.opened)}, no real alert`,
    ),
  ];
}
