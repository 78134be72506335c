// The fuzzer, for longer runs than `npm test` makes: `npm run fuzz -- [--seed N] [--cases N]
// [--target NAME] [--case-budget-ms N] [--out DIR]`. Each target runs in a child process that
// reports each case as it starts and ends; a case that does not end within its budget is a hang:
// the child is killed, the case recorded, and the run resumes after it. Failures are printed with
// target, seed and case number (a case is reproduced from those alone) and their inputs written to
// --out (default fuzz-failures/). Exit 1 when anything failed.
import { fork } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { loadEnvironmentFile } from '../src/config/load-environment';
import { synthesizeStackJson } from '../stacks/synthesize';
import { type FuzzFailure, runFuzzTarget } from './fuzz/run-fuzz';
import { fuzzTargets } from './fuzz/targets';
import { fuzzWorkspace } from './fuzz/workspace';

const TARGETS = ['environment', 'terraform-json', 'rest-json', 'filter', 'scenario'];

let root = path.resolve(__dirname, '..');
while (!fs.existsSync(path.join(root, 'package.json')) && path.dirname(root) !== root) root = path.dirname(root);

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
}

const seed = Number(option('--seed', '1'));
const cases = Number(option('--cases', '300'));
const caseBudgetMs = Number(option('--case-budget-ms', '15000'));
const only = option('--target', '');
const out = path.resolve(option('--out', 'fuzz-failures'));

/** In the child: run one target from a case on, reporting each case's start and end to the parent. */
async function child(target: string, from: number): Promise<void> {
  const artifact = JSON.stringify(
    synthesizeStackJson(loadEnvironmentFile(path.join(root, 'environments', 'staging.yaml'))),
  );
  const workspace = fuzzWorkspace(root, artifact);
  try {
    const fuzzTarget = fuzzTargets(workspace).find((one) => one.name === target);
    if (!fuzzTarget) throw new Error(`no fuzz target ${target}`);
    const { failures } = await runFuzzTarget(fuzzTarget, {
      seed,
      cases,
      from,
      caseBudgetMs,
      onCase: (index) => process.send?.({ started: index }),
    });
    process.send?.({ done: true, failures });
  } finally {
    fs.rmSync(workspace.directory, { recursive: true, force: true });
  }
}

function runTarget(target: string, from: number): Promise<{ failures: FuzzFailure[]; hungAt?: number }> {
  return new Promise((resolve) => {
    const worker = fork(__filename, ['--child', target, String(from), ...process.argv.slice(2)], { stdio: 'inherit' });
    let current = from;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      if (timer) clearTimeout(timer);
      // Setting up (a synthesis) and one case must end within twice the budget.
      timer = setTimeout(() => {
        worker.kill('SIGKILL');
        resolve({ failures: [], hungAt: current });
      }, caseBudgetMs * 2);
    };
    arm();
    worker.on('message', (message: { started?: number; done?: boolean; failures?: FuzzFailure[] }) => {
      if (message.started !== undefined) {
        current = message.started;
        arm();
      }
      if (message.done) {
        if (timer) clearTimeout(timer);
        resolve({ failures: message.failures ?? [] });
      }
    });
    worker.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      resolve({
        failures: [{ target, seed, index: current, what: 'the worker', problem: `exited with ${code}`, input: '' }],
      });
    });
  });
}

async function parent(): Promise<number> {
  const all: FuzzFailure[] = [];
  for (const target of only ? [only] : TARGETS) {
    const started = Date.now();
    let from = 0;
    for (;;) {
      const { failures, hungAt } = await runTarget(target, from);
      all.push(...failures);
      if (hungAt === undefined) break;
      all.push({
        target,
        seed,
        index: hungAt,
        what: 'one case',
        problem: `no answer after ${caseBudgetMs * 2} ms (a hang)`,
        input: '',
      });
      from = hungAt + 1;
      if (from >= cases) break;
    }
    process.stdout.write(`${target}: ${cases} cases, seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  for (const failure of all) {
    process.stdout.write(
      `FAIL ${failure.target} seed ${failure.seed} case ${failure.index}: ${failure.what}: ${failure.problem.slice(0, 500)}\n`,
    );
    if (failure.input) {
      fs.mkdirSync(out, { recursive: true });
      fs.writeFileSync(path.join(out, `${failure.target}-seed${failure.seed}-case${failure.index}.txt`), failure.input);
    }
  }
  process.stdout.write(`fuzz: ${all.length} failures\n`);
  return all.length === 0 ? 0 : 1;
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) {
  child(process.argv[childAt + 1], Number(process.argv[childAt + 2])).catch((error) => {
    process.stderr.write(`${(error as Error).stack}\n`);
    process.exit(2);
  });
} else {
  parent().then((code) => process.exit(code));
}
