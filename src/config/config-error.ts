// A user error in an environment file: it names the file, the field path, what was found and
// what is expected. The CLI prints `message` without a stack trace.
import { VigilError } from '../errors/vigil-error';
export interface ConfigProblem {
  readonly file: string;
  /** Dotted field path as `--set` takes it, e.g. `redis.port` or `notifications.channels[1].type`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
}

export class ConfigError extends VigilError {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.problems = problems;
  }
}

export function formatProblem(problem: ConfigProblem): string {
  return problem.path ? `${problem.file}: ${problem.path}: ${problem.message}` : `${problem.file}: ${problem.message}`;
}
