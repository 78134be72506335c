// Runs fuzz cases of one target in process: case i of seed s is always the same case, so a report
// "target scenario, seed 7, case 113" is reproduced by running that case alone.
import { caseSeed, seededRandom } from './random';
import type { FuzzCase, FuzzTarget } from './targets';

export interface FuzzFailure {
  readonly target: string;
  readonly seed: number;
  readonly index: number;
  readonly what: string;
  readonly problem: string;
  readonly input: string;
}

export interface FuzzOptions {
  readonly seed: number;
  readonly cases: number;
  /** The first case to run (a resumed run starts after a case that hung). */
  readonly from?: number;
  /** A case slower than this is a failure: what a user would take for a hang. */
  readonly caseBudgetMs: number;
  /** Stop starting new cases after this long. */
  readonly deadlineMs?: number;
  readonly onCase?: (index: number) => void;
}

export async function runOneCase(target: FuzzTarget, seed: number, index: number): Promise<FuzzCase> {
  return target.runCase(seededRandom(caseSeed(seed, index)));
}

export async function runFuzzTarget(
  target: FuzzTarget,
  options: FuzzOptions,
): Promise<{ failures: FuzzFailure[]; ran: number }> {
  const failures: FuzzFailure[] = [];
  const started = Date.now();
  let ran = 0;
  for (let index = options.from ?? 0; index < options.cases; index += 1) {
    if (options.deadlineMs !== undefined && Date.now() - started > options.deadlineMs) break;
    options.onCase?.(index);
    const caseStarted = Date.now();
    let result: FuzzCase;
    try {
      result = await runOneCase(target, options.seed, index);
    } catch (error) {
      // The targets catch what a user could see; an escape here is a bug of the fuzzer or the code.
      result = { what: 'the case itself', input: '', problem: `threw ${(error as Error).stack ?? String(error)}` };
    }
    const elapsed = Date.now() - caseStarted;
    ran += 1;
    const problem =
      result.problem ??
      (elapsed > options.caseBudgetMs ? `took ${elapsed} ms (budget ${options.caseBudgetMs} ms)` : undefined);
    if (problem)
      failures.push({
        target: target.name,
        seed: options.seed,
        index,
        what: result.what,
        problem,
        input: result.input,
      });
  }
  return { failures, ran };
}
