// PostgreSQL latency: Query Insights p99 against two thresholds, and the health endpoint's view.
import { defineSignal } from './signal-definition';

export const postgresSignal = defineSignal({
  key: 'postgres',
  title: 'PostgreSQL latency',
  summary: "Query Insights p99 query latency (critical and warning) and the health endpoint's postgresql section.",
  thresholds: ({ z, positive, wholeMinutes }) =>
    z.strictObject({
      p99LatencyMs: positive('a latency in ms', 600000)
        .default(500)
        .describe('Critical alert when the Query Insights p99 query latency stays above this, in milliseconds.'),
      p99WarningLatencyMs: positive('a latency in ms', 600000)
        .default(200)
        .describe('Warning alert when the p99 query latency stays above this, in milliseconds (below p99LatencyMs).'),
      durationSeconds: wholeMinutes('a duration in seconds', 0, 86400)
        .default(300)
        .describe('How long the p99 latency must stay above a threshold, in seconds (whole minutes).'),
      // Preflight calls PostgreSQL degraded above this.
      responseTimeMs: positive('a response time in ms', 60000)
        .default(200)
        .describe('Preflight calls PostgreSQL degraded when SELECT 1 takes longer than this, in milliseconds.'),
    }),
  sections: { responseTimes: 'PostgreSQL (Query Insights)', utilization: 'Cloud SQL memory' },
  logBasedMetrics: {},
});
