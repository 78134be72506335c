// Runs both checks at once against one environment's targets and returns the report. Checks run
// concurrently, so a run that fails is bounded by one timeout, not two (a degraded check is
// measured twice, see confirm-degraded.ts).
import type { Environment } from '../../config/environment';
import { CheckResult, PreflightReport, checkResult } from './check-result';
import { checkPostgres } from './check-postgres';
import { checkRedis } from './check-redis';
import { measureWithConfirmation } from './confirm-degraded';
import { PreflightTargets, TargetProblem, isTargetProblem } from './targets';

export const DEFAULT_TIMEOUT_MS = 5000;

export interface PreflightOptions {
  readonly timeoutMs: number;
}

export async function runPreflight(
  environment: Environment,
  targets: PreflightTargets,
  options: PreflightOptions,
): Promise<PreflightReport> {
  const redisThreshold = environment.thresholds.redis.responseTimeMs;
  const postgresThreshold = environment.thresholds.postgres.responseTimeMs;
  const redisTarget = targets.redis;
  const postgresTarget = targets.postgresql;
  const [redis, postgresql] = await Promise.all([
    isTargetProblem(redisTarget)
      ? notChecked(redisTarget, redisThreshold)
      : measureWithConfirmation(() =>
          checkRedis(redisTarget, {
            timeoutMs: options.timeoutMs,
            thresholdMs: redisThreshold,
            authExpected: environment.redis.authEnabled,
            instanceId: environment.redis.instanceId,
            region: environment.region,
            project: environment.project,
          }),
        ),
    isTargetProblem(postgresTarget)
      ? notChecked(postgresTarget, postgresThreshold)
      : measureWithConfirmation(() =>
          checkPostgres(postgresTarget, { timeoutMs: options.timeoutMs, thresholdMs: postgresThreshold }),
        ),
  ]);
  return { redis, postgresql };
}

function notChecked(target: TargetProblem, thresholdMs: number): Promise<CheckResult> {
  return Promise.resolve(
    checkResult(
      { status: 'failed', connected: false, response_time_ms: null, error: target.problem },
      { target: target.display, threshold_ms: thresholdMs, version: null, timings_ms: {}, notes: [] },
    ),
  );
}
