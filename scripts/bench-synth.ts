// `npm run bench`: times synthesis of every environment, as vigil runs it (compiled JavaScript,
// deep provider imports) and as `cdktf init` would run the same stack (ts-node, star import), in
// one command, and prints medians of several runs with their ratio. The floor is node loading
// cdktf and one provider module: no app can synthesize faster than it loads.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const RUNS = Number(process.env.VIGIL_BENCH_RUNS ?? 5);
const PRELOAD = path.join(ROOT, 'scripts', 'bench', 'record-peak-memory.js');

interface Variant {
  readonly name: string;
  readonly args: readonly string[];
  readonly env?: Record<string, string>;
}

interface Measurement {
  readonly seconds: number;
  readonly peakMiB: number;
}

const VARIANTS: readonly Variant[] = [
  { name: 'floor: node loads cdktf + one provider module', args: ['-e', "require('cdktf'); require('@cdktf/provider-google/lib/monitoring-alert-policy')"] },
  { name: 'vigil: node dist/main.js (deep imports)', args: [path.join(ROOT, 'dist', 'main.js')] },
  { name: 'cdktf init style: ts-node + star import', args: ['-r', 'ts-node/register', path.join(ROOT, 'scripts', 'bench', 'cdktf-init-style-main.ts')], env: { TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') } },
];

function measure(variant: Variant): Measurement {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-'));
  const rssFile = path.join(work, 'rss');
  try {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--require', PRELOAD, ...variant.args], {
      cwd: ROOT,
      env: { ...process.env, ...variant.env, CDKTF_OUTDIR: path.join(work, 'cdktf.out'), VIGIL_BENCH_RSS_FILE: rssFile },
      encoding: 'utf8',
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.status !== 0) throw new Error(`${variant.name} failed (exit ${result.status}):\n${result.stderr}`);
    const peakKiB = Math.max(...fs.readFileSync(rssFile, 'utf8').trim().split('\n').map(Number));
    return { seconds, peakMiB: peakKiB / 1024 };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function main(): void {
  const samples = new Map<string, Measurement[]>(VARIANTS.map((variant) => [variant.name, []]));
  measure(VARIANTS[1]); // warm the file cache once, unrecorded
  // Interleaved, so a slow moment of the machine hits every variant alike.
  for (let run = 0; run < RUNS; run++) {
    for (const variant of VARIANTS) samples.get(variant.name)!.push(measure(variant));
  }
  const medians = new Map(VARIANTS.map((variant) => {
    const runs = samples.get(variant.name)!;
    return [variant.name, { seconds: median(runs.map((run) => run.seconds)), peakMiB: median(runs.map((run) => run.peakMiB)) }];
  }));
  console.log(`synthesis of all environments, median of ${RUNS} runs (${os.cpus().length} cores, node ${process.version})`);
  for (const variant of VARIANTS) {
    const { seconds, peakMiB } = medians.get(variant.name)!;
    console.log(`  ${variant.name.padEnd(50)} ${seconds.toFixed(3)} s  ${peakMiB.toFixed(0)} MiB peak`);
  }
  const floor = medians.get(VARIANTS[0].name)!;
  const vigil = medians.get(VARIANTS[1].name)!;
  const baseline = medians.get(VARIANTS[2].name)!;
  console.log(`vigil vs cdktf init style: ${(baseline.seconds / vigil.seconds).toFixed(1)}x faster, ${(baseline.peakMiB / vigil.peakMiB).toFixed(1)}x less memory`);
  console.log(`vigil vs floor: ${(vigil.seconds / floor.seconds).toFixed(2)}x the floor's time (target: within 2x), ${vigil.peakMiB.toFixed(0)} MiB (target: under 150 MiB)`);
}

main();
