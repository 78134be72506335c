// Synthesis entry points shared by main.ts (the cdktf app), `vigil synth`, the tests and the
// tools that need a stack in memory (clone's leak check).
//
// `synthesizeEnvironments` writes an output directory safely (see stacks/output-directory.ts for
// the commit and its recovery): one synthesis per output at a time (stacks/output-lock.ts), one
// stack at a time — a fresh cdktf App per environment, written, checked and let go before the
// next, so memory does not grow with the number of environments — and only the files vigil
// generates are replaced; state, `.terraform/`, lock files and users' files are never touched.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { App } from 'cdktf';
import { Manifest } from 'cdktf/lib/manifest';
import { TokenMap } from 'cdktf/lib/tokens/private/token-map';
import { stackArtifactPath, stackName } from '../src/config/environment';
import type { Environment } from '../src/config/environment';
import { withFileErrors } from '../src/errors/file-error';
import { VigilError } from '../src/errors/vigil-error';
import { removeSwapLeftovers, restoreLostOutput } from './legacy-swap-leftovers';
import { MonitoringStack } from './monitoring-stack';
import { commitOutput, createStaging, discardStaging, previouslyGenerated, recoverOutput } from './output-directory';
import { acquireOutputLock, removeAbandonedLockFiles } from './output-lock';
import { moveState, planStateMigration } from './state-migration';

/** Where the artifact of a stack lands inside an output directory. */
export { stackArtifactPath };

// Stack traces in the artifact's metadata would make it depend on the machine that synthesized it.
const APP_CONTEXT = { excludeStackIdFromLogicalIds: true, allowSepCharsInLogicalIds: true };

function newApp(outdir: string): App {
  return new App({ outdir, stackTraces: false, context: APP_CONTEXT });
}

