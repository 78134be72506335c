// Runs scenario files: loads each, resolves its stack, builds the input series, evaluates every
// alert policy of the stack over each test, and checks the test's expectations.
import * as fs from 'fs';
import * as path from 'path';
import { withFileErrors } from '../../errors/file-error';
import { ConfigError, ConfigProblem } from '../../config/config-error';
import { matchesFilter, parseFilter } from '../../gcp/filter';
import { closestName } from '../../util/closest-name';
import { sloIndicatorFilters } from '../../artifact/slos';
import { parseSloSelector } from '../../gcp/slo-selectors';
import { evaluatePolicy, PolicyRun } from './evaluate-policy';
import { checkExpectation, ExpectationResult } from './expectations';
import { loadScenarioFile } from './load-scenario';
import { logicalId, Policy, StackModel } from './policy-model';
import { ResolvedTest, resolveTest } from './resolve-test';
import type { ScenarioFile } from './scenario-schema';
import type { InputSeries } from './series';
import { loadStackSource } from './stack-source';

/** Gives the stack of an environment named in a scenario file (`environment: staging`). */
export type EnvironmentResolver = (environment: string, scenarioFile: string) => StackModel;

export interface RunOptions {
  readonly resolveEnvironment: EnvironmentResolver;
  readonly recordValues?: boolean;
  readonly ignoreIngestDelay?: boolean;
  /** Evaluate every policy but check no expectation (coverage: a policy an expectation names may be gone). */
  readonly skipExpectations?: boolean;
}

export interface TestResult {
  readonly file: string;
  readonly name: string;
  readonly series: readonly InputSeries[];
  readonly incidentStart: number;
  /** Epoch seconds of t=0 when the test replays exports on wall-clock time. */
  readonly origin?: number;
  readonly until: number;
  /** The stack's log-based metrics by type: their units, for plots. */
  readonly logMetrics?: ReadonlyMap<string, { readonly unit: string }>;
  readonly runs: readonly PolicyRun[];
  readonly expectations: readonly ExpectationResult[];
  /** Series that no filter of any policy selects: most likely a typo in a type or label. */
  readonly unmatchedSeries: readonly string[];
  readonly milliseconds: number;
}

/** Every *.yaml / *.yml file at or below each path, sorted, without duplicates. */
export function scenarioFiles(paths: readonly string[]): string[] {
  const found = new Set<string>();
  const visit = (target: string): void => {
    const stat = withFileErrors('read', target, () => fs.statSync(target));
    if (stat.isDirectory()) {
      for (const entry of withFileErrors('list the directory', target, () => fs.readdirSync(target)).sort())
        visit(path.join(target, entry));
    } else if (/\.ya?ml$/.test(target)) {
      found.add(target);
    }
  };
  for (const target of paths) {
    if (!fs.existsSync(target))
      throw new ConfigError([
        {
          file: target,
          path: '',
          message: 'no such file or directory; expected a scenario file (*.yaml) or a directory of them',
        },
      ]);
    visit(target);
  }
  return [...found].sort();
}

export function findPolicy(stack: StackModel, name: string): Policy | undefined {
  return stack.policies.find(
    (policy) => policy.displayName === name || policy.address === name || logicalId(policy) === name,
  );
}

function resolveStack(scenario: ScenarioFile, file: string, options: RunOptions): StackModel {
  if (scenario.environment !== undefined) return options.resolveEnvironment(scenario.environment, file);
  return loadStackSource(path.resolve(path.dirname(file), scenario.stack!), file);
}

/** The names of the series no condition filter (numerator or denominator) of the stack selects. */
function unmatchedSeries(stack: StackModel, series: readonly InputSeries[]): string[] {
  const filters = stack.policies.flatMap((policy) =>
    policy.conditions.flatMap((condition) => {
      if (condition.type === 'unsupported') return [];
      // An SLO selector reads the series of the SLO's own filters.
      const selector = condition.type === 'threshold' ? parseSloSelector(condition.filter) : undefined;
      const slo = selector ? stack.slos.get(selector.name) : undefined;
      if (selector) return slo ? sloIndicatorFilters(slo) : [];
      return condition.type === 'threshold' && condition.denominatorFilter
        ? [condition.filter, condition.denominatorFilter]
        : [condition.filter];
    }),
  );
  const parsed = filters.flatMap((filter) => {
    try {
      return [parseFilter(filter)];
    } catch {
      return []; // reported as not simulated by the policy's own run
    }
  });
  return series
    .filter((one) => !parsed.some((node) => matchesFilter(node, one.identity)))
    .map((one) => `${one.name} (${one.identity.metricType})`);
}

/** Evaluation ends one hour past the last sample, or later if an expectation looks further. */
function evaluationEnd(test: ResolvedTest, series: readonly InputSeries[]): number {
  if (test.duration !== undefined) return test.duration;
  let end =
    Math.max(0, ...series.map((one) => (one.points.length > 0 ? one.points[one.points.length - 1].t : 0))) + 3600;
  for (const expectation of test.expect) {
    if (expectation.fires)
      end = Math.max(end, (expectation.fires.after ?? test.incidentStart) + expectation.fires.within);
    if (expectation.resolves) end = Math.max(end, expectation.resolves.by);
    if (typeof expectation.does_not_fire === 'object' && expectation.does_not_fire.until !== undefined)
      end = Math.max(end, expectation.does_not_fire.until);
  }
  return end;
}

export function runScenarioFile(file: string, options: RunOptions): TestResult[] {
  const scenario = loadScenarioFile(file);
  const stack = resolveStack(scenario, file, options);
  const problems: ConfigProblem[] = [];
  const prepared = scenario.tests.map((test, testIndex) => {
    const resolved = resolveTest(test, testIndex, scenario.interval, stack, file, problems);
    const policies = (options.skipExpectations ? [] : test.expect).map((expectation, index) => {
      const policy = findPolicy(stack, expectation.policy);
      if (!policy) {
        const guess = closestName(
          expectation.policy,
          stack.policies.flatMap((one) => [one.displayName, logicalId(one) ?? one.address]),
        );
        problems.push({
          file,
          path: `tests[${testIndex}].expect[${index}].policy`,
          message: `no alert policy "${expectation.policy}" in ${stack.source}; ${guess ? `did you mean "${guess}"?` : `expected a display name or address, one of: ${stack.policies.map((one) => `"${one.displayName}"`).join(', ')}`}`,
        });
      }
      return policy;
    });
    return { test: resolved, policies };
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return prepared.map(({ test: resolved, policies }) => {
    const test = resolved!;
    const series = test.series;
    const started = process.hrtime.bigint();
    const until = evaluationEnd(test, series);
    const runs = stack.policies.map((policy) =>
      evaluatePolicy(policy, series, {
        until,
        recordValues: options.recordValues,
        ignoreIngestDelay: options.ignoreIngestDelay,
        slos: stack.slos,
      }),
    );
    const expectations = (options.skipExpectations ? [] : test.expect).map((expectation, index) =>
      checkExpectation(
        expectation,
        runs[stack.policies.indexOf(policies[index]!)],
        test.incidentStart,
        until,
        test.origin,
      ),
    );
    const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
    return {
      file,
      name: test.name,
      series,
      incidentStart: test.incidentStart,
      origin: test.origin,
      until,
      logMetrics: stack.logMetrics,
      runs,
      expectations,
      unmatchedSeries: unmatchedSeries(stack, series),
      milliseconds,
    };
  });
}
