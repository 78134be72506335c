// Times `vigil review` over two syntheses of every environment (base, and a head with a
// realistic change), beyond the synths themselves: the synths run once, up front, untimed.
// Prints medians of several runs: the whole CLI process (node start, lint's protos, review,
// Markdown) and the in-process review alone; then the same on ten copies of every stack, to show
// how it scales.
//
// Baseline, in the same run: loadArtifacts of the same base and head (finding, reading and
// JSON.parse of every cdk.tf.json), the step every in-process review starts with and the floor
// of any tool that compares the two syntheses; so the ratio shows the review's own cost (diff,
// lint, Markdown) over merely loading its input. Each baseline run follows the in-process runs
// of the same iteration (interleaved), RUNS times.
//
//   npm run build && node dist/scripts/bench-review.js      (VIGIL_BENCH_RUNS=7 by default)
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadEnvironments } from '../src/config/load-environment';
import { lintTerraformJson } from '../src/tools/lint';
import { loadArtifacts, renderMarkdown, review } from '../src/tools/review';
import { synthesizeStackJson } from '../stacks/synthesize';

const ROOT = path.resolve(__dirname, __dirname.split(path.sep).includes('dist') ? '../..' : '..');
const RUNS = Number(process.env.VIGIL_BENCH_RUNS ?? 7);

type Doc = { resource: Record<string, Record<string, Record<string, unknown>>> };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function writeStacks(directory: string, stacks: ReadonlyMap<string, unknown>): void {
  for (const [name, doc] of stacks) {
    fs.mkdirSync(path.join(directory, 'stacks', name), { recursive: true });
    fs.writeFileSync(path.join(directory, 'stacks', name, 'cdk.tf.json'), JSON.stringify(doc, null, 2));
  }
}

function timeCli(base: string, head: string): number {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const start = process.hrtime.bigint();
    const result = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin', 'vigil.js'), 'review', '--base', base, '--head', head],
      { encoding: 'utf8' },
    );
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0) throw new Error(`vigil review exited ${result.status}: ${result.stderr}`);
  }
  return median(times);
}

function timeInProcess(base: string, head: string): { total: number; withoutLint: number; loadOnly: number } {
  const total: number[] = [];
  const withoutLint: number[] = [];
  const loadOnly: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    let start = process.hrtime.bigint();
    renderMarkdown(review(loadArtifacts(base), loadArtifacts(head), { lint: lintTerraformJson }));
    total.push(Number(process.hrtime.bigint() - start) / 1e6);
    start = process.hrtime.bigint();
    renderMarkdown(review(loadArtifacts(base), loadArtifacts(head)));
    withoutLint.push(Number(process.hrtime.bigint() - start) / 1e6);
    start = process.hrtime.bigint();
    if (loadArtifacts(base).length + loadArtifacts(head).length === 0) throw new Error('no artifacts loaded');
    loadOnly.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { total: median(total), withoutLint: median(withoutLint), loadOnly: median(loadOnly) };
}

function main(): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-review-'));
  try {
    const environments = loadEnvironments(path.join(ROOT, 'environments'));
    const base = new Map<string, Doc>();
    const head = new Map<string, Doc>();
    const synthStart = process.hrtime.bigint();
    for (const environment of environments) {
      const name = `monitoring-${environment.name}`;
      base.set(name, synthesizeStackJson(environment) as Doc);
      // The golden change: the critical p99 threshold ×10 and PagerDuty off that policy.
      const postgres = environment.thresholds.postgres;
      const changed = synthesizeStackJson({
        ...environment,
        thresholds: { ...environment.thresholds, postgres: { ...postgres, p99LatencyMs: postgres.p99LatencyMs * 10 } },
      }) as Doc;
      for (const policy of Object.values(changed.resource.google_monitoring_alert_policy ?? {})) {
        if (String(policy.display_name).includes('p99 query latency')) {
          policy.notification_channels = (policy.notification_channels as string[]).filter(
            (reference) => !reference.includes('pagerduty'),
          );
        }
      }
      head.set(name, changed);
    }
    const synthMs = Number(process.hrtime.bigint() - synthStart) / 1e6;
    writeStacks(path.join(work, 'base'), base);
    writeStacks(path.join(work, 'head'), head);
    const copies = 10;
    const scaled = (stacks: Map<string, Doc>) =>
      new Map(
        [...stacks].flatMap(([name, doc]) =>
          Array.from({ length: copies }, (_, copy) => [`${name}-${copy + 1}`, doc] as [string, Doc]),
        ),
      );
    writeStacks(path.join(work, 'base10'), scaled(base));
    writeStacks(path.join(work, 'head10'), scaled(head));

    const resources = [...base.values()].reduce(
      (sum, doc) => sum + Object.values(doc.resource).reduce((count, byId) => count + Object.keys(byId).length, 0),
      0,
    );
    process.stdout.write(
      `environments: ${environments.map((e) => e.name).join(', ')} (${resources} resources per side); ${RUNS} runs each; median ms\n`,
    );
    process.stdout.write(`(untimed) ${2 * environments.length} syntheses in-process: ${synthMs.toFixed(0)} ms\n\n`);
    for (const [label, b, h] of [
      ['all environments', 'base', 'head'],
      [`${copies} copies of every stack`, 'base10', 'head10'],
    ] as const) {
      const cli = timeCli(path.join(work, b), path.join(work, h));
      const inProcess = timeInProcess(path.join(work, b), path.join(work, h));
      process.stdout.write(`${label}:\n`);
      process.stdout.write(
        `  vigil review, whole process (node bin/vigil.js review)  ${cli.toFixed(0).padStart(6)} ms\n`,
      );
      process.stdout.write(
        `  in-process: load + review + lint + Markdown              ${inProcess.total.toFixed(1).padStart(8)} ms\n`,
      );
      process.stdout.write(
        `  in-process without lint                                  ${inProcess.withoutLint.toFixed(1).padStart(8)} ms\n`,
      );
      process.stdout.write(
        `  baseline: load + JSON.parse of the same artifacts only   ${inProcess.loadOnly.toFixed(1).padStart(8)} ms\n`,
      );
      process.stdout.write(
        `  in-process vs baseline: ${(inProcess.total / inProcess.loadOnly).toFixed(1)}x with lint, ${(inProcess.withoutLint / inProcess.loadOnly).toFixed(1)}x without lint\n`,
      );
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main();
