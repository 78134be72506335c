// The `slos:` block: four service level objectives per environment, each a goal over a rolling
// window. Ranges are the API's (docs/slo.md, Facts): 0 < goal <= 0.9999, a rolling period of
// whole days up to 30. One more bound is vigil's own: the fast-burn page needs a burn rate of
// 14.4, and an SLO whose goal is 93.06% or less cannot burn that fast (its worst burn rate, all
// requests bad, is 1 / (1 − goal)), so its page could never fire.
import { z } from 'zod';
import { FAST_BURN_RATE, MAX_SLO_GOAL_PERCENT, MAX_SLO_WINDOW_DAYS } from './slo-limits';
import { positive, wholeNumber } from './schema-fields';

/** The lowest goal (%) at which a total outage still reaches the fast-burn rate. */
export const MIN_PAGEABLE_GOAL_PERCENT = Math.ceil((100 * (1 - 1 / FAST_BURN_RATE) + 1e-9) * 100) / 100;

const goalPercent = (defaultPercent: number, what: string) =>
  positive('a goal in percent', MAX_SLO_GOAL_PERCENT)
    .refine((percent) => percent >= MIN_PAGEABLE_GOAL_PERCENT, {
      error:
        `expected a goal of at least ${MIN_PAGEABLE_GOAL_PERCENT}%: below it even a total outage burns the ` +
        `error budget slower than the fast-burn rate (${FAST_BURN_RATE}x), so the page could never fire`,
    })
    .default(defaultPercent)
    .describe(`The share of ${what} that must be good over the window, in percent (API: above 0, at most 99.99).`);

const windowDays = wholeNumber('a rolling window in days', 1, MAX_SLO_WINDOW_DAYS)
  .default(30)
  .describe('The rolling window the goal is measured over, in whole days (API: 1 to 30).');

export const SlosSchema = z
  .strictObject({
    // Defaults and why: docs/slo.md, "Goals".
    chatAvailability: z
      .strictObject({
        goalPercent: goalPercent(99.5, 'chat API requests answered without a 5xx'),
        windowDays,
      })
      .prefault({})
      .describe('Chat API availability: Cloud Run requests of the services that are not 5xx.'),
    chatLatency: z
      .strictObject({
        goalPercent: goalPercent(99, 'golden-path chat turns whose first agent event arrives within thresholdMs'),
        windowDays,
        thresholdMs: positive('a latency in milliseconds', 300000)
          .default(1000)
          .describe(
            "A chat turn is good when the agent's first event arrives within this many milliseconds of the message (measured by the golden path).",
          ),
      })
      .prefault({})
      .describe(
        "Chat latency: the golden path's time from the message to the first agent event (needs goldenPath:; Cloud Run's request latencies of a WebSocket service are session lengths).",
      ),
    agentSuccess: z
      .strictObject({
        goalPercent: goalPercent(99, 'agent executions that do not time out'),
        windowDays,
      })
      .prefault({})
      .describe('Agent execution success: finished agent executions that did not hit their timeout.'),
    agentLatency: z
      .strictObject({
        goalPercent: goalPercent(99, 'agent executions finished within the execution budget'),
        windowDays,
      })
      .prefault({})
      .describe('Agent execution latency: executions within thresholds.agent.executionBudgetSeconds.'),
  })
  .prefault({});
