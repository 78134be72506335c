// Questions at a terminal, one line per answer. Prompts go to stderr so that stdout carries only
// the result.
import * as readline from 'node:readline';

/** Asks one question; resolves undefined when input ends (Ctrl-D) instead of answering. */
export type Ask = (question: string) => Promise<string | undefined>;

export interface TerminalPrompt {
  readonly ask: Ask;
  close(): void;
}

export function terminalPrompt(
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): TerminalPrompt {
  const rl = readline.createInterface({ input, output, terminal: true });
  let closed = false;
  const waiting = new Set<(answer: string | undefined) => void>();
  rl.on('close', () => {
    closed = true;
    for (const resolve of waiting) resolve(undefined);
    waiting.clear();
  });
  return {
    ask(question) {
      if (closed) return Promise.resolve(undefined);
      return new Promise((resolve) => {
        waiting.add(resolve);
        rl.question(question, (answer) => {
          waiting.delete(resolve);
          resolve(answer);
        });
      });
    },
    close() {
      rl.close();
    },
  };
}
