// The fuzz targets (scripts/fuzz/), briefly: a fixed seed and a few cases per target, each case
// a mutation of a real input (staging's YAML and stack, Google's published policies and
// dashboards, the stack's filters, the staging scenarios) run as a user would run it. Any internal
// error, stack trace or case over its budget fails, named by target, seed and case number, which
// reproduce it: `npm run fuzz -- --target <name> --seed <seed> --cases <case + 1>`. Longer runs:
// `npm run fuzz -- --cases 300 --seed N`.
import * as fs from 'fs';
import { runFuzzTarget } from '../../scripts/fuzz/run-fuzz';
import { fuzzTargets, type FuzzWorkspace } from '../../scripts/fuzz/targets';
import { fuzzWorkspace } from '../../scripts/fuzz/workspace';
import { REPO_ROOT } from '../support/environments';
import { stagingStackJson } from '../support/staging-stack';

const SEED = Number(process.env.VIGIL_FUZZ_SEED ?? 20261204);
const CASES = Number(process.env.VIGIL_FUZZ_CASES ?? 12);
const CASE_BUDGET_MS = 5_000;

let workspace: FuzzWorkspace;
beforeAll(() => {
  workspace = fuzzWorkspace(REPO_ROOT, JSON.stringify(stagingStackJson()));
});
afterAll(() => fs.rmSync(workspace.directory, { recursive: true, force: true }));

test.each(['environment', 'terraform-json', 'rest-json', 'filter', 'scenario'])(
  `%s: ${CASES} cases of seed ${SEED} end in results or errors in words`,
  async (name) => {
    const target = fuzzTargets(workspace).find((one) => one.name === name)!;
    const { failures, ran } = await runFuzzTarget(target, { seed: SEED, cases: CASES, caseBudgetMs: CASE_BUDGET_MS });
    expect(ran).toBe(CASES);
    expect(
      failures.map((one) => `${one.target} seed ${one.seed} case ${one.index}: ${one.problem.slice(0, 300)}`),
    ).toEqual([]);
  },
  60_000,
);

test('a case is the same case every time: seeded', async () => {
  const target = fuzzTargets(workspace).find((one) => one.name === 'filter')!;
  const { runOneCase } = await import('../../scripts/fuzz/run-fuzz');
  const first = await runOneCase(target, SEED, 3);
  const again = await runOneCase(target, SEED, 3);
  expect(again.input).toBe(first.input);
  expect((await runOneCase(target, SEED, 4)).input).not.toBe(first.input);
});
