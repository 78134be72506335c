// PostgreSQL latency: Query Insights p99 against two thresholds, and the health endpoint's view.
import { z } from 'zod';
import { positive, wholeMinutes } from '../schema-fields';
import { defineSignal } from './signal-definition';

export const postgresSignal = defineSignal({
  key: 'postgres',
  title: 'PostgreSQL latency',
  summary: 'Query Insights p99 query latency (critical and warning) and the health endpoint\'s postgresql section.',
  thresholds: z.strictObject({
    p99LatencyMs: positive('a latency in ms', 600000).default(500),
    p99WarningLatencyMs: positive('a latency in ms', 600000).default(200),
    durationSeconds: wholeMinutes('a duration in seconds', 0, 86400).default(300),
    // Preflight calls PostgreSQL degraded above this.
    responseTimeMs: positive('a response time in ms', 60000).default(200),
  }),
  sections: { responseTimes: 'PostgreSQL (Query Insights)', utilization: 'Cloud SQL memory' },
  logBasedMetrics: {},
});
