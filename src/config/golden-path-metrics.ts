// The golden path's log-based metrics, by the name after `vigil-<env>-` (zod-free: the cached
// synthesis path and the collision check read it without loading the schema).
import type { GoldenPath } from './golden-path-schema';

/** Runs, failed steps, one latency per configured event, and the total. */
export function goldenPathLogMetrics(goldenPath: GoldenPath | undefined): string[] {
  if (!goldenPath || !goldenPath.enabled) return [];
  const latency = [...goldenPath.events, 'total'].map((event) => goldenPathLatencyMetric(event));
  return ['golden-path-runs', 'golden-path-failed-steps', ...latency];
}

export function goldenPathLatencyMetric(event: string): string {
  return `golden-path-latency-${event.replace(/_/g, '-')}`;
}
