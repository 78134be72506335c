// Cloud SQL instance health: the instance itself, beside the PostgreSQL latency signal's view of
// its queries. Down, out of connections, CPU-bound or out of disk are the causes the remediation
// plan's PostgreSQL section investigates (instance state, tier, pool size, disk size).
import { defineSignal } from './signal-definition';

export const cloudSqlHealthSignal = defineSignal({
  key: 'cloudSql',
  title: 'Cloud SQL instance health',
  summary:
    'The instance down (database/up), connections near max_connections (num_backends), connections ' +
    'refused in PostgreSQL\'s own log ("too many clients"), and CPU or disk utilization above their thresholds.',
  thresholds: ({ z, positive, wholeMinutes, wholeNumber }) =>
    z.strictObject({
      // Long enough that the restart of a tier change or flag patch (the runbook's own remedies)
      // is not paged as an outage; database/up is sampled every 60 s.
      downForSeconds: wholeMinutes('a duration in seconds', 60, 3600)
        .default(300)

        .describe('How long database/up must report down (or nothing) before the alert, in seconds (whole minutes).'),
      // Cloud SQL's default max_connections for PostgreSQL instances with 3.75 to 6 GB of memory,
      // such as staging's db-custom-1-3840 (Cloud SQL quotas and limits). Set it when the tier or
      // the max_connections flag differs: too high and the alert never fires.
      maxConnections: wholeNumber('a connection count', 1, 262143)
        .default(100)
        .describe("The instance's max_connections (database flag, or Cloud SQL's default for its memory size)."),
      // 80% leaves room to act before clients get "remaining connection slots are reserved".
      connectionsPercentOfMax: positive('a percentage', 100)
        .default(80)
        .describe('Alert when connections (num_backends, all databases) exceed this percentage of maxConnections.'),
      // Connections at max_connections: new connections are refused ("too many clients already",
      // "remaining connection slots are reserved"), so requests fail: a page, not a ticket.
      connectionsExhaustedPercent: positive('a percentage', 100)
        .default(95)
        .describe(
          'Page when connections (num_backends, all databases) exceed this percentage of maxConnections for one minute.',
        ),
      // PostgreSQL's own refusals need no max_connections setting, so they page even when
      // maxConnections above is wrong; more than a few in 5 minutes (not the odd one at a deploy's
      // pool turnover) means requests are failing. From the log: up to 10 minutes late.
      refusedConnectionsPerWindow: wholeNumber('a connection count', 0, 1000000)
        .default(10)
        .describe(
          'Page when PostgreSQL\'s log refuses more than this many connections ("too many clients") in 5 minutes.',
        ),
      // Sustained CPU near the reserved cores is what the plan's "scale up the instance" answers;
      // 15 minutes keeps batch jobs and VACUUM bursts from paging.
      cpuUtilizationPercent: positive('a percentage', 1000)
        .default(90)
        .describe('Alert when CPU utilization (percent of reserved CPU; may exceed 100) stays above this.'),
      cpuForSeconds: wholeMinutes('a duration in seconds', 0, 86400)
        .default(900)
        .describe('How long CPU utilization must stay above cpuUtilizationPercent, in seconds (whole minutes).'),
      // A full disk stops writes; 90% leaves time to grow it (automatic storage increase aside).
      diskUtilizationPercent: positive('a percentage', 100)
        .default(90)
        .describe('Alert when disk utilization (percent of the disk quota) stays above this.'),
      durationSeconds: wholeMinutes('a duration in seconds', 0, 86400)
        .default(300)

        .describe('How long connections or disk utilization must stay above threshold, in seconds (whole minutes).'),
    }),
  sections: { errorRates: 'PostgreSQL refused connections', utilization: 'Cloud SQL instance health' },
  logBasedMetrics: { tooManyClients: 'postgres-too-many-clients' },
});
