// Every stack of an environments directory with its environment, project, state backend and the
// files it depends on (the environment's YAML and its `extends:` parents): what `vigil stacks`
// prints and what the deploy workflow's matrix is made from. Reads and validates YAML only.
import * as path from 'path';
import { type StateLocation, stateLocationOf } from '../../config/state-location';
import { stackDirectory, stackName } from '../../config/environment';
import { loadEnvironments, readEnvironmentData } from '../../config/load-environment';
import { resolveExtends } from '../../config/resolve-extends';

/** Where a stack keeps its state (src/config/state-location.ts). */
export type StackBackend = StateLocation;

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
      directory: relative(stackDirectory(outDir, environment.name)),
      backend: stateLocationOf(environment),
      files: [environment.file, ...parents].map(relative),
    };
  });
}
