// Where a stack keeps its Terraform state: the one place that turns `stateBackend:` into a backend
// block, from the location src/config/state-location.ts decides (defaults included).
//
// Terraform runs in `<output>/stacks/<stack>/`, three levels below the directory holding the
// output, so local state at `state/terraform.<stack>.tfstate` there is written in the artifact as
// `../../../state/terraform.<stack>.tfstate`: relative, the same on every machine and for every
// `--out`, and always resolved beside the output Terraform runs from.
import { GcsBackend, LocalBackend, type TerraformStack } from 'cdktf';
import * as path from 'path';
import type { Environment } from '../src/config/environment';
import { stateLocationOf } from '../src/config/state-location';
import { cloudBackend } from './cloud-backend';

export { defaultStateFileName, STATE_DIRECTORY } from '../src/config/state-location';

/** From a stack's directory (`<output>/stacks/<stack>/`) up to the directory holding the output. */
const STACK_DIRECTORY_TO_PROJECT_ROOT = '../../..';

/**
 * The local state file of an environment relative to the directory holding the output (or absolute
 * if the environment says so), or undefined when its state is not local.
 */
export function localStatePath(environment: Environment): string | undefined {
  const location = stateLocationOf(environment);
  return location.type === 'local' ? location.path : undefined;
}

/** Adds the environment's state backend to its stack. */
export function addStateBackend(stack: TerraformStack, environment: Environment): void {
  if (cloudBackend(stack, environment)) return;
  const location = stateLocationOf(environment);
  if (location.type === 'gcs') {
    new GcsBackend(stack, { bucket: location.bucket, prefix: location.prefix });
    return;
  }
  if (location.type !== 'local') return;
  new LocalBackend(stack, {
    path: path.isAbsolute(location.path)
      ? location.path
      : path.posix.join(STACK_DIRECTORY_TO_PROJECT_ROOT, toPosix(location.path)),
  });
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
