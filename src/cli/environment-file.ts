// The file of an environment a command names (`--env staging`, `vigil preview staging`): its path in
// the environments directory, or a usage error in words when there is no such file.
import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from './usage-error';

/** `option` names how the environment was given (`--env`), or is omitted for a positional argument. */
export function existingEnvironmentFile(
  cwd: string,
  environments: string,
  environment: string,
  option?: string,
): string {
  const file = path.resolve(cwd, environments, `${environment}.yaml`);
  if (!fs.existsSync(file))
    throw new UsageError(
      `${option ? `${option}: ` : ''}no environment "${environment}": ${path.relative(cwd, file)} does not exist`,
    );
  return file;
}
