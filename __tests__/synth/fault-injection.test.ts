// Kill -9 at random points and concurrent runs, on the real CLI (bin/vigil.js, needs dist/): after
// every kill the output holds only whole files, each the old or the new version, and the next run
// leaves exactly the new output with no leftovers. Trials are bounded to keep the suite fast
// (VIGIL_FAULT_TRIALS=30 for a longer run).
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { addEnvironment, captureIo, leftovers, listFiles, VIGIL_BIN, workspace } from './support';
import { buildSourceArchive } from '../../src/constructs/golden-path/source-archive';

jest.setTimeout(120_000);

const TRIALS = Number(process.env.VIGIL_FAULT_TRIALS ?? 3);
const GENERATED = [
  '.vigil-output.json',
  'manifest.json',
  // The golden path's source zip, named by its content: the same in both versions.
  `stacks/monitoring-staging/assets/golden-path/${buildSourceArchive().sha256}.zip`,
  'stacks/monitoring-staging/cdk.tf.json',
];

function startSynth(dir: string): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; stderr: string }>;
} {
  const child = spawn(process.execPath, [VIGIL_BIN, 'synth'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const done = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
  return { child, done };
}

function snapshot(outdir: string): Record<string, string> {
  return Object.fromEntries(GENERATED.map((file) => [file, fs.readFileSync(path.join(outdir, file), 'utf8')]));
}

/** Two versions of the staging environment, told apart by one threshold. */
function writeVersion(dir: string, version: 0 | 1): void {
  const file = path.join(dir, 'environments', 'staging.yaml');
  const text = fs.readFileSync(file, 'utf8').replace(/p99LatencyMs: \d+/, `p99LatencyMs: ${version === 0 ? 500 : 600}`);
  fs.writeFileSync(file, text);
}

test('kill -9 at random points: whole files, old or new; the next run completes the new output', async () => {
  const dir = workspace('synth-kill');
  const outdir = path.join(dir, 'cdktf.out');
  const versions: Record<string, string>[] = [];
  for (const version of [0, 1] as const) {
    writeVersion(dir, version);
    expect(await main(['synth'], captureIo(dir))).toBe(0);
    versions.push(snapshot(outdir));
  }
  // How long one uninterrupted run of the CLI takes here; kills land anywhere in it.
  const started = Date.now();
  expect((await startSynth(dir).done).code).toBe(0);
  const duration = Date.now() - started;

  const outcomes: Record<string, number> = { killedBeforeCommit: 0, killedDuringCommit: 0, finishedBeforeKill: 0 };
  let current = 1;
  for (let trial = 0; trial < TRIALS; trial += 1) {
    const next = (1 - current) as 0 | 1;
    writeVersion(dir, next);
    const run = startSynth(dir);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * duration * 1.1));
    run.child.kill('SIGKILL');
    const result = await run.done;

    // Every generated file exists, parses, and is whole: one of the two versions byte for byte.
    const marker = JSON.parse(fs.readFileSync(path.join(outdir, '.vigil-output.json'), 'utf8')) as { files: string[] };
    for (const file of marker.files.filter((name) => name.endsWith('.json')))
      JSON.parse(fs.readFileSync(path.join(outdir, file), 'utf8'));
    const now = snapshot(outdir);
    for (const file of GENERATED) expect([versions[0][file], versions[1][file]]).toContain(now[file]);
    const mixed =
      GENERATED.some((file) => now[file] !== versions[next][file]) &&
      GENERATED.some((file) => now[file] !== versions[current][file]);
    if (result.signal === null) outcomes.finishedBeforeKill += 1;
    else if (mixed || fs.existsSync(path.join(outdir, '.vigil-commit.json'))) outcomes.killedDuringCommit += 1;
    else outcomes.killedBeforeCommit += 1;
    if (mixed) expect(fs.existsSync(path.join(outdir, '.vigil-commit.json'))).toBe(true); // a mix only mid-commit, with its journal

    // The next run recovers: the new output exactly, nothing left behind.
    expect(await main(['synth'], captureIo(dir))).toBe(0);
    expect(snapshot(outdir)).toEqual(versions[next]);
    expect(leftovers(outdir)).toEqual([]);
    expect(fs.readdirSync(dir).sort()).toEqual(['cdktf.out', 'environments']);
    current = next;
  }
  process.stderr.write(`fault injection: ${TRIALS} trials, run ${duration} ms: ${JSON.stringify(outcomes)}\n`);
});

test('kill -9 the moment the commit journal appears: the next run rolls the commit forward', async () => {
  const dir = workspace('synth-kill-commit');
  const outdir = path.join(dir, 'cdktf.out');
  // More stacks make a longer commit for the kill to land in.
  for (let i = 0; i < 4; i += 1) addEnvironment(dir, `copy${i}`);
  const all = () =>
    Object.fromEntries(listFiles(outdir).map((file) => [file, fs.readFileSync(path.join(outdir, file), 'utf8')]));
  const versions: Record<string, string>[] = [];
  for (const version of [0, 1] as const) {
    writeVersion(dir, version);
    expect(await main(['synth'], captureIo(dir))).toBe(0);
    versions.push(all());
  }
  const outcomes = { journalSeen: 0, mixedAfterKill: 0 };
  let current = 1;
  for (let trial = 0; trial < Math.max(1, Math.round(TRIALS / 3)); trial += 1) {
    const next = (1 - current) as 0 | 1;
    writeVersion(dir, next);
    const run = startSynth(dir);
    const watcher = fs.watch(outdir, (_event, name) => {
      if (name === '.vigil-commit.json') run.child.kill('SIGKILL');
    });
    await run.done;
    watcher.close();
    const now = all();
    if (fs.existsSync(path.join(outdir, '.vigil-commit.json'))) outcomes.journalSeen += 1;
    for (const [file, text] of Object.entries(now)) {
      if (!/^\.vigil-(staging|commit|lock)/.test(file)) expect([versions[0][file], versions[1][file]]).toContain(text);
    }
    const differsFrom = (version: Record<string, string>) =>
      Object.keys(version).some((file) => now[file] !== version[file]);
    if (differsFrom(versions[next]) && differsFrom(versions[current])) outcomes.mixedAfterKill += 1;
    expect(await main(['synth'], captureIo(dir))).toBe(0);
    expect(all()).toEqual(versions[next]);
    current = next;
  }
  process.stderr.write(`fault injection at the commit: ${JSON.stringify(outcomes)}\n`);
});

test('two synths at once: both finish (one waits for the lock), the output is whole, no leftovers', async () => {
  const dir = workspace('synth-concurrent');
  const runs = [startSynth(dir), startSynth(dir)];
  const results = await Promise.all(runs.map((run) => run.done));
  for (const result of results) {
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }
  const outdir = path.join(dir, 'cdktf.out');
  expect(listFiles(outdir)).toEqual(GENERATED);
  expect(leftovers(outdir)).toEqual([]);
  const waited = results.map((result) => result.stderr).join('');
  if (waited !== '')
    expect(waited).toMatch(
      /^vigil synth: another synth is running \(pid \d+\) on cdktf\.out; waiting for it to finish…\n$/,
    );
});
