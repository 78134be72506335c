// `npm run bench`: what synthesis costs on the user's path, in one run, against the floor (node
// loading cdktf and one provider module: no app can synthesize faster than it loads):
//   - `node dist/main.js` (the synthesis itself, staging);
//   - `npm run synth` and the cdktf app (cdktf.json `app`) with nothing changed;
//   - `npm run synth` after a change to a YAML file, and after a one-line change to a .ts file;
//   - synthesis of 1, 10, 100 and 200 generated environments.
// Medians of several interleaved runs (VIGIL_BENCH_RUNS, default 5; the generated environments
// VIGIL_BENCH_SCALE_RUNS, default 3), each with the peak resident memory of the largest process.
// The changes are made in a temporary copy of the project, never in the working tree.
// VIGIL_BENCH_INIT_STYLE=1 adds the `cdktf init` style baseline (ts-node + star import; ~16 s a run).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const RUNS = Number(process.env.VIGIL_BENCH_RUNS ?? 5);
const SCALE_RUNS = Number(process.env.VIGIL_BENCH_SCALE_RUNS ?? 3);
const SCALES = [1, 10, 100, 200];
const PRELOAD = path.join(ROOT, 'scripts', 'bench', 'record-peak-memory.js');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Variant {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: Record<string, string>;
  /** Runs before each measured run, untimed (the edit a person would have made). */
  readonly before?: () => void;
  readonly runs?: number;
}

interface Measurement {
  readonly seconds: number;
  readonly peakMiB: number;
}

function measure(variant: Variant): Measurement {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-'));
  const rssFile = path.join(work, 'rss');
  try {
    variant.before?.();
    const started = process.hrtime.bigint();
    const result = spawnSync(
      variant.command,
      variant.args.map((arg) => arg.replace('{out}', path.join(work, 'cdktf.out'))),
      {
        cwd: variant.cwd ?? ROOT,
        env: {
          ...process.env,
          ...variant.env,
          // Every node process of the command (npm, the CLI) records its peak; the largest counts.
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${PRELOAD}`.trim(),
          CDKTF_OUTDIR: path.join(work, 'cdktf.out'),
          VIGIL_BENCH_RSS_FILE: rssFile,
        },
        encoding: 'utf8',
      },
    );
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

/** A copy of the project (sources, built dist/, environments) sharing node_modules, to edit freely. */
function projectCopy(parent: string): string {
  const copy = path.join(parent, 'project');
  fs.mkdirSync(copy);
  for (const entry of [
    'main.ts',
    'stacks',
    'src',
    'scripts',
    'bin',
    'dist',
    'environments',
    'schema',
    'package.json',
    'cdktf.json',
    'tsconfig.json',
    'tsconfig.build.json',
  ]) {
    fs.cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true, preserveTimestamps: true });
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  return copy;
}

/** `count` environments made from staging, each its own name; an environments directory. */
function generatedEnvironments(parent: string, count: number): string {
  const directory = path.join(parent, `environments-${count}`);
  fs.mkdirSync(directory);
  const staging = fs.readFileSync(path.join(ROOT, 'environments', 'staging.yaml'), 'utf8');
  for (let index = 1; index <= count; index++)
    fs.writeFileSync(path.join(directory, `gen${String(index).padStart(3, '0')}.yaml`), staging);
  return directory;
}

function main(): void {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-project-'));
  try {
    const copy = projectCopy(scratch);
    let edits = 0;
    const yamlFile = path.join(copy, 'environments', 'staging.yaml');
    const tsFile = path.join(copy, 'src', 'config', 'environment.ts');
    const node = process.execPath;
    const variants: Variant[] = [
      {
        name: 'floor: node loads cdktf + one provider module',
        command: node,
        args: ['-e', "require('cdktf'); require('@cdktf/provider-google/lib/monitoring-alert-policy')"],
      },
      { name: 'node dist/main.js (staging)', command: node, args: [path.join(ROOT, 'dist', 'main.js')] },
      {
        name: 'npm run synth, nothing changed',
        command: NPM,
        args: ['run', '--silent', 'synth', '--', '--out', '{out}'],
        cwd: copy,
      },
      {
        name: 'cdktf app (cdktf.json), nothing changed',
        command: 'sh',
        args: ['-c', JSON.parse(fs.readFileSync(path.join(ROOT, 'cdktf.json'), 'utf8')).app],
        cwd: copy,
      },
      {
        name: 'npm run synth, after a YAML change',
        command: NPM,
        args: ['run', '--silent', 'synth', '--', '--out', '{out}'],
        cwd: copy,
        before: () => fs.appendFileSync(yamlFile, `# bench edit ${++edits}\n`),
      },
      {
        name: 'npm run synth, after a one-line .ts change',
        command: NPM,
        args: ['run', '--silent', 'synth', '--', '--out', '{out}'],
        cwd: copy,
        before: () => fs.appendFileSync(tsFile, `// bench edit ${++edits}\n`),
      },
    ];
    if (process.env.VIGIL_BENCH_INIT_STYLE === '1') {
      variants.push({
        name: 'cdktf init style: ts-node + star import',
        command: node,
        args: ['-r', 'ts-node/register', path.join(ROOT, 'scripts', 'bench', 'cdktf-init-style-main.ts')],
        env: { TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') },
      });
    }
    for (const count of SCALES) {
      variants.push({
        name: `synthesis of ${count} generated environment${count === 1 ? '' : 's'}`,
        command: node,
        args: [
          path.join(ROOT, 'bin', 'vigil.js'),
          'synth',
          '--environments',
          generatedEnvironments(scratch, count),
          '--out',
          '{out}',
        ],
        runs: SCALE_RUNS,
      });
    }

    measure(variants[1]); // warm the file cache once, unrecorded
    measure(variants[2]); // and bring the copy's build stamp up to date
    const samples = new Map<string, Measurement[]>(variants.map((variant) => [variant.name, []]));
    // Interleaved, so a slow moment of the machine hits every variant alike.
    for (let run = 0; run < Math.max(RUNS, SCALE_RUNS); run++) {
      for (const variant of variants) {
        if (run < (variant.runs ?? RUNS)) samples.get(variant.name)!.push(measure(variant));
      }
    }
    const medians = new Map(
      variants.map((variant) => {
        const runs = samples.get(variant.name)!;
        return [
          variant.name,
          {
            seconds: median(runs.map((run) => run.seconds)),
            peakMiB: median(runs.map((run) => run.peakMiB)),
            runs: runs.length,
          },
        ];
      }),
    );
    const floor = medians.get(variants[0].name)!;
    const synthesis = medians.get(variants[1].name)!;
    console.log(
      `npm run bench: medians (${os.cpus().length} cores, node ${process.version}, load average ${os.loadavg()[0].toFixed(1)})`,
    );
    console.log('');
    console.log('| Variant | Runs | Time | × floor | × node dist/main.js | Peak memory |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const variant of variants) {
      const { seconds, peakMiB, runs } = medians.get(variant.name)!;
      console.log(
        `| ${variant.name} | ${runs} | ${seconds.toFixed(2)} s | ${(seconds / floor.seconds).toFixed(2)} | ${(seconds / synthesis.seconds).toFixed(2)} | ${peakMiB.toFixed(0)} MiB |`,
      );
    }
    console.log('');
    console.log(
      'Targets: synthesis of staging ≤ 2.0× the floor; npm run synth and the cdktf app with nothing changed ≤ 1.5× node dist/main.js and < 150 MiB; after a one-line .ts change < 3 s.',
    );
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main();
