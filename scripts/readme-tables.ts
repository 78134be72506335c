// The generated tables of README.md: what `npm run docs` writes and what the README test checks.
import * as path from 'path';
import { main } from '../src/cli/main';
import { loadEnvironmentFile } from '../src/config/load-environment';
import { SIGNAL_DEFINITIONS } from '../src/config/signals/registry';
import { alertTableMarkdown } from '../src/tools/docs/alert-table';
import { signalTableMarkdown } from '../src/tools/docs/signal-table';
import { sloTableMarkdown } from '../src/tools/docs/slo-table';
import { synthesizeStackJson } from '../stacks/synthesize';

/** The table of registered signals and their thresholds' defaults. */
export function signalTable(): string {
  return signalTableMarkdown(SIGNAL_DEFINITIONS);
}

/** The table of alerts of the synthesized staging stack. */
export function alertTable(repositoryRoot: string): string {
  return alertTableMarkdown(
    synthesizeStackJson(loadEnvironmentFile(path.join(repositoryRoot, 'environments', 'staging.yaml'))),
  );
}

/** The SLOs of the synthesized staging stack and their burn-rate alerts. */
export function sloTable(repositoryRoot: string): string {
  return sloTableMarkdown(
    synthesizeStackJson(loadEnvironmentFile(path.join(repositoryRoot, 'environments', 'staging.yaml'))),
  );
}

export const REPORT_ARGS = [
  'simulate',
  '--report',
  '--environment',
  'staging',
  '--format',
  'markdown',
  '--synth',
  'alert-tests/staging',
] as const;

/** Worst-case time to notification per condition, with the slowest time the staging scenarios measured. */
export async function timeToNotificationTable(repositoryRoot: string): Promise<string> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...REPORT_ARGS], {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    cwd: repositoryRoot,
    env: process.env,
    interactive: false,
  });
  if (code !== 0) throw new Error(`vigil ${REPORT_ARGS.join(' ')} exited ${code}: ${err.join('')}`);
  return out.join('').trim();
}
