// What every subcommand module exports. Commands print through `io` so tests can capture output,
// and return the process exit code instead of calling process.exit.
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** True when standard input is a terminal a person can answer prompts at. */
  readonly interactive: boolean;
}

export interface Command {
  readonly summary: string;
  readonly usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    interactive: Boolean(process.stdin.isTTY),
  };
}
