// HCP Terraform / Terraform Enterprise as a stack's backend: one named workspace per stack. The
// token is never part of the configuration: terraform reads TF_TOKEN_<host> or the credentials
// `terraform login` stored, so nothing secret reaches cdktf.out.
import { CloudBackend, NamedCloudWorkspace, type TerraformStack } from 'cdktf';
import { cloudWorkspaceOf } from '../src/config/cloud-workspace';
import type { Environment } from '../src/config/environment';

/** Adds the `terraform.cloud` block when the environment's stateBackend is `cloud:`; false otherwise. */
export function cloudBackend(stack: TerraformStack, environment: Environment): boolean {
  const cloud = cloudWorkspaceOf(environment);
  if (!cloud) return false;
  new CloudBackend(stack, {
    organization: cloud.organization,
    hostname: cloud.hostname,
    workspaces: new NamedCloudWorkspace(cloud.workspace, cloud.project),
  });
  return true;
}
