// Measures `vigil preview staging` as a person runs it: a fresh node process reading the
// synthesized stack (cdktf.out, written first by `vigil synth`, not timed), the outage scenario,
// evaluating every policy and chart, drawing the charts and writing the page and the section PNGs.
// Target: 3 s on 2 cores. Run: npm run bench:preview (RUNS=5 by default).
//
// Baseline, in the same run and interleaved: `vigil simulate` on the same scenario file, a fresh
// process that reads the same stack and scenario and evaluates every policy over the same series.
// Preview must do all of that too, so the ratio is what drawing costs on top. Last, the modules
// `vigil synth` loads are listed: the charting library and resvg must not be among them.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const RUNS = Number(process.env.RUNS ?? 5);
let root = path.resolve(__dirname, '..');
while (!fs.existsSync(path.join(root, 'package.json')) && path.dirname(root) !== root) root = path.dirname(root);
const vigil = path.join(root, 'bin', 'vigil.js');
const scenario = 'alert-tests/staging/replay-redis-auth/redis-auth-outage.yaml';
const artifacts = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-preview-'));
const out = path.join(artifacts, 'preview');

function timed(args: string[]): number {
  const started = process.hrtime.bigint();
  execFileSync(process.execPath, [vigil, ...args], { cwd: root, stdio: 'pipe' });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  execFileSync(process.execPath, [vigil, 'synth', '--out', path.join(artifacts, 'cdktf.out')], {
    cwd: root,
    stdio: 'pipe',
  });
  const previewArgs = ['preview', 'staging', '--artifacts', path.join(artifacts, 'cdktf.out'), '--out', out];
  const simulateArgs = ['simulate', scenario, '--artifacts', path.join(artifacts, 'cdktf.out')];
  const previews: number[] = [];
  const simulations: number[] = [];
  console.log(`cold run: ${timed(previewArgs).toFixed(0)} ms`);
  for (let run = 0; run < RUNS; run++) {
    previews.push(timed(previewArgs));
    simulations.push(timed(simulateArgs));
    console.log(`run ${run + 1}: preview ${previews[run].toFixed(0)} ms, simulate ${simulations[run].toFixed(0)} ms`);
  }
  const pictures = fs.readdirSync(out).filter((name) => name.endsWith('.png'));
  const bytes = pictures.reduce((sum, name) => sum + fs.statSync(path.join(out, name)).size, 0);
  console.log(
    `vigil preview staging: median of ${RUNS} runs ${median(previews).toFixed(0)} ms (target: 3,000 ms), ${pictures.length} PNGs, ${(bytes / 1024).toFixed(0)} KiB, page ${(fs.statSync(path.join(out, 'preview.html')).size / 1024).toFixed(0)} KiB`,
  );
  console.log(
    `baseline, vigil simulate of the same scenario: median ${median(simulations).toFixed(0)} ms; preview is ${(median(previews) / median(simulations)).toFixed(1)}x`,
  );
  const loaded = execFileSync(
    process.execPath,
    [
      '-e',
      `require(${JSON.stringify(path.join(root, 'dist/src/cli/commands/synth.js'))}); console.log(Object.keys(require.cache).filter((file) => /node_modules[\\\\/](vega|vega-lite|@resvg|playwright-core)[\\\\/]/.test(file)).length)`,
    ],
    { cwd: root, encoding: 'utf8' },
  ).trim();
  console.log(`chart library modules loaded by vigil synth's command: ${loaded} (expected 0)`);
} finally {
  fs.rmSync(artifacts, { recursive: true, force: true });
}
