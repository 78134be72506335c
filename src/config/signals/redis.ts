// Redis connectivity: application-side connection failures over requests, the health endpoint's
// view of Redis, and Memorystore's rejected connections and clients.
import { defineSignal } from './signal-definition';

export const redisSignal = defineSignal({
  key: 'redis',
  title: 'Redis connectivity',
  summary:
    "Connection errors per request from the services' logs, the health endpoint's redis section, " +
    'and Memorystore rejecting connections or having no clients.',
  thresholds: ({ z, positive, wholeMinutes, wholeNumber }) =>
    z.strictObject({
      connectionFailurePercent: positive('a percentage', 100)
        .default(1)
        .describe('Alert when more than this percentage of requests log a Redis connection error.'),
      // 100 at 1%: the ratio then needs at least 2 failing requests, so one error at night traffic
      // (2 operations a minute) cannot page.
      minOperationsPerWindow: wholeNumber('an operation count', 1, 1000000)
        .default(100)
        .describe('The connection-failure alert needs at least this many requests in the window (volume guard).'),
      windowSeconds: wholeMinutes('a window in seconds', 60, 3600)
        .default(300)
        .describe('The window the connection-failure ratio is summed over, in seconds (whole minutes).'),
      // Memory pressure is a ticket: Memorystore evicts keys (sessions, rate limits) near maxmemory
      // before it refuses writes; someone should resize it in working hours.
      memoryUsagePercent: positive('a percentage', 100)
        .default(90)
        .describe(
          'Ticket when Memorystore memory usage (stats/memory/usage_ratio) stays above this percentage for 5 minutes.',
        ),
      // Preflight calls Redis degraded above this.
      responseTimeMs: positive('a response time in ms', 60000)
        .default(100)
        .describe('Preflight calls Redis degraded when a PING takes longer than this, in milliseconds.'),
    }),
  sections: { responseTimes: 'Redis', errorRates: 'Redis connection errors', utilization: 'Redis' },
  logBasedMetrics: { connectionErrors: 'redis-connection-errors', operations: 'redis-operations' },
});
