// A user error in an environment file: it names the file, the field path, what was found and
// what is expected. The CLI prints `message` without a stack trace.
import { VigilError } from '../errors/vigil-error';
export interface ConfigProblem {
  readonly file: string;
  /** Dotted field path as `--set` takes it, e.g. `redis.port` or `notifications.channels[1].type`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
}

/** The most problems a message lists: a file with thousands of mistakes needs its first ones fixed, not a flood. */
export const MAX_REPORTED_PROBLEMS = 50;

export class ConfigError extends VigilError {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super(formatProblems(problems));
    this.problems = problems;
  }
}

function formatProblems(problems: readonly ConfigProblem[]): string {
  const shown = problems.slice(0, MAX_REPORTED_PROBLEMS).map(formatProblem);
  const more = problems.length - shown.length;
  if (more > 0)
    shown.push(
      `... and ${more.toLocaleString('en-US')} more problem${more === 1 ? '' : 's'} (${problems.length.toLocaleString('en-US')} in all)`,
    );
  return shown.join('\n');
}

export function formatProblem(problem: ConfigProblem): string {
  return problem.path ? `${problem.file}: ${problem.path}: ${problem.message}` : `${problem.file}: ${problem.message}`;
}
