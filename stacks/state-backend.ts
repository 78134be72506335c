// Where a stack keeps its Terraform state: the one place that turns `stateBackend:` into a backend.
//
// Local state never lives in the generated output (a synthesis may rewrite that tree); it lives in
// `state/` in the directory that holds the output directory — the project root for the default
// `cdktf.out`. Terraform runs in `<output>/stacks/<stack>/`, three levels below that directory,
// so the artifact says `../../../state/terraform.<stack>.tfstate`: relative, the same on every
// machine and for every `--out`, and always resolved beside the output Terraform runs from.
import { GcsBackend, LocalBackend, type TerraformStack } from 'cdktf';
import * as path from 'path';
import type { Environment } from '../src/config/environment';
import { stackName } from '../src/config/environment';
import { cloudBackend } from './cloud-backend';

/** The folder, beside the output directory, that holds local state by default. */
export const STATE_DIRECTORY = 'state';

/** From a stack's directory (`<output>/stacks/<stack>/`) up to the directory holding the output. */
const STACK_DIRECTORY_TO_PROJECT_ROOT = '../../..';

/** The state file cdktf names by convention, which vigil also used inside the stack directory before. */
export function defaultStateFileName(environmentName: string): string {
  return `terraform.${stackName(environmentName)}.tfstate`;
}

/**
 * The local state file of an environment relative to the directory holding the output (or absolute
 * if the environment says so), or undefined when its state is not local. A relative
 * `stateBackend.local.path` is read from that directory, as a person reading the YAML at the project
 * root would expect.
 */
export function localStatePath(environment: Environment): string | undefined {
  const backend = environment.stateBackend;
  if (backend && !('local' in backend)) return undefined;
  return backend?.local.path ?? path.posix.join(STATE_DIRECTORY, defaultStateFileName(environment.name));
}

/** Adds the environment's state backend to its stack. */
export function addStateBackend(stack: TerraformStack, environment: Environment): void {
  if (cloudBackend(stack, environment)) return;
  const backend = environment.stateBackend;
  if (backend && 'gcs' in backend) {
    new GcsBackend(stack, {
      bucket: backend.gcs.bucket,
      prefix: backend.gcs.prefix ?? `vigil/${stackName(environment.name)}`,
    });
    return;
  }
  const statePath = localStatePath(environment) as string;
  new LocalBackend(stack, {
    path: path.isAbsolute(statePath) ? statePath : path.posix.join(STACK_DIRECTORY_TO_PROJECT_ROOT, toPosix(statePath)),
  });
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
