// Times `vigil lint` in-process, as `npm run synth` and `vigil review` call it: one environment's
// synthesized stack (lintTerraformJson; target < 200 ms) and the whole shared corpus (lintFiles;
// target < 5 s). Prints the first run (which loads the protobuf descriptors) and the median of
// the following runs. Run: `npx ts-node --transpile-only scripts/bench-lint.ts`, or after
// `npm run build`: `node dist/scripts/bench-lint.js`. VIGIL_BENCH_RUNS sets the run count (default 7).
import * as fs from 'fs';
import * as path from 'path';
import { loadEnvironmentFile } from '../src/config/load-environment';
import { lintFiles, lintTerraformJson } from '../src/tools/lint';
import { synthesizeStackJson } from '../stacks/synthesize';

const ROOT = fs.existsSync(path.resolve(__dirname, '..', 'package.json')) ? path.resolve(__dirname, '..') : path.resolve(__dirname, '..', '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const RUNS = Number(process.env.VIGIL_BENCH_RUNS ?? 7);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function time(run: () => unknown): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function bench(name: string, target: number, run: () => unknown): Promise<void> {
  const first = await time(run);
  const rest: number[] = [];
  for (let i = 0; i < RUNS; i++) rest.push(await time(run));
  const value = median(rest);
  console.log(`${name.padEnd(44)} first ${first.toFixed(0).padStart(5)} ms   median of ${RUNS} ${value.toFixed(0).padStart(5)} ms   target < ${target} ms ${value < target ? 'ok' : 'MISSED'}`);
}

async function main(): Promise<void> {
  const staging = synthesizeStackJson(loadEnvironmentFile(path.join(ROOT, 'environments', 'staging.yaml')));
  const corpusFiles = fs.readdirSync(CORPUS, { recursive: true }).filter((file) => String(file).endsWith('.json')).length;
  console.log(`node ${process.version}, ${RUNS} runs after the first; corpus: ${corpusFiles} JSON files`);
  await bench('staging stack (lintTerraformJson)', 200, () => lintTerraformJson(staging, 'cdk.tf.json'));
  await bench(`shared corpus, ${corpusFiles} files (lintFiles)`, 5000, () => lintFiles([CORPUS]));
}

void main();
