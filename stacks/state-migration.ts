// Local state used to live in the stack's directory inside the output
// (`cdktf.out/stacks/monitoring-<env>/terraform.monitoring-<env>.tfstate`), where a synthesis could
// delete it. It now lives beside the output (stacks/state-backend.ts). Synthesis moves state found
// at the old place to the new one, with its `.backup`; it never overwrites: when both places hold
// state, it stops before synthesizing anything and names both files. The conflict check comes first;
// the move comes after the new output is committed, so the artifact in place always points where
// the state is (the old artifact at the old place, the new one at the new place).
import * as fs from 'fs';
import * as path from 'path';
import { stackName } from '../src/config/environment';
import type { Environment } from '../src/config/environment';
import { withFileErrors } from '../src/errors/file-error';
import { VigilError } from '../src/errors/vigil-error';
import { defaultStateFileName, localStatePath } from './state-backend';

export class StateConflictError extends VigilError {}

export interface Move {
  readonly stack: string;
  readonly from: string;
  readonly to: string;
}

/** The state files to move from where earlier versions kept them; throws when both places hold state. */
export function planStateMigration(
  environments: readonly Environment[],
  outdir: string,
  display: (file: string) => string,
): Move[] {
  const projectRoot = path.dirname(outdir);
  const moves: Move[] = [];
  for (const environment of environments) {
    const statePath = localStatePath(environment);
    if (statePath === undefined) continue;
    const stack = stackName(environment.name);
    // Earlier versions read `local.path` (or the default name) from the stack's directory.
    const backend = environment.stateBackend;
    const oldName =
      (backend && 'local' in backend ? backend.local.path : undefined) ?? defaultStateFileName(environment.name);
    const oldState = path.resolve(outdir, 'stacks', stack, oldName);
    const newState = path.resolve(projectRoot, statePath);
    if (oldState === newState || path.relative(outdir, oldState).startsWith('..')) continue;
    for (const suffix of ['', '.backup']) {
      if (fs.existsSync(oldState + suffix)) moves.push({ stack, from: oldState + suffix, to: newState + suffix });
    }
  }
  const conflict = moves.find((move) => fs.existsSync(move.to));
  if (conflict) {
    throw new StateConflictError(
      `the Terraform state of ${conflict.stack} is in two places: ${display(conflict.from)} (where ` +
        `earlier versions of vigil kept it) and ${display(conflict.to)} (where it lives now). vigil does not choose between ` +
        `them and changed nothing: keep the one Terraform should use at ${display(conflict.to)}, move the other out of ` +
        `${display(outdir)}, then synthesize again`,
    );
  }
  return moves;
}

/** Moves the planned state files; returns one sentence per stack moved. */
export function moveState(moves: readonly Move[], outdir: string, display: (file: string) => string): string[] {
  const said: string[] = [];
  for (const move of moves) {
    withFileErrors('move the Terraform state to', display(move.to), () => {
      fs.mkdirSync(path.dirname(move.to), { recursive: true });
      moveFile(move.from, move.to);
    });
    if (move.from.endsWith('.backup')) continue;
    const stackDirectory = path.join(outdir, 'stacks', move.stack);
    const reinit = fs.existsSync(path.join(stackDirectory, '.terraform'))
      ? `; run \`terraform init -reconfigure\` in ${display(stackDirectory)} before the next plan (the backend path changed)`
      : '';
    said.push(
      `moved the Terraform state of ${move.stack} from ${display(move.from)} to ${display(move.to)}, ` +
        `out of the generated output${reinit}`,
    );
  }
  return said;
}

// A hard link then removal (a link never overwrites: EEXIST), or across file systems a copy that
// refuses to overwrite, then removal.
function moveFile(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
    fs.rmSync(from);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
    fs.rmSync(from);
  }
}
