// The exit codes every vigil command uses, named once. Each command documents which of them it
// returns and what they mean for it (docs/cli.md); none returns anything else.
export const ExitCode = {
  /** The command did what was asked and found nothing wrong. */
  ok: 0,
  /** The input or the environment is wrong (an invalid file, lint errors, a failed check, a file that cannot be written). */
  failure: 1,
  /** The command line is wrong, or a command's own second outcome (drift found, a degraded preflight). */
  usageOrAttention: 2,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
