// The one base class of the errors a user can cause or meet: bad input, files that cannot be
// read or written, limits. The CLI catches it once (src/cli/main.ts), prints `message` as words
// without a stack trace and exits with `exitCode`. Anything else that reaches the CLI is a bug.
import { ExitCode, type ExitCodeValue } from './exit-codes';

export class VigilError extends Error {
  readonly exitCode: ExitCodeValue;

  constructor(message: string, exitCode: ExitCodeValue = ExitCode.failure) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}
