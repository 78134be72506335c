// Synthesis entry points shared by main.ts (the cdktf app), `vigil synth`, the tests and the
// tools that need a stack in memory (clone's leak check). All environments are validated before
// anything is written, and the output directory is replaced in one rename: synthesis either
// completes or leaves the previous cdktf.out as it was.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { stackName } from '../src/config/environment';
import type { Environment } from '../src/config/environment';
import { MonitoringStack } from './monitoring-stack';

/** Where the artifact of a stack lands inside an output directory. */
export function stackArtifactPath(outdir: string, environmentName: string): string {
  return path.join(outdir, 'stacks', stackName(environmentName), 'cdk.tf.json');
}

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

/**
 * Synthesizes every environment into a fresh directory beside `outdir`, lets `check` inspect the
 * result, and only then swaps it into place. Any error leaves `outdir` untouched.
 */
export function synthesizeEnvironments(environments: readonly Environment[], outdir: string, check?: (stagingDir: string) => void): void {
  const parent = path.dirname(path.resolve(outdir));
  fs.mkdirSync(parent, { recursive: true });
  const staging = fs.mkdtempSync(path.join(parent, `.${path.basename(outdir)}.next-`));
  try {
    const app = newApp(staging);
    for (const environment of environments) new MonitoringStack(app, environment);
    app.synth();
    check?.(staging);
    replaceDirectory(staging, outdir);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

function replaceDirectory(source: string, target: string): void {
  const previous = `${target}.previous-${process.pid}`;
  const hadTarget = fs.existsSync(target);
  if (hadTarget) fs.renameSync(target, previous);
  try {
    fs.renameSync(source, target);
  } catch (error) {
    if (hadTarget) fs.renameSync(previous, target);
    throw error;
  }
  if (hadTarget) fs.rmSync(previous, { recursive: true, force: true });
}
