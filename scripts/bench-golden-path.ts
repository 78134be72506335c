// Measures the golden-path monitor against the loopback fake backend (good mode): a cold run
// (`node golden-path-run.js` in a new process: loading ws and the monitor, then one chat turn)
// and warm runs (the function's handler called again in the same process, as a warm Cloud Run
// instance is). Baseline in the same run: `node -e 0` (a process that does nothing). Medians of
// RUNS (default 7). Run: npm run bench:golden-path.
import { execFile } from 'child_process';
import { promisify } from 'util';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import WebSocket from 'ws';
import type * as GoldenPathFunction from '../golden-path/index';
import { startFakeBackend, TOKEN } from './golden-path/fake-chat-backend';

const RUNS = Number(process.env.RUNS ?? 7);
let root = path.resolve(__dirname, '..');
while (!fs.existsSync(path.join(root, 'golden-path', 'package.json')) && path.dirname(root) !== root)
  root = path.dirname(root);

// The function as deployed, found from the package root (this file also runs from dist/scripts).
const { goldenPath } = require(path.join(root, 'golden-path', 'index.js')) as typeof GoldenPathFunction;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Asynchronous: the fake backend serves the child from this process's event loop.
async function timeProcess(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = process.hrtime.bigint();
  await promisify(execFile)(process.execPath, args, { env: { ...process.env, ...env } });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function main(): Promise<void> {
  const backend = await startFakeBackend('good');
  const env = { GOLDEN_PATH_WS_URL: backend.wsUrl, GOLDEN_PATH_TOKEN: TOKEN };
  // A cold run: a new process loads the function and runs it once, as a cold instance does.
  const script = path.join(os.tmpdir(), `vigil-bench-golden-path-${process.pid}.js`);
  fs.writeFileSync(
    script,
    `const { goldenPath } = require(${JSON.stringify(path.join(root, 'golden-path', 'index.js'))});
const response = { status: () => response, send: (body) => { if (!body.synthetic_generic_result_v1.ok) process.exit(1); } };
goldenPath({}, response, { log: () => {} }).then(() => process.exit(0));`,
  );
  const cold: number[] = [];
  const baseline: number[] = [];
  try {
    for (let run = 0; run < RUNS; run += 1) {
      baseline.push(await timeProcess(['-e', '0'], {}));
      cold.push(await timeProcess([script], env));
    }
  } finally {
    fs.rmSync(script, { force: true });
  }
  const warm: number[] = [];
  const response = { status: () => response, send: () => undefined };
  await goldenPath({}, response, { env, log: () => undefined, WebSocket });
  for (let run = 0; run < RUNS; run += 1) {
    const started = process.hrtime.bigint();
    const result = await goldenPath({}, response, { env, log: () => undefined, WebSocket });
    if (result.outcome !== 'passed') throw new Error(`the warm run failed: ${result.reason}`);
    warm.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  await backend.close();
  const line = (what: string, values: number[]) =>
    `| ${what} | ${RUNS} | ${median(values).toFixed(1)} ms | ${(median(values) / median(baseline)).toFixed(2)} |`;
  process.stdout.write('| Run | Runs | Median | × node -e 0 |\n|---|---:|---:|---:|\n');
  process.stdout.write(
    `${line('baseline: node -e 0', baseline)}\n${line('cold: new process, load + one chat turn', cold)}\n`,
  );
  process.stdout.write(`${line('warm: the handler again in the same process', warm)}\n`);
  process.stdout.write(`(the fake backend sends its five events 5 ms apart: 25 ms of every run is the backend's)\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
