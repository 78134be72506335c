// Where an environment's stack keeps its state in HCP Terraform / Terraform Enterprise, with the
// defaults applied. Shared by the stack (stacks/cloud-backend.ts) and `vigil stacks`, so the
// workspace a CI matrix names is the one the synthesized `terraform.cloud` block uses.
import type { Environment } from './environment';
import { stackName } from './environment';

export const DEFAULT_CLOUD_HOSTNAME = 'app.terraform.io';

export interface CloudWorkspace {
  readonly organization: string;
  readonly hostname: string;
  readonly workspace: string;
  readonly project?: string;
}

/** The workspace of an environment whose stateBackend is `cloud:`; undefined for other backends. */
export function cloudWorkspaceOf(environment: Environment): CloudWorkspace | undefined {
  const backend = environment.stateBackend;
  if (!backend || !('cloud' in backend)) return undefined;
  const { organization, hostname, workspace, project } = backend.cloud;
  return {
    organization,
    hostname: hostname ?? DEFAULT_CLOUD_HOSTNAME,
    workspace: workspace ?? `vigil-${stackName(environment.name)}`,
    ...(project === undefined ? {} : { project }),
  };
}

/**
 * The environment variable terraform reads the API token of a host from (TF_TOKEN_<host>, dots as
 * underscores; the CLI configuration documentation), named in docs and errors, never set by vigil.
 */
export function tokenVariableOf(hostname: string): string {
  return `TF_TOKEN_${hostname.replace(/:\d+$/, '').replace(/\./g, '_').replace(/-/g, '__')}`;
}
