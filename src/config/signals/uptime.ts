// End-to-end availability: uptime checks of the health endpoints, and Cloud Run's request view.
import { defineSignal } from './signal-definition';

export const uptimeSignal = defineSignal({
  key: 'uptime',
  title: 'Uptime',
  summary: 'Uptime checks of the backend and auth health endpoints from several checker locations; Cloud Run requests.',
  thresholds: ({ z, wholeMinutes, wholeNumber }) =>
    z.strictObject({
      // No default here: it depends on uptime.checkerRegions (failingLocationsThreshold in
      // src/config/checker-locations.ts): one more than the largest selected region's checkers.
      failingLocations: wholeNumber('a number of checker locations', 1, 7)
        .optional()
        .describe(
          "Alert when an uptime check fails from at least this many checker locations. Default: one more than the largest selected region's checker locations (USA has 3), so one region's checkers cannot page alone.",
        ),
      durationSeconds: wholeMinutes('a duration in seconds', 0, 86400)
        // 120 s with the one-minute check: 3 consecutive failed runs page (worst case 4m 35s), so a
        // single failed run and a Cloud SQL maintenance restart (about a minute) stay silent.
        .default(120)
        .describe('How long the checks must keep failing, in seconds (whole minutes).'),
    }),
  sections: { responseTimes: 'uptime checks, Cloud Run', errorRates: 'Cloud Run 5xx', utilization: 'Cloud Run' },
  logBasedMetrics: {},
});
