// Where an environment's stack keeps its Terraform state, with every default applied: the one
// answer the stack (stacks/state-backend.ts, which writes the backend block) and `vigil stacks`
// (which CI matrices read) share, so they cannot disagree.
//
// Local state never lives in the generated output (a synthesis rewrites that tree): by default it
// is `state/terraform.<stack>.tfstate` in the directory that holds the output directory (the
// project root for `cdktf.out`). A relative `stateBackend.local.path` is read from that directory.
import * as path from 'path';
import { type CloudWorkspace, cloudWorkspaceOf } from './cloud-workspace';
import type { Environment } from './environment';
import { stackName } from './environment';

/** The folder, beside the output directory, that holds local state by default. */
export const STATE_DIRECTORY = 'state';

export type StateLocation =
  | { readonly type: 'local'; readonly path: string }
  | { readonly type: 'gcs'; readonly bucket: string; readonly prefix: string }
  | ({ readonly type: 'cloud' } & CloudWorkspace);

/** The state file cdktf names by convention, which vigil also used inside the stack directory before. */
export function defaultStateFileName(environmentName: string): string {
  return `terraform.${stackName(environmentName)}.tfstate`;
}

export function stateLocationOf(environment: Environment): StateLocation {
  const cloud = cloudWorkspaceOf(environment);
  if (cloud) return { type: 'cloud', ...cloud };
  const backend = environment.stateBackend;
  if (backend && 'gcs' in backend) {
    return {
      type: 'gcs',
      bucket: backend.gcs.bucket,
      prefix: backend.gcs.prefix ?? `vigil/${stackName(environment.name)}`,
    };
  }
  const local = backend && 'local' in backend ? backend.local.path : undefined;
  return { type: 'local', path: local ?? path.posix.join(STATE_DIRECTORY, defaultStateFileName(environment.name)) };
}
