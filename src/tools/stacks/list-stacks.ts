// Every stack of an environments directory with its environment, project, state backend and the
// files it depends on (the environment's YAML and its `extends:` parents): what `vigil stacks`
// prints and what the deploy workflow's matrix is made from. Reads and validates YAML only.
import * as path from 'path';
import { cloudWorkspaceOf } from '../../config/cloud-workspace';
import type { Environment } from '../../config/environment';
import { stackName } from '../../config/environment';
import { loadEnvironments, readEnvironmentData } from '../../config/load-environment';
import { resolveExtends } from '../../config/resolve-extends';

export type StackBackend =
  | { readonly type: 'local'; readonly path: string }
  | { readonly type: 'gcs'; readonly bucket: string; readonly prefix: string }
  | {
      readonly type: 'cloud';
      readonly organization: string;
      readonly hostname: string;
      readonly workspace: string;
      readonly project?: string;
    };

export interface StackEntry {
  readonly stack: string;
  readonly environment: string;
  readonly project: string;
  readonly region: string;
  /** Where `vigil synth` writes the stack, relative to where it runs (terraform's working directory). */
  readonly directory: string;
  readonly backend: StackBackend;
  /** The environment file first, then the files it inherits from; relative, with forward slashes. */
  readonly files: readonly string[];
}

// Keep in step with stacks/monitoring-stack.ts (local and GCS defaults) and
// src/config/cloud-workspace.ts (HCP Terraform).
function backendOf(environment: Environment): StackBackend {
  const cloud = cloudWorkspaceOf(environment);
  if (cloud) return { type: 'cloud', ...cloud };
  const backend = environment.stateBackend;
  const stack = stackName(environment.name);
  if (backend && 'gcs' in backend)
    return { type: 'gcs', bucket: backend.gcs.bucket, prefix: backend.gcs.prefix ?? `vigil/${stack}` };
  const local = backend && 'local' in backend ? backend.local.path : undefined;
  return { type: 'local', path: local ?? `terraform.${stack}.tfstate` };
}

export function describeBackend(backend: StackBackend): string {
  switch (backend.type) {
    case 'local':
      return `local ${backend.path}`;
    case 'gcs':
      return `gcs gs://${backend.bucket}/${backend.prefix}`;
    case 'cloud':
      return `cloud ${backend.hostname}/${backend.organization}/${backend.workspace}`;
  }
}

export function listStacks(environmentsDir: string, outDir: string, cwd: string): StackEntry[] {
  const relative = (file: string) => path.relative(cwd, file).split(path.sep).join('/') || '.';
  return loadEnvironments(environmentsDir).map((environment) => {
    // Validated above, so this only re-reads the chain of parents.
    const parents = resolveExtends(
      readEnvironmentData(environment.file),
      environment.file,
      readEnvironmentData,
    ).parents;
    return {
      stack: stackName(environment.name),
      environment: environment.name,
      project: environment.project,
      region: environment.region,
      directory: relative(path.join(outDir, 'stacks', stackName(environment.name))),
      backend: backendOf(environment),
      files: [environment.file, ...parents].map(relative),
    };
  });
}
