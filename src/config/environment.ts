// The typed, fully resolved environment every later layer works with: the validated YAML, its
// defaults applied, plus the name and file it came from; and where its stack lands in an output.
import * as path from 'path';
import type { EnvironmentFile } from './schema';

export interface Environment extends EnvironmentFile {
  /** The environment name: the YAML file's base name (`staging` for environments/staging.yaml). */
  readonly name: string;
  /** The file it was loaded from, as given to the loader (for error messages). */
  readonly file: string;
  readonly redis: EnvironmentFile['redis'] & {
    readonly logs: { readonly connectionErrorFilter: string; readonly operationFilter: string };
  };
  readonly agent: EnvironmentFile['agent'] & { readonly executionFilter: string; readonly timeoutFilter: string };
}

/** The Terraform stack of an environment. */
export function stackName(environmentName: string): string {
  return `monitoring-${environmentName}`;
}

/** The directory of an environment's stack inside an output directory (where terraform runs). */
export function stackDirectory(outdir: string, environmentName: string): string {
  return path.join(outdir, 'stacks', stackName(environmentName));
}

/** The synthesized Terraform JSON of an environment's stack inside an output directory. */
export function stackArtifactPath(outdir: string, environmentName: string): string {
  return path.join(stackDirectory(outdir, environmentName), 'cdk.tf.json');
}
