// A user error of `vigil clone` that is not about one environment file's content: a bad --set, an
// existing target, values that must be given. The CLI prints the message without a stack trace.
import { ExitCode } from '../../errors/exit-codes';
import { VigilError } from '../../errors/vigil-error';

export class CloneError extends VigilError {
  /** 2 for a mistake in how clone was called, 1 for a refusal after checking. */
  constructor(message: string, exitCode: typeof ExitCode.failure | typeof ExitCode.usageOrAttention) {
    super(message, exitCode);
  }
}
