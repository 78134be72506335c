// Measures `vigil simulate` over the staging scenarios (alert-tests/staging): the stack is
// synthesized once (not timed), then every scenario file is loaded, evaluated and checked, RUNS
// times; prints each run and the median. Run: npx ts-node --transpile-only scripts/bench-simulate.ts
// (or, compiled, node dist/scripts/bench-simulate.js).
import * as fs from 'fs';
import * as path from 'path';
import { loadEnvironmentFile } from '../src/config/load-environment';
import { stackModelFromJson } from '../src/tools/simulate/policy-model';
import { runScenarioFile, scenarioFiles } from '../src/tools/simulate/run-scenarios';
import { synthesizeStackJson } from '../stacks/synthesize';

const RUNS = Number(process.env.RUNS ?? 7);
// The repository root: the nearest folder above with a package.json (this file may run from dist/scripts).
let root = path.resolve(__dirname, '..');
while (!fs.existsSync(path.join(root, 'package.json')) && path.dirname(root) !== root) root = path.dirname(root);
const stack = stackModelFromJson(synthesizeStackJson(loadEnvironmentFile(path.join(root, 'environments', 'staging.yaml'))), 'staging (synthesized)');
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

const times: number[] = [];
let last = runAll();
console.log(`cold run (first in the process): ${last.milliseconds.toFixed(0)} ms`);
for (let run = 0; run < RUNS; run++) {
  last = runAll();
  times.push(last.milliseconds);
  console.log(`run ${run + 1}: ${last.milliseconds.toFixed(0)} ms`);
}
times.sort((a, b) => a - b);
console.log(`${files.length} files, ${last.tests} tests, ${last.sampleCount} samples, ${last.failed} failed expectations`);
console.log(`median of ${RUNS} warm runs: ${times[Math.floor(times.length / 2)].toFixed(0)} ms (target: under 2,000 ms in total)`);
