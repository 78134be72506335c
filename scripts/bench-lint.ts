// Times `vigil lint` in-process, as `npm run synth` and `vigil review` call it: one environment's
// synthesized stack (lintTerraformJson; target < 200 ms) and the whole shared corpus (lintFiles;
// target < 5 s). Prints the first run (which loads the protobuf descriptors) and the median of
// the following runs. Run: `npx ts-node --transpile-only scripts/bench-lint.ts`, or after
// `npm run build`: `node dist/scripts/bench-lint.js`. VIGIL_BENCH_RUNS sets the run count (default 7).
//
// Baseline, in the same run: reading and JSON.parse of exactly the same input files, the floor
// of any linter (it cannot check a document it has not read and parsed), done the cheapest way,
// fs.readFileSync. For the corpus that is lintFiles' own file list (collectFiles, so the walk is
// in the floor too); for the staging stack, which lintTerraformJson receives already parsed, it
// is the same document as `npm run synth` writes it (cdk.tf.json, in a temporary directory).
// Each lint run is followed by a baseline run, so a slow moment of the machine hits both alike;
// the ratio is of the two medians.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadEnvironmentFile } from '../src/config/load-environment';
import { lintFiles, lintTerraformJson } from '../src/tools/lint';
import { collectFiles } from '../src/tools/lint/collect-files';
import { synthesizeStackJson } from '../stacks/synthesize';

const ROOT = fs.existsSync(path.resolve(__dirname, '..', 'package.json'))
  ? path.resolve(__dirname, '..')
  : path.resolve(__dirname, '..', '..');
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

interface Baseline {
  readonly name: string;
  readonly run: () => unknown;
}

async function bench(name: string, target: number, run: () => unknown, baseline: Baseline): Promise<void> {
  const first = await time(run);
  const baselineFirst = await time(baseline.run);
  const rest: number[] = [];
  const baselineRest: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    rest.push(await time(run));
    baselineRest.push(await time(baseline.run));
  }
  const value = median(rest);
  const floor = median(baselineRest);
  console.log(
    `${name.padEnd(44)} first ${first.toFixed(0).padStart(5)} ms   median of ${RUNS} ${value.toFixed(0).padStart(5)} ms   target < ${target} ms ${value < target ? 'ok' : 'MISSED'}`,
  );
  console.log(
    `  baseline: ${baseline.name.padEnd(34)} first ${baselineFirst.toFixed(1).padStart(7)} ms   median of ${RUNS} ${floor.toFixed(1).padStart(7)} ms`,
  );
  console.log(`  lint vs baseline: ${(value / floor).toFixed(1)}x the time of reading and parsing the same input`);
}

/** The floor: read and JSON.parse every file, as lintFiles must before any rule runs. */
function readAndParse(files: readonly string[]): number {
  let parsed = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    try {
      JSON.parse(text);
      parsed++;
    } catch {
      // lintFiles skips (or reports) a file that is not JSON; nothing more to do here either.
    }
  }
  return parsed;
}

async function main(): Promise<void> {
  const staging = synthesizeStackJson(loadEnvironmentFile(path.join(ROOT, 'environments', 'staging.yaml')));
  const corpusFiles = fs
    .readdirSync(CORPUS, { recursive: true })
    .filter((file) => String(file).endsWith('.json')).length;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-lint-'));
  try {
    const stagingFile = path.join(work, 'cdk.tf.json');
    fs.writeFileSync(stagingFile, JSON.stringify(staging, null, 2));
    console.log(`node ${process.version}, ${RUNS} runs after the first; corpus: ${corpusFiles} JSON files`);
    await bench('staging stack (lintTerraformJson)', 200, () => lintTerraformJson(staging, 'cdk.tf.json'), {
      name: 'read + JSON.parse of cdk.tf.json',
      run: () => readAndParse([stagingFile]),
    });
    await bench(`shared corpus, ${corpusFiles} files (lintFiles)`, 5000, () => lintFiles([CORPUS]), {
      name: `read + JSON.parse of the ${corpusFiles} files`,
      run: () => readAndParse(collectFiles([CORPUS]).map((file) => file.path)),
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

void main();
