// `vigil stacks [--format text|json]`: every stack with its environment, project, state backend
// and the files it depends on (the environment's YAML and its `extends:` parents), so a CI matrix
// can run `terraform plan` only for the stacks a change touches. Reads and validates YAML only:
// no cdktf, no synthesis.
import * as path from 'path';
import { parseArgs } from 'util';
import { cloudWorkspaceOf } from '../../config/cloud-workspace';
import type { Environment } from '../../config/environment';
import { stackName } from '../../config/environment';
import { loadEnvironments, readEnvironmentData } from '../../config/load-environment';
import { resolveExtends } from '../../config/resolve-extends';
import type { Command } from '../command';
import { UsageError } from '../usage-error';

export type StackBackend =
  | { readonly type: 'local'; readonly path: string }
  | { readonly type: 'gcs'; readonly bucket: string; readonly prefix: string }
  | { readonly type: 'cloud'; readonly organization: string; readonly hostname: string; readonly workspace: string; readonly project?: string };

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
  if (backend && 'gcs' in backend) return { type: 'gcs', bucket: backend.gcs.bucket, prefix: backend.gcs.prefix ?? `vigil/${stack}` };
  const local = backend && 'local' in backend ? backend.local.path : undefined;
  return { type: 'local', path: local ?? `terraform.${stack}.tfstate` };
}

function describeBackend(backend: StackBackend): string {
  switch (backend.type) {
    case 'local': return `local ${backend.path}`;
    case 'gcs': return `gcs gs://${backend.bucket}/${backend.prefix}`;
    case 'cloud': return `cloud ${backend.hostname}/${backend.organization}/${backend.workspace}`;
  }
}

export function listStacks(environmentsDir: string, outDir: string, cwd: string): StackEntry[] {
  const relative = (file: string) => path.relative(cwd, file).split(path.sep).join('/') || '.';
  return loadEnvironments(environmentsDir).map((environment) => {
    // Validated above, so this only re-reads the chain of parents.
    const parents = resolveExtends(readEnvironmentData(environment.file), environment.file, readEnvironmentData).parents;
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

export const command: Command = {
  summary: 'list every stack with its environment, project, state backend and the files it depends on',
  usage: 'usage: vigil stacks [--environments DIR] [--out DIR] [--format text|json]',
  async run(args, io) {
    let values: { environments?: string; out?: string; format?: string };
    try {
      values = parseArgs({ args, options: { environments: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' } } }).values;
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
    const stacks = listStacks(
      path.resolve(io.cwd, values.environments ?? 'environments'),
      path.resolve(io.cwd, values.out ?? 'cdktf.out'),
      io.cwd,
    );
    if (format === 'json') {
      io.stdout(`${JSON.stringify(stacks, null, 2)}\n`);
      return 0;
    }
    for (const entry of stacks) {
      io.stdout(`${entry.stack}  environment ${entry.environment}, project ${entry.project}, state ${describeBackend(entry.backend)}\n`);
      io.stdout(`  files: ${entry.files.join(', ')}\n`);
    }
    return 0;
  },
};
