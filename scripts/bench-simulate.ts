// Measures `vigil simulate` over the staging scenarios (alert-tests/staging): the stack is
// synthesized once (not timed), then every scenario file is loaded, evaluated and checked, RUNS
// times; prints each run and the median. Run: npx ts-node --transpile-only scripts/bench-simulate.ts
// (or, compiled, node dist/scripts/bench-simulate.js).
//
// Baseline, in the same run: parsing the same scenario files (YAML + schema) and expanding their
// series into timestamped samples, without evaluating any policy or checking any expectation. No
// simulator can do less, since it must read the scenarios and the samples it feeds the policies;
// so the ratio is what evaluating the stack's policies over those samples costs on top. Each full
// run is followed by a baseline run (interleaved, so a slow moment of the machine hits both).
import * as fs from 'fs';
import * as path from 'path';
import type { ConfigProblem } from '../src/config/config-error';
import { loadEnvironmentFile } from '../src/config/load-environment';
import { stackModelFromJson } from '../src/tools/simulate/policy-model';
import { resolveTest } from '../src/tools/simulate/resolve-test';
import { loadScenarioFile } from '../src/tools/simulate/load-scenario';
import { runScenarioFile, scenarioFiles } from '../src/tools/simulate/run-scenarios';
import { synthesizeStackJson } from '../stacks/synthesize';

const RUNS = Number(process.env.RUNS ?? 7);
// The repository root: the nearest folder above with a package.json (this file may run from dist/scripts).
let root = path.resolve(__dirname, '..');
while (!fs.existsSync(path.join(root, 'package.json')) && path.dirname(root) !== root) root = path.dirname(root);
const stack = stackModelFromJson(
  synthesizeStackJson(loadEnvironmentFile(path.join(root, 'environments', 'staging.yaml'))),
  'staging (synthesized)',
);
const files = scenarioFiles([path.join(root, 'alert-tests', 'staging')]);

function runAll(): { milliseconds: number; tests: number; failed: number; sampleCount: number } {
  const started = process.hrtime.bigint();
  let tests = 0;
  let failed = 0;
  let sampleCount = 0;
  for (const file of files) {
    for (const result of runScenarioFile(file, { resolveEnvironment: () => stack })) {
      tests++;
      failed += result.expectations.filter((one) => !one.passed).length;
      sampleCount += result.series.reduce((sum, series) => sum + series.points.length, 0);
    }
  }
  return { milliseconds: Number(process.hrtime.bigint() - started) / 1e6, tests, failed, sampleCount };
}

/** The floor: load and validate every scenario file and build every series, as runScenarioFile does before evaluating. */
function parseAndExpand(): { milliseconds: number; sampleCount: number } {
  const started = process.hrtime.bigint();
  let sampleCount = 0;
  for (const file of files) {
    const scenario = loadScenarioFile(file);
    scenario.tests.forEach((test, testIndex) => {
      const problems: ConfigProblem[] = [];
      for (const one of resolveTest(test, testIndex, scenario.interval, stack, file, problems)?.series ?? [])
        sampleCount += one.points.length;
      if (problems.length > 0) throw new Error(`${file}: ${problems.map((problem) => problem.message).join('; ')}`);
    });
  }
  return { milliseconds: Number(process.hrtime.bigint() - started) / 1e6, sampleCount };
}

const times: number[] = [];
const baselineTimes: number[] = [];
let baselineSamples = 0;
let last = runAll();
console.log(`cold run (first in the process): ${last.milliseconds.toFixed(0)} ms`);
for (let run = 0; run < RUNS; run++) {
  last = runAll();
  times.push(last.milliseconds);
  console.log(`run ${run + 1}: ${last.milliseconds.toFixed(0)} ms`);
  const baseline = parseAndExpand();
  baselineTimes.push(baseline.milliseconds);
  baselineSamples = baseline.sampleCount;
}
times.sort((a, b) => a - b);
baselineTimes.sort((a, b) => a - b);
console.log(
  `${files.length} files, ${last.tests} tests, ${last.sampleCount} samples, ${last.failed} failed expectations`,
);
console.log(
  `median of ${RUNS} warm runs: ${times[Math.floor(times.length / 2)].toFixed(0)} ms (target: under 2,000 ms in total)`,
);
console.log(
  `baseline, parse the same files and expand their series (${baselineSamples} samples), no policy evaluated: median of ${RUNS} runs, interleaved: ${baselineTimes[Math.floor(baselineTimes.length / 2)].toFixed(1)} ms`,
);
console.log(
  `simulate vs baseline: ${(times[Math.floor(times.length / 2)] / baselineTimes[Math.floor(baselineTimes.length / 2)]).toFixed(1)}x the time of parsing and expanding alone`,
);
