// The golden-path alert's runbook: each failing step (the run's log line names it in
// jsonPayload.goldenPath.failedStep) mapped to where to look first, and the paging arithmetic.
import type { Environment } from '../../config/environment';
import type { GoldenPath } from '../../config/golden-path-schema';
import type { Runbook } from '../runbook';

/** Uptime-check metrics are visible up to 35 s after sampling (Google's metric list, facts file §1.5). */
export const CHECK_RESULT_VISIBILITY_SECONDS = 35;

/**
 * Worst case from the path breaking to the second failed result being visible: the break lands
 * just after a run began (that run may still pass), the next run starts up to one period later
 * and a second failed run one period after that, each taking up to the monitor's timeout.
 */
export function worstCaseSecondsToSecondFailure(settings: GoldenPath, failedRuns: number): number {
  return failedRuns * settings.periodSeconds + settings.timeoutSeconds + CHECK_RESULT_VISIBILITY_SECONDS;
}

export function goldenPathRunbook(
  environment: Environment,
  settings: GoldenPath,
  functionName: string,
  failedRuns: number,
): Runbook {
  const region = settings.region ?? environment.region;
  const worst = worstCaseSecondsToSecondFailure(settings, failedRuns);
  return {
    whatFired: `The golden-path synthetic monitor (a real chat turn against ${settings.webSocketUrl}: token, WebSocket, events ${settings.events.join(' → ')} within ${settings.deadlineSeconds} s) failed ${failedRuns} runs in a row (one run every ${settings.periodSeconds} s).`,
    userImpact: 'Users most likely cannot complete a chat turn: they cannot connect, or their agent never finishes.',
    firstChecks: [
      `Read the failing step: the function's last log line, \`jsonPayload.goldenPath.failedStep\` (command below), or run \`vigil golden-path --env ${environment.name}\` yourself.`,
      '`token` → the auth service: is it up (auth uptime alert), does the test user still exist, is the secret current?',
      '`connect` with HTTP 401/403 → the backend rejects the token: JWT secret or issuer/audience configuration of backend and auth service disagree.',
      '`connect` with HTTP 503 (or connection refused) → the backend is down or has no healthy instance: Cloud Run revisions, the backend uptime alert.',
      '`event_missing` after `agent_started` (events stop), `error_event` → agent workers and the LLM provider: agent execution alerts, worker logs.',
      '`deadline` → something in the agent run is slow: tool latency, PostgreSQL (Query Insights), Redis (latency and connection alerts).',
      '`handshake`, `malformed_frame`, `connection_closed`, `out_of_order` → the WebSocket layer of the backend: a recent deploy? Roll back if failures began with it.',
    ],
    commands: [
      `gcloud logging read 'resource.type="cloud_run_revision" AND resource.labels.service_name="${functionName}" AND jsonPayload.goldenPath.outcome="failed"' --project=${environment.project} --limit=5 --format='value(timestamp,jsonPayload.message)'`,
      `gcloud functions describe ${functionName} --region=${region} --project=${environment.project} --format='value(state,serviceConfig.revision)'`,
    ],
    notes: [
      `Why ${failedRuns} runs: one failed run (a network blip, one slow LLM call) stays silent; ${failedRuns} in a row page. Worst case from the break to the second failed result being visible: ${failedRuns} × ${settings.periodSeconds} s period + ${settings.timeoutSeconds} s run timeout + ${CHECK_RESULT_VISIBILITY_SECONDS} s metric visibility = ${worst} s, before the alert's evaluation (docs/golden-path.md).`,
      'The function never logs the token, the password or the Authorization header.',
    ],
  };
}
