// Serverless VPC Access connector: fewer instances than its minimum or no data at all (not
// serving), at its maxInstances or near the throughput of its machine type (near the limit: a
// warning), or carrying its capacity (saturated: traffic beyond it is not carried, a page).
import { defineSignal } from './signal-definition';

export const vpcConnectorSignal = defineSignal({
  key: 'vpcConnector',
  title: 'VPC connector',
  summary:
    'The connector serving fewer instances than its minimum or reporting no metrics; at its maxInstances or ' +
    'near the estimated throughput of its machine type (warning); carrying its capacity (page).',
  thresholds: ({ z, positive, wholeMinutes }) =>
    z.strictObject({
      absentForSeconds: wholeMinutes('a duration in seconds', 120, 84600)
        .default(600)
        .describe('Alert when the connector reports no instance metric for this long, in seconds (whole minutes).'),
      durationSeconds: wholeMinutes('a duration in seconds', 0, 86400)
        .default(300)
        .describe(
          'How long the connector must serve fewer than its minimum instances, or stay at its maximum or near capacity, in seconds (whole minutes).',
        ),
      // 80%: room to raise maxInstances or the machine type before traffic is refused.
      throughputWarningPercent: positive('a percentage', 100)
        .default(80)
        .describe(
          "Warning when bytes sent or received per second exceed this percentage of the connector's capacity (maxInstances times its machine type's throughput).",
        ),
      // Google's figures are estimates: 95% of them over a minute is a connector already carrying
      // all it can, so traffic beyond it waits or is dropped: a page.
      saturatedThroughputPercent: positive('a percentage', 100)
        .default(95)
        .describe(
          "Page when bytes sent or received per second exceed this percentage of the connector's capacity over one minute.",
        ),
    }),
  sections: { utilization: 'VPC connector' },
  logBasedMetrics: {},
});
