// The result of one dependency check, in the shape of the backend's own `/health` sections
// (`status`, `connected`, `response_time_ms`, `error`), plus what a person needs to act on it.
export type CheckStatus = 'healthy' | 'degraded' | 'failed';

export interface CheckResult {
  readonly status: CheckStatus;
  /** True when the session was usable: connected and, where needed, authenticated. */
  readonly connected: boolean;
  /** Connect plus every command round trip of the check, in ms; null when the check failed. */
  readonly response_time_ms: number | null;
  /** What went wrong, in words a person can act on; null when nothing did. */
  readonly error: string | null;
  /** Where the check went, with any password masked. */
  readonly target: string;
  /** Above this the check is `degraded`. */
  readonly threshold_ms: number;
  /** Server version as reported by the server, when the check got that far. */
  readonly version: string | null;
  /** Each step's own time, in ms, in the order they ran. */
  readonly timings_ms: Readonly<Record<string, number>>;
  /** Things worth knowing that do not change the status. */
  readonly notes: readonly string[];
}

export interface PreflightReport {
  readonly redis: CheckResult;
  readonly postgresql: CheckResult;
}

/** Builds a result with the `/health` fields first, so JSON output reads like the endpoint's. */
export function checkResult(
  health: Pick<CheckResult, 'status' | 'connected' | 'response_time_ms' | 'error'>,
  details: Omit<CheckResult, 'status' | 'connected' | 'response_time_ms' | 'error'>,
): CheckResult {
  return {
    status: health.status,
    connected: health.connected,
    response_time_ms: health.response_time_ms,
    error: health.error,
    target: details.target,
    threshold_ms: details.threshold_ms,
    version: details.version,
    timings_ms: details.timings_ms,
    notes: details.notes,
  };
}

/** Rounds to hundredths of a millisecond, as the backend's `/health` prints them. */
export function roundMs(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** Healthy unless the whole check took longer than the threshold. */
export function statusForTime(totalMs: number, thresholdMs: number): CheckStatus {
  return totalMs > thresholdMs ? 'degraded' : 'healthy';
}

/** 0 when everything is healthy, 2 when something is degraded and nothing failed, 1 when anything failed. */
export function exitCodeFor(report: PreflightReport): number {
  const statuses = [report.redis.status, report.postgresql.status];
  if (statuses.includes('failed')) return 1;
  if (statuses.includes('degraded')) return 2;
  return 0;
}
