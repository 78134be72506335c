// Measures `vigil backtest --from-exports` on 28 days of the seeded staging history (one-minute
// points for every series the staging stack selects; scripts/backtest/staging-history-model.ts).
// Not timed: synthesizing the stack (written as an artifact) and generating the export files.
// Timed, RUNS times, each in a fresh process (so its peak memory is its own): reading the
// artifact and the exports and evaluating every policy; then the same on one day of the same
// model, generated alone (the baseline: a simulate of one day). Prints the medians, the ratio and the
// largest peak memory. Run: npm run bench:backtest (RUNS=5 by default).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stackArtifactPath } from '../src/config/environment';
import { loadHistory } from '../src/tools/backtest/load-history';
import { runBacktest } from '../src/tools/backtest/run-backtest';
import { generateHistory } from '../src/tools/backtest/synthetic-history';
import { loadStackSource } from '../src/tools/simulate/stack-source';
import { formatTimestamp } from '../src/tools/simulate/time-points';
import { stagingHistoryModel } from './backtest/staging-history-model';

const DAYS = 28;
const FROM = Date.parse('2026-11-01T00:00:00Z') / 1000;

interface Measure {
  readonly milliseconds: number;
  readonly readMilliseconds: number;
  readonly maxRssMiB: number;
  readonly incidents: number;
  readonly series: number;
}

/** In the child: read, evaluate, print one JSON line. */
function child(artifact: string, directory: string, days: number): void {
  const started = process.hrtime.bigint();
  const stack = loadStackSource(artifact, 'bench');
  const history = loadHistory(directory, { from: FROM, to: FROM + days * 86400 });
  const readMilliseconds = Number(process.hrtime.bigint() - started) / 1e6;
  const report = runBacktest(stack, history);
  const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
  const measure: Measure = {
    milliseconds,
    readMilliseconds,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    incidents: report.policies.reduce((sum, policy) => sum + policy.incidents.length, 0),
    series: history.series.length,
  };
  process.stdout.write(`${JSON.stringify(measure)}\n`);
}

function measure(artifact: string, directory: string, days: number): Measure {
  const result = spawnSync(process.execPath, [__filename, '--child', artifact, directory, String(days)], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`the measured process failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as Measure;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Writes the model's export files for `days` days into `directory`; says how big they are. */
function writeHistory(directory: string, days: number): string {
  fs.mkdirSync(directory);
  let bytes = 0;
  let points = 0;
  const files = generateHistory(stagingHistoryModel(days), FROM, days, 24);
  for (const one of files) {
    const text = JSON.stringify(one.pages);
    bytes += text.length;
    for (const page of one.pages)
      for (const series of page.timeSeries) points += (series as { points: unknown[] }).points.length;
    fs.writeFileSync(path.join(directory, one.file), text);
  }
  console.log(
    `history: ${days} days from ${formatTimestamp(FROM)}, ${points} points in ${files.length} export files (${(bytes / 2 ** 20).toFixed(1)} MiB)`,
  );
  return directory;
}

function parent(): void {
  const runs = Number(process.env.RUNS ?? 5);
  let root = path.resolve(__dirname, '..');
  while (!fs.existsSync(path.join(root, 'package.json')) && path.dirname(root) !== root) root = path.dirname(root);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-backtest-'));
  try {
    // Loaded here: only the parent synthesizes.
    const { synthesizeStackJson } = require('../stacks/synthesize') as typeof import('../stacks/synthesize');
    const { loadEnvironmentFile } =
      require('../src/config/load-environment') as typeof import('../src/config/load-environment');
    const artifact = stackArtifactPath(path.join(work, 'cdktf.out'), 'staging');
    fs.mkdirSync(path.dirname(artifact), { recursive: true });
    fs.writeFileSync(
      artifact,
      JSON.stringify(synthesizeStackJson(loadEnvironmentFile(path.join(root, 'environments', 'staging.yaml')))),
    );
    console.log(`${os.cpus().length} cores, Node ${process.version}`);
    const directory = writeHistory(path.join(work, 'history'), DAYS);
    const oneDay = writeHistory(path.join(work, 'one-day'), 1);
    const full: Measure[] = [];
    const baseline: Measure[] = [];
    for (let run = 0; run < runs; run++) {
      const one = measure(artifact, directory, DAYS);
      const day = measure(artifact, oneDay, 1);
      full.push(one);
      baseline.push(day);
      console.log(
        `run ${run + 1}: ${DAYS} days ${one.milliseconds.toFixed(0)} ms (reading ${one.readMilliseconds.toFixed(0)} ms), ${one.maxRssMiB.toFixed(0)} MiB, ${one.incidents} incidents, ${one.series} series; 1 day ${day.milliseconds.toFixed(0)} ms, ${day.maxRssMiB.toFixed(0)} MiB`,
      );
    }
    const fullMedian = median(full.map((one) => one.milliseconds));
    const baselineMedian = median(baseline.map((one) => one.milliseconds));
    console.log(
      `median of ${runs} runs, ${DAYS} days (read exports + evaluate every policy): ${fullMedian.toFixed(0)} ms (target ≤ 10,000 ms), peak memory ${Math.max(...full.map((one) => one.maxRssMiB)).toFixed(0)} MiB (target ≤ 500 MiB)`,
    );
    console.log(
      `baseline, one day of the same model (a simulate of one day): median ${baselineMedian.toFixed(0)} ms, peak memory ${Math.max(...baseline.map((one) => one.maxRssMiB)).toFixed(0)} MiB`,
    );
    console.log(`ratio ${DAYS} days / 1 day: ${(fullMedian / baselineMedian).toFixed(1)}x`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') child(process.argv[3], process.argv[4], Number(process.argv[5]));
else parent();
