// A user error of `vigil clone` that is not about one environment file's content: a bad --set, an
// existing target, values that must be given. The CLI prints the message without a stack trace.
export class CloneError extends Error {
  /** 2 for a mistake in how clone was called, 1 for a refusal after checking. */
  readonly exitCode: 1 | 2;

  constructor(message: string, exitCode: 1 | 2) {
    super(message);
    this.name = 'CloneError';
    this.exitCode = exitCode;
  }
}
