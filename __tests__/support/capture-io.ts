// The CLI's I/O for tests: what a command prints, kept line by line, run as if from `cwd` with no
// terminal to answer prompts.
import type { CliIo } from '../../src/cli/command';

export type CapturedIo = CliIo & { readonly out: string[]; readonly err: string[] };

export function captureIo(cwd: string, env: NodeJS.ProcessEnv = {}): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    cwd,
    env,
    interactive: false,
  };
}
