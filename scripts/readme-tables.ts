// The generated tables of README.md: what `npm run docs` writes and what the README test checks.
import * as path from 'path';
import { main } from '../src/cli/main';
import { loadEnvironmentFile } from '../src/config/load-environment';
import { SIGNAL_DEFINITIONS } from '../src/config/signals/registry';
import { alertTableMarkdown } from '../src/tools/docs/alert-table';
import { signalTableMarkdown } from '../src/tools/docs/signal-table';
import { sloTableMarkdown } from '../src/tools/docs/slo-table';
import { synthesizeStackJson } from '../stacks/synthesize';
import { failureModeIndexMarkdown } from '../src/tools/docs/failure-mode-index';
import { coverageOf } from '../src/tools/simulate/failure-modes/coverage';
import { loadFailureModeCatalog } from '../src/tools/simulate/failure-modes/failure-mode-catalog';
import { stackModelFromJson } from '../src/tools/simulate/policy-model';

/** The table of registered signals and their thresholds' defaults. */
export function signalTable(): string {
  return signalTableMarkdown(SIGNAL_DEFINITIONS);
}

function synthesizeStaging(repositoryRoot: string): Record<string, unknown> {
  return synthesizeStackJson(loadEnvironmentFile(path.join(repositoryRoot, 'environments', 'staging.yaml')));
}

// Each table takes the synthesized staging stack (or a directory holding it, for the commands that
// read artifacts) when the caller has one already, and synthesizes it otherwise.

/** The table of alerts of the synthesized staging stack. */
export function alertTable(repositoryRoot: string, staging = synthesizeStaging(repositoryRoot)): string {
  return alertTableMarkdown(staging);
}

/** The SLOs of the synthesized staging stack and their burn-rate alerts. */
export function sloTable(repositoryRoot: string, staging = synthesizeStaging(repositoryRoot)): string {
  return sloTableMarkdown(staging);
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

export const COVERAGE_ARGS = [
  'simulate',
  '--coverage',
  '--format',
  'markdown',
  '--synth',
  'failure-modes/staging.yaml',
] as const;

/** Worst-case time to notification per condition, with the slowest time the staging scenarios measured. */
export function timeToNotificationTable(repositoryRoot: string, artifactsDirectory?: string): Promise<string> {
  return vigilOutput(withArtifacts(REPORT_ARGS, artifactsDirectory), repositoryRoot);
}

/** Per failure mode of staging, the first policy that pages and how soon; then the noise scenarios. */
export function coverageTable(repositoryRoot: string, artifactsDirectory?: string): Promise<string> {
  return vigilOutput(withArtifacts(COVERAGE_ARGS, artifactsDirectory), repositoryRoot);
}

/** The arguments reading an existing artifact instead of synthesizing, when there is one. */
function withArtifacts(args: readonly string[], artifactsDirectory: string | undefined): string[] {
  if (!artifactsDirectory) return [...args];
  return args.flatMap((arg) => (arg === '--synth' ? ['--artifacts', artifactsDirectory] : [arg]));
}

async function vigilOutput(args: readonly string[], repositoryRoot: string): Promise<string> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...args], {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    cwd: repositoryRoot,
    env: process.env,
    interactive: false,
  });
  if (code !== 0) throw new Error(`vigil ${args.join(' ')} exited ${code}: ${err.join('')}`);
  return out.join('').trim();
}

/** The runbook index of docs/coverage.md: failure modes → alerts and alerts → failure modes, for staging. */
export function failureModeIndex(repositoryRoot: string, staging = synthesizeStaging(repositoryRoot)): string {
  const stack = stackModelFromJson(staging, 'staging (synthesized)');
  const catalog = loadFailureModeCatalog(path.join(repositoryRoot, 'failure-modes', 'staging.yaml'));
  return failureModeIndexMarkdown(catalog, coverageOf(catalog, { resolveEnvironment: () => stack }));
}
