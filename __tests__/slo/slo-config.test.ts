// The `slos:` block: defaults, and one exact message per kind of bad value (file and field named).
import { ConfigError } from '../../src/config/config-error';
import { MIN_PAGEABLE_GOAL_PERCENT } from '../../src/config/slo-schema';
import { maxBurnRate } from '../../src/gcp/slo-budget';
import { stagingData, validate } from '../support/environments';

const FILE = 'environments/test.yaml';

function problemsOf(slos: unknown): string[] {
  const data = { ...stagingData(), slos };
  try {
    validate(data, FILE);
  } catch (error) {
    if (error instanceof ConfigError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('slos: in the environment file', () => {
  test('staging gets four SLOs with their defaults', () => {
    expect(validate(stagingData()).slos).toEqual({
      chatAvailability: { goalPercent: 99.5, windowDays: 30 },
      chatLatency: { goalPercent: 99, windowDays: 30, thresholdMs: 1000 },
      agentSuccess: { goalPercent: 99, windowDays: 30 },
      agentLatency: { goalPercent: 99, windowDays: 30 },
    });
  });

  test('a goal or a window set for one SLO keeps the others at their defaults', () => {
    const slos = validate({ ...stagingData(), slos: { agentSuccess: { goalPercent: 97, windowDays: 7 } } }).slos;
    expect(slos.agentSuccess).toEqual({ goalPercent: 97, windowDays: 7 });
    expect(slos.chatAvailability).toEqual({ goalPercent: 99.5, windowDays: 30 });
  });

  test("the API's goal and window ranges", () => {
    expect(problemsOf({ chatAvailability: { goalPercent: 100, windowDays: 31 } })).toEqual([
      `${FILE}: slos.chatAvailability.goalPercent: expected a goal in percent at most 99.99, found 100`,
      `${FILE}: slos.chatAvailability.windowDays: expected a rolling window in days at most 30, found 31`,
    ]);
    expect(problemsOf({ chatLatency: { windowDays: 2.5, thresholdMs: 0 } })).toEqual([
      `${FILE}: slos.chatLatency.windowDays: expected a rolling window in days as a whole number, found 2.5`,
      `${FILE}: slos.chatLatency.thresholdMs: expected a latency in milliseconds greater than 0, found 0`,
    ]);
    expect(problemsOf({ agentLatency: { windowDays: 0 } })).toEqual([
      `${FILE}: slos.agentLatency.windowDays: expected a rolling window in days of at least 1, found 0`,
    ]);
  });

  test('a goal so low that a total outage could never reach the fast-burn page', () => {
    expect(problemsOf({ agentSuccess: { goalPercent: 90 } })).toEqual([
      `${FILE}: slos.agentSuccess.goalPercent: expected a goal of at least 93.06%: below it even a total outage burns the error budget slower than the fast-burn rate (14.4x), so the page could never fire, found 90`,
    ]);
    // The bound is where a total outage's burn rate, 1 / (1 − goal), passes 14.4.
    expect(maxBurnRate(MIN_PAGEABLE_GOAL_PERCENT)).toBeGreaterThan(14.4);
    expect(maxBurnRate(MIN_PAGEABLE_GOAL_PERCENT - 0.01)).toBeLessThan(14.4);
    expect(() => validate({ ...stagingData(), slos: { agentSuccess: { goalPercent: 93.06 } } })).not.toThrow();
  });

  test('an unknown SLO or field is refused by name', () => {
    expect(problemsOf({ checkout: { goalPercent: 99 } })[0]).toMatch(
      new RegExp(`^${FILE}: slos.checkout: unknown key "checkout"`),
    );
    expect(problemsOf({ chatLatency: { thresholdSeconds: 1 } })[0]).toMatch(
      new RegExp(`^${FILE}: slos.chatLatency.thresholdSeconds: unknown key "thresholdSeconds"`),
    );
  });
});
