// End-to-end availability: uptime checks of the health endpoints, and Cloud Run's request view.
import { defineSignal } from './signal-definition';

export const uptimeSignal = defineSignal({
  key: 'uptime',
  title: 'Uptime',
  summary: 'Uptime checks of the backend and auth health endpoints from several checker locations; Cloud Run requests.',
  thresholds: ({ z, wholeMinutes, wholeNumber }) =>
    z.strictObject({
      failingLocations: wholeNumber('a number of checker locations', 1, 7)
        .default(2)
        .describe('Alert when an uptime check fails from at least this many checker locations.'),
      durationSeconds: wholeMinutes('a duration in seconds', 0, 86400)
        .default(60)
        .describe('How long the checks must keep failing, in seconds (whole minutes).'),
    }),
  sections: { responseTimes: 'uptime checks, Cloud Run', errorRates: 'Cloud Run 5xx', utilization: 'Cloud Run' },
  logBasedMetrics: {},
});
