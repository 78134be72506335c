// A mistake in how the command was called: printed with the usage line, exit code 2.
import { ExitCode } from '../errors/exit-codes';
import { VigilError } from '../errors/vigil-error';

export class UsageError extends VigilError {
  constructor(message: string) {
    super(message, ExitCode.usageOrAttention);
  }
}
