// Test support for the synth tests: a workspace with the repository's environments, captured CLI
// output, and what a complete vigil output looks like.
import * as fs from 'fs';
import * as path from 'path';
import { ENVIRONMENTS_DIR, REPO_ROOT, temporaryDirectory } from '../support/environments';

export const VIGIL_BIN = path.join(REPO_ROOT, 'bin', 'vigil.js');
export const CDKTF_APP = path.join(REPO_ROOT, 'dist', 'main.js');

export { captureIo } from '../support/capture-io';

const workspaces: string[] = [];
afterAll(() => workspaces.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A temporary project directory holding a copy of environments/, removed after the test file. */
export function workspace(prefix = 'synth'): string {
  const dir = temporaryDirectory(prefix);
  workspaces.push(dir);
  fs.cpSync(ENVIRONMENTS_DIR, path.join(dir, 'environments'), { recursive: true });
  return dir;
}

/** Adds an environment `name` to a workspace: staging's file with another project. */
export function addEnvironment(dir: string, name: string): void {
  const staging = fs.readFileSync(path.join(dir, 'environments', 'staging.yaml'), 'utf8');
  fs.writeFileSync(
    path.join(dir, 'environments', `${name}.yaml`),
    staging.replace(/^project: .*$/m, `project: netra-${name}`),
  );
}

/** Every file under `dir`, relative, sorted. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => fs.statSync(path.join(dir, file)).isFile())
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** vigil's bookkeeping that must never remain after a run: staging, journal, lock. */
export function leftovers(outdir: string): string[] {
  return fs.existsSync(outdir)
    ? fs.readdirSync(outdir).filter((name) => /^\.vigil-(staging|commit|lock)/.test(name))
    : [];
}
