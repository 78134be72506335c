// The data a preview plots: the input series of a simulate scenario's test or of `vigil export`
// files, on one timeline (seconds from t=0, `origin` the epoch second of t=0), and every alert
// policy of the stack evaluated over them by simulate's evaluator (for alert charts' incidents).
import { ConfigError, type ConfigProblem } from '../../config/config-error';
import { loadHistory } from '../backtest/load-history';
import { type PreparedSeries, prepare } from '../simulate/aggregate';
import { evaluatePolicy, type PolicyRun } from '../simulate/evaluate-policy';
import { loadScenarioFile } from '../simulate/load-scenario';
import type { StackModel } from '../simulate/policy-model';
import { resolveTest } from '../simulate/resolve-test';
import type { InputSeries } from '../simulate/series';

export interface PreviewData {
  /** What the data is, in words, for the page's header: the scenario file and test, or the exports. */
  readonly description: string;
  readonly series: readonly InputSeries[];
  readonly prepared: readonly PreparedSeries[];
  /** Epoch seconds of t=0 (0 for a scenario on relative time: its charts start at 00:00). */
  readonly origin: number;
  /** The window every chart shows, in seconds from t=0. */
  readonly from: number;
  readonly until: number;
  /** Each alert policy of the stack evaluated over the series, by Terraform address or display name. */
  readonly runs: ReadonlyMap<string, PolicyRun>;
}

function window(series: readonly InputSeries[]): { from: number; until: number } {
  let from = Number.POSITIVE_INFINITY;
  let until = 0;
  for (const one of series) {
    if (one.points.length === 0) continue;
    from = Math.min(from, one.points[0].t);
    until = Math.max(until, one.points[one.points.length - 1].t);
  }
  return { from: Number.isFinite(from) ? from : 0, until: Math.max(until, Number.isFinite(from) ? from + 60 : 60) };
}

/**
 * The series evaluated: every policy runs to the window's end, so an alert chart shows what the
 * dashboard would show at the moment of the last sample (an incident still open is drawn open).
 */
function withRuns(
  description: string,
  series: readonly InputSeries[],
  origin: number,
  stack: StackModel,
  span?: { from: number; until: number },
): PreviewData {
  const { from, until } = span ?? window(series);
  const runs = new Map<string, PolicyRun>();
  for (const policy of stack.policies)
    runs.set(policy.address, evaluatePolicy(policy, series, { until, recordValues: true, slos: stack.slos }));
  return { description, series, prepared: prepare(series), origin, from, until, runs };
}

/** The first test of a scenario file (or the one named `testName`), its series read against `stack`. */
export function scenarioPreviewData(
  file: string,
  shown: string,
  stack: StackModel,
  environment: string,
  testName?: string,
): PreviewData {
  const scenario = loadScenarioFile(file);
  if (scenario.environment !== undefined && scenario.environment !== environment)
    throw new ConfigError([
      {
        file: shown,
        path: 'environment',
        message: `the scenario is written for environment "${scenario.environment}", not "${environment}"; its series would not match this dashboard's filters`,
      },
    ]);
  const index = testName === undefined ? 0 : scenario.tests.findIndex((test) => test.name === testName);
  if (index < 0)
    throw new ConfigError([
      {
        file: shown,
        path: 'tests',
        message: `no test named "${testName}"; the tests are ${scenario.tests.map((test) => `"${test.name}"`).join(', ')}`,
      },
    ]);
  const problems: ConfigProblem[] = [];
  const test = resolveTest(scenario.tests[index], index, scenario.interval, stack, file, problems);
  if (!test || problems.length > 0) throw new ConfigError(problems);
  return withRuns(`${shown}: ${test.name}`, test.series, test.origin ?? 0, stack);
}

/** Every series of the `vigil export` files (*.json) in `directory`, on their own clock. */
export function exportsPreviewData(directory: string, shown: string, stack: StackModel): PreviewData {
  const history = loadHistory(directory, {}, shown, '--exports');
  const span = window(history.series);
  return withRuns(`${history.files.length} export file(s) in ${shown}`, history.series, history.origin, stack, {
    from: span.from,
    until: Math.max(span.until, history.until),
  });
}