/** Synthesizes one environment in memory and returns its Terraform JSON document. */
export function synthesizeStackJson(environment: Environment): Record<string, unknown> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-synth-'));
  try {
    const app = newApp(outdir);
    new MonitoringStack(app, environment);
    app.synth();
    return JSON.parse(fs.readFileSync(stackArtifactPath(outdir, environment.name), 'utf8')) as Record<string, unknown>;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

export interface SynthesisOptions {
  /** Inspects one synthesized stack file (in staging) before the next stack is synthesized; may throw to abort. */
  readonly check?: (environment: Environment, artifactFile: string) => void;
  /** Runs after every stack is written and checked, before anything is put in place; may throw to abort. */
  readonly beforeCommit?: () => void;
  /** Sentences for the user (recoveries, state moved, waiting for a lock). */
  readonly report?: (sentence: string) => void;
  /** How a path is shown to the user. */
  readonly display?: (file: string) => string;
  /** How long to wait for another synthesis of the same output (default 30 s). */
  readonly lockWaitMs?: number;
}

/**
 * Synthesizes every environment into a staging directory in `outdir`, then commits it in place of
 * the files the previous synthesis generated. Any error before the commit leaves `outdir` as it was.
 */
export async function synthesizeEnvironments(
  environments: readonly Environment[],
  outdir: string,
  options: SynthesisOptions = {},
): Promise<void> {
  const display = options.display ?? ((file: string) => file);
  const report = options.report ?? (() => undefined);
  const root = path.resolve(outdir);
  prepareOutputDirectory(root, display, report);
  const release = await acquireOutputLock(root, {
    waitMs: options.lockWaitMs ?? 30_000,
    displayName: display(root),
    onWait: (owner) =>
      report(`another synth is running (pid ${owner.pid}) on ${display(root)}; waiting for it to finish…`),
  });
  try {
    withFileErrors('remove what an interrupted synthesis left in', display(root), () => removeAbandonedLockFiles(root));
    const recovered = recoverOutput(root, display(root));
    if (recovered) report(recovered);
    removeSwapLeftovers(root, display).forEach(report);
    // Read again under the lock: the run waited for may have changed what is generated.
    const generated = previouslyGenerated(root, display(root));
    const stateMoves = planStateMigration(environments, root, display);
    const staging = createStaging(root, display(root));
    try {
      const files = writeStacks(environments, staging, options.check, display(root));
      options.beforeCommit?.();
      commitOutput(root, staging, files, generated, display(root));
    } catch (error) {
      discardStaging(root, staging);
      throw error;
    }
    moveState(stateMoves, root, display).forEach(report);
  } finally {
    release();
  }
}

function prepareOutputDirectory(
  root: string,
  display: (file: string) => string,
  report: (sentence: string) => void,
): void {
  const restored = restoreLostOutput(root, display);
  if (restored) report(restored);
  if (fs.existsSync(root) && !fs.statSync(root).isDirectory()) {
    throw new VigilError(`cannot write the output into ${display(root)}: it is a file, not a directory`);
  }
  previouslyGenerated(root, display(root)); // a directory vigil did not write is refused before anything is created
  withFileErrors('create the output directory', display(root), () => makeDirectories(root));
}

// One level at a time: a recursive mkdir reports ENOENT where a parent cannot be created on a
// read-only file system, and that would tell the user the wrong thing.
function makeDirectories(directory: string): void {
  if (fs.existsSync(directory)) return;
  makeDirectories(path.dirname(directory));
  try {
    fs.mkdirSync(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another synth made it meanwhile
  }
}

// One App per environment: each stack is synthesized, written and checked, then dropped. cdktf's
// manifest.json only knows the App that wrote it, so the entries are gathered and written once.
function writeStacks(
  environments: readonly Environment[],
  staging: string,
  check: SynthesisOptions['check'],
  outputName: string,
): string[] {
  const manifestFile = path.join(staging, Manifest.fileName);
  const entries: Manifest['stacks'][string][] = [];
  const files: string[] = [];
  let version = '';
  for (const environment of environments) {
    withFileErrors('write the synthesized stacks into', outputName, () => {
      const app = newApp(staging);
      new MonitoringStack(app, environment);
      app.synth();
    });
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Pick<Manifest, 'stacks' | 'version'>;
    version = manifest.version;
    const entry = manifest.stacks[stackName(environment.name)];
    entries.push(entry);
    files.push(entry.synthesizedStackPath.split(path.sep).join('/'));
    files.push(...stackAssets(staging, path.dirname(entry.synthesizedStackPath)));
    check?.(environment, path.join(staging, entry.synthesizedStackPath));
    forgetTokens();
    collectGarbageIfGrown();
  }
  withFileErrors('write the synthesized stacks into', outputName, () => {
    const manifest = new Manifest(version, staging, false);
    for (const entry of entries) manifest.stacks[entry.name] = entry;
    manifest.writeToFile();
  });
  return [Manifest.fileName, ...files];
}

// Files a stack writes beside its cdk.tf.json (the golden-path source zip under assets/) are
// generated too: committed with the stack and replaced, or removed, at the next synthesis.
function stackAssets(staging: string, stackDirectory: string): string[] {
  const assets = path.join(stackDirectory, 'assets');
  if (!fs.existsSync(path.join(staging, assets))) return [];
  return (fs.readdirSync(path.join(staging, assets), { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path
        .relative(staging, path.join(entry.parentPath ?? entry.path, entry.name))
        .split(path.sep)
        .join('/'),
    );
}

// cdktf registers every token in one process-wide map that is never emptied, and the tokens hold
// their constructs: without this, every synthesized stack stays in memory (about 0.7 MiB each).
// Safe once a stack is written: its tokens are resolved in the artifact and nothing refers to
// them again. The map object stays (cdktf modules keep a reference to it); only its entries go.
function forgetTokens(): void {
  const tokens = TokenMap.instance() as unknown as {
    stringTokenMap: Map<string, unknown>;
    numberTokenMap: Map<number, unknown>;
  };
  tokens.stringTokenMap.clear();
  tokens.numberTokenMap.clear();
}

// What a stack leaves behind is garbage, but V8 grows the heap rather than collect it while memory
// seems plentiful: peak memory then still grows with the number of environments (215 MiB for 200
// instead of about 135). A full collection whenever the heap has grown by a stack's worth of
// garbage several times over keeps the peak flat, for a few milliseconds every few stacks.
const HEAP_GROWTH_BEFORE_COLLECTING = 32 * 1024 * 1024;
let collect: (() => void) | undefined;
let heapAfterLastCollection = 0;

function collectGarbageIfGrown(): void {
  const used = v8.getHeapStatistics().used_heap_size;
  if (used - heapAfterLastCollection < HEAP_GROWTH_BEFORE_COLLECTING) return;
  if (collect === undefined) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
  heapAfterLastCollection = v8.getHeapStatistics().used_heap_size;
}
