// Earlier versions swapped the whole output directory with two renames through siblings named
// `.<out>.next-*` (a fresh synthesis) and `<out>.previous-*` (the output being replaced). A run
// killed between the renames left no output at all; killed runs left the siblings behind.
// This puts a lost output back and removes the siblings, without deleting anything but generated
// files: a `previous` sibling may hold state or `.terraform/` that the old swap carried away.
import * as fs from 'fs';
import * as path from 'path';
import { withFileErrors } from '../src/errors/file-error';
import { removeEmptyParents } from './output-directory';

function siblings(outdir: string): { next: string[]; previous: string[] } {
  const parent = path.dirname(outdir);
  const base = path.basename(outdir);
  const names = fs.existsSync(parent) ? fs.readdirSync(parent) : [];
  return {
    next: names.filter((name) => name.startsWith(`.${base}.next-`)).map((name) => path.join(parent, name)),
    previous: names
      .filter((name) => name.startsWith(`${base}.previous-`))
      .map((name) => path.join(parent, name))
      .sort(),
  };
}

/** When the output is missing but an interrupted swap set it aside, puts it back. Returns what it did, in words. */
export function restoreLostOutput(outdir: string, display: (file: string) => string): string | undefined {
  if (fs.existsSync(outdir)) return undefined;
  const { previous } = withFileErrors('read the directory', display(path.dirname(outdir)), () => siblings(outdir));
  const latest = previous[previous.length - 1];
  if (latest === undefined) return undefined;
  withFileErrors('restore the output directory from', display(latest), () => fs.renameSync(latest, outdir));
  return `restored ${display(outdir)} from ${display(latest)}, left there by an interrupted synthesis`;
}

/** Removes the siblings an interrupted swap left; returns sentences about anything it had to keep. */
export function removeSwapLeftovers(outdir: string, display: (file: string) => string): string[] {
  const kept: string[] = [];
  withFileErrors('remove what an interrupted synthesis left beside', display(outdir), () => {
    const { next, previous } = siblings(outdir);
    for (const directory of next) fs.rmSync(directory, { recursive: true, force: true });
    for (const directory of previous) {
      for (const file of generatedFiles(directory)) {
        fs.rmSync(file, { force: true });
        removeEmptyParents(directory, path.dirname(file));
      }
      try {
        fs.rmdirSync(directory);
      } catch {
        kept.push(
          `kept ${display(directory)}, left by an interrupted synthesis: it holds files vigil did not generate ` +
            '(state or .terraform/?); move what you need from it, then delete it',
        );
      }
    }
  });
  return kept;
}

function generatedFiles(directory: string): string[] {
  const files = [path.join(directory, 'manifest.json')];
  const stacks = path.join(directory, 'stacks');
  if (fs.existsSync(stacks)) {
    for (const stack of fs.readdirSync(stacks)) files.push(path.join(stacks, stack, 'cdk.tf.json'));
  }
  return files;
}
