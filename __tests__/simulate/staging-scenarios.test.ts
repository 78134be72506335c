// Runs every scenario under alert-tests/ against the stack synthesized in process from
// environments/<name>.yaml: one jest test per expectation, so a failure names the scenario, the
// policy and what happened.
import * as path from 'path';
import { loadEnvironmentFile } from '../../src/config/load-environment';
import { StackModel, stackModelFromJson } from '../../src/tools/simulate/policy-model';
import { reportRows } from '../../src/tools/simulate/report';
import { runScenarioFile, scenarioFiles, TestResult } from '../../src/tools/simulate/run-scenarios';
import { synthesizeStackJson } from '../../stacks/synthesize';
import { ENVIRONMENTS_DIR, REPO_ROOT } from '../support/environments';
import { stagingStackJson } from '../support/staging-stack';

const stacks = new Map<string, StackModel>();
function resolveEnvironment(environment: string): StackModel {
  let stack = stacks.get(environment);
  if (!stack) {
    // Staging is synthesized once per run (support/staging-stack.ts); another environment here.
    const document =
      environment === 'staging'
        ? stagingStackJson()
        : synthesizeStackJson(loadEnvironmentFile(path.join(ENVIRONMENTS_DIR, `${environment}.yaml`)));
    stack = stackModelFromJson(document, `${environment} (synthesized)`);
    stacks.set(environment, stack);
  }
  return stack;
}

const files = scenarioFiles([path.join(REPO_ROOT, 'alert-tests')]);
// Speed is measured by `npm run bench:simulate`, not asserted here.
const results: TestResult[] = files.flatMap((file) => runScenarioFile(file, { resolveEnvironment }));

describe.each(files.map((file) => [path.relative(REPO_ROOT, file), file]))('%s', (_name, file) => {
  const cases = results
    .filter((result) => result.file === file)
    .flatMap((result) => result.expectations.map((expectation) => ({ test: result.name, ...expectation })));
  test.each(cases.map((one) => [`${one.test}: ${one.policy} ${one.expected}`, one]))('%s', (_title, one) => {
    expect({ passed: one.passed, detail: one.detail }).toEqual({ passed: true, detail: one.detail });
  });
});

describe('the staging scenarios as a whole', () => {
  test('at least 10 tests, and every staging alert policy fires in at least one of them', () => {
    const staging = results.filter((result) => path.dirname(result.file).endsWith(path.join('alert-tests', 'staging')));
    expect(staging.length).toBeGreaterThanOrEqual(10);
    const fired = new Set(
      staging.flatMap((result) =>
        result.runs
          .filter((run) => run.status === 'evaluated' && run.incidents.length > 0)
          .map((run) => run.policy.displayName),
      ),
    );
    const policies = resolveEnvironment('staging').policies.map((policy) => policy.displayName);
    expect(policies.filter((name) => !fired.has(name))).toEqual([]);
  });

  test("no scenario fires later than the report's worst case for the conditions that fired", () => {
    const rows = reportRows(resolveEnvironment('staging'));
    const fired = results.flatMap((result) => result.expectations.filter((one) => one.secondsToFire !== undefined));
    expect(fired.length).toBeGreaterThan(10);
    for (const one of fired) {
      const bounds = one.conditionsMet!.map(
        (index) => rows.filter((row) => row.policy === one.policy)[index].worstCaseSeconds!,
      );
      expect({
        policy: one.policy,
        secondsToFire: one.secondsToFire,
        withinBound: one.secondsToFire! <= Math.max(...bounds),
      }).toEqual({ policy: one.policy, secondsToFire: one.secondsToFire, withinBound: true });
    }
  });

  test('every input series is selected by some policy (no typo in a type or label)', () => {
    expect(
      results.flatMap((result) =>
        result.unmatchedSeries.map((name) => `${path.basename(result.file)}: ${result.name}: ${name}`),
      ),
    ).toEqual([]);
  });
});
