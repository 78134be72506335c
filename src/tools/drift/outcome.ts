// Maps what terraform did for one environment to the drift report's three outcomes and exit codes:
// 0 no drift, 2 drift (failed postconditions, or managed resources changed outside Terraform),
// 1 error (terraform could not tell: missing provider, credentials, state, configuration).
import type { DriftedResource, FailedPostcondition, PlanOutput } from './plan-output';

export const EXIT_NO_DRIFT = 0;
export const EXIT_ERROR = 1;
export const EXIT_DRIFT = 2;

export type DriftStatus = 'no-drift' | 'drift' | 'error';

export interface EnvironmentOutcome {
  readonly environment: string;
  readonly stack: string;
  readonly status: DriftStatus;
  readonly exitCode: 0 | 1 | 2;
  readonly failedPostconditions: readonly FailedPostcondition[];
  readonly driftedResources: readonly DriftedResource[];
  /** Why the check could not run, each a sentence a person can act on. */
  readonly problems: readonly string[];
}

/** What one terraform invocation returned. `exitCode` is null when terraform could not be started. */
export interface TerraformRun {
  readonly exitCode: number | null;
  readonly output: string;
  /** Set when the process could not be started (ENOENT: terraform is not installed). */
  readonly spawnError?: string;
}

const PROVIDER_UNAVAILABLE =
  /Failed to query available provider packages|Failed to install provider|could not connect to registry|Failed to download|Incompatible provider version|provider registry .* does not have a provider/i;
const CREDENTIALS_MISSING =
  /could not find default credentials|No credentials loaded|application default credentials|oauth2: cannot fetch token|invalid_grant|Reauthentication failed|credentials.*(?:not found|invalid)/i;

export function firstLines(text: string, count: number): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, count)
    .join(' ');
}

/** The problem of a failed `terraform init`, in words. */
export function initProblem(run: TerraformRun): string {
  if (run.spawnError) return terraformMissing(run.spawnError);
  if (PROVIDER_UNAVAILABLE.test(run.output)) {
    const flat = run.output.replace(/\s+/g, ' ');
    const reason =
      /could not connect to [^\s:]+/i.exec(flat)?.[0] ?? /Error: ([^.]+)/.exec(flat)?.[1] ?? firstLines(run.output, 2);
    return (
      `terraform init could not download the google provider (${reason.trim()}). ` +
      'Run where registry.terraform.io is reachable, or make the provider available offline (a provider_installation ' +
      'filesystem_mirror in the CLI configuration, or TF_PLUGIN_CACHE_DIR filled on a connected machine).'
    );
  }
  return `terraform init failed (exit ${run.exitCode}): ${firstLines(run.output, 6)}`;
}

function terraformMissing(spawnError: string): string {
  return `terraform could not be started (${spawnError}): install Terraform >= 1.3 and put it on PATH.`;
}

export function outcome(
  environment: string,
  stack: string,
  status: DriftStatus,
  details: Partial<Pick<EnvironmentOutcome, 'failedPostconditions' | 'driftedResources' | 'problems'>> = {},
): EnvironmentOutcome {
  const exitCode = status === 'no-drift' ? EXIT_NO_DRIFT : status === 'drift' ? EXIT_DRIFT : EXIT_ERROR;
  return {
    environment,
    stack,
    status,
    exitCode,
    failedPostconditions: details.failedPostconditions ?? [],
    driftedResources: details.driftedResources ?? [],
    problems: details.problems ?? [],
  };
}

/**
 * The outcome of `terraform plan -refresh-only -detailed-exitcode -json`: exit 0 no changes,
 * 2 changes (drifted managed resources), 1 errors. Failed postconditions are drift whatever the
 * exit code (warnings in refresh-only mode, errors in a normal plan). Any other error makes the
 * result untrustworthy: the outcome is an error, listing the failed postconditions seen so far.
 */
export function planOutcome(
  environment: string,
  stack: string,
  run: TerraformRun,
  plan: PlanOutput,
): EnvironmentOutcome {
  const details = { failedPostconditions: plan.failedPostconditions, driftedResources: plan.driftedResources };
  if (run.spawnError)
    return outcome(environment, stack, 'error', { ...details, problems: [terraformMissing(run.spawnError)] });
  if (run.exitCode !== 0 && run.exitCode !== 2) {
    if (plan.errors.length === 0 && plan.failedPostconditions.length > 0)
      return outcome(environment, stack, 'drift', details);
    const errors =
      plan.errors.length > 0
        ? plan.errors
        : [firstLines(plan.otherLines.join('\n'), 6) || `terraform plan exited with ${run.exitCode}`];
    const problems = errors.map((error) =>
      CREDENTIALS_MISSING.test(error)
        ? `the google provider found no usable credentials: ${firstLines(error, 3)} — see \`npm run drift -- --help\` for how to provide them.`
        : `terraform plan failed: ${firstLines(error, 6)}`,
    );
    return outcome(environment, stack, 'error', { ...details, problems });
  }
  if (plan.failedPostconditions.length > 0 || run.exitCode === 2) return outcome(environment, stack, 'drift', details);
  return outcome(environment, stack, 'no-drift');
}

/** The exit code of a whole run: an error anywhere wins (the report is incomplete), then drift. */
export function overallExitCode(outcomes: readonly EnvironmentOutcome[]): 0 | 1 | 2 {
  if (outcomes.some((item) => item.status === 'error')) return EXIT_ERROR;
  if (outcomes.some((item) => item.status === 'drift')) return EXIT_DRIFT;
  return EXIT_NO_DRIFT;
}
