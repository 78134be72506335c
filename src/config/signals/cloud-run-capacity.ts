// Cloud Run capacity: a revision at the services' maximum instances (it cannot scale, new requests
// are turned away), and requests answered 429 or 503 (rejected), each paging within 5 minutes.
import { defineSignal } from './signal-definition';

export const cloudRunCapacitySignal = defineSignal({
  key: 'cloudRun',
  title: 'Cloud Run capacity',
  summary:
    "A revision at cloudRun.maxInstances (container/instance_count) and the share of a service's requests " +
    'answered 429 or 503 (request_count), with a minimum number of requests.',
  thresholds: ({ z, positive, wholeNumber }) =>
    z.strictObject({
      // 1%: the plan's line for Redis failures, applied to requests turned away.
      rejectedRequestPercent: positive('a percentage', 100)
        .default(1)
        .describe(
          "Page when more than this percentage of a service's requests are answered 429 or 503, two one-minute windows in a row.",
        ),
      // 100 a minute at 1%: the ratio then needs at least 2 rejected requests in each of two
      // minutes, so one rejected request at night traffic cannot page.
      minRequestsPerMinute: wholeNumber('a request count', 1, 1000000)
        .default(100)
        .describe(
          'The rejected-requests alert needs at least this many requests a minute to the service (volume guard).',
        ),
    }),
  sections: { errorRates: 'Cloud Run 429/503', utilization: 'Cloud Run max instances' },
  logBasedMetrics: {},
});
