// Serverless VPC Access connector: fewer instances than its minimum, or no data at all.
import { defineSignal } from './signal-definition';

export const vpcConnectorSignal = defineSignal({
  key: 'vpcConnector',
  title: 'VPC connector',
  summary: 'The connector serving fewer instances than its minimum, or reporting no metrics.',
  thresholds: ({ z, wholeMinutes }) =>
    z.strictObject({
      absentForSeconds: wholeMinutes('a duration in seconds', 120, 84600)
        .default(600)
        .describe('Alert when the connector reports no instance metric for this long, in seconds (whole minutes).'),
      durationSeconds: wholeMinutes('a duration in seconds', 0, 86400)
        .default(300)
        .describe('How long the connector must serve fewer than its minimum instances, in seconds (whole minutes).'),
    }),
  sections: { utilization: 'VPC connector' },
  logBasedMetrics: {},
});
