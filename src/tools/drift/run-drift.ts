// `npm run drift [-- <env>…]`: for each environment's synthesized stack, `terraform init` and
// `terraform plan -refresh-only -detailed-exitcode -lock=false -input=false -json`, then one line
// per environment: no drift (0), drift with the failed postconditions (2), error (1).
// Pure TypeScript over the synthesized JSON and terraform's output: synthesis happens before
// (`npm run drift` runs `npm run synth` first).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { stackArtifactPath, stackDirectory, stackName } from '../../config/environment';
import { environmentFiles, environmentNameOf } from '../../config/load-environment';
import { ExitCode } from '../../errors/exit-codes';
import { VigilError } from '../../errors/vigil-error';
import { closestName } from '../../util/closest-name';
import { writeOutputFile } from '../../util/output-file';
import { findCredentials, NO_CREDENTIALS_MESSAGE } from './credentials';
import {
  EnvironmentOutcome,
  EXIT_ERROR,
  initProblem,
  outcome,
  overallExitCode,
  planOutcome,
  TerraformRun,
} from './outcome';
import { parsePlanOutput } from './plan-output';
import { jsonReport, textReport } from './report';

export const DRIFT_USAGE = `usage: npm run drift [-- [<environment>…] [options]]
  Checks the infrastructure each environment's monitoring depends on (its expect: block) with
  terraform plan -refresh-only. Exit 0 no drift, 2 drift, 1 error (drift unknown).
  <environment>            environments to check (default: every environments/*.yaml)
  --outdir <dir>           synthesized output directory (default: cdktf.out)
  --environments <dir>     environment files (default: environments)
  --json <file>            also write the results as JSON (used by .github/workflows/drift.yml)
  --assume-credentials     skip the credentials check (runners with a metadata server)
Credentials: GOOGLE_APPLICATION_CREDENTIALS, GOOGLE_CREDENTIALS, GOOGLE_OAUTH_ACCESS_TOKEN or
\`gcloud auth application-default login\`.`;

/** What the run prints through and reads from (the CLI's CliIo fits; tools do not import the cli layer). */
export interface DriftIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

/** A mistake in how the run was called (unknown option, unknown environment). */
export class DriftUsageError extends VigilError {
  constructor(
    message: string,
    readonly showUsage = true,
  ) {
    // 2 means drift for this command, so a usage mistake is an error (1).
    super(message, ExitCode.failure);
  }
}

export const PLAN_ARGS = [
  'plan',
  '-refresh-only',
  '-detailed-exitcode',
  '-lock=false',
  '-input=false',
  '-json',
] as const;
export const INIT_ARGS = ['init', '-input=false', '-no-color'] as const;

interface DriftOptions {
  environments: string[];
  outdir: string;
  environmentsDir: string;
  json?: string;
  assumeCredentials: boolean;
}

export function parseDriftArgs(args: readonly string[]): DriftOptions {
  const options: DriftOptions = {
    environments: [],
    outdir: 'cdktf.out',
    environmentsDir: 'environments',
    assumeCredentials: false,
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    const value = () => {
      const next = args[++index];
      if (next === undefined || next.startsWith('--')) throw new DriftUsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--outdir') options.outdir = value();
    else if (arg === '--environments') options.environmentsDir = value();
    else if (arg === '--json') options.json = value();
    else if (arg === '--assume-credentials') options.assumeCredentials = true;
    else if (arg.startsWith('-')) {
      const guess = closestName(arg, ['--outdir', '--environments', '--json', '--assume-credentials', '--help']);
      throw new DriftUsageError(`unknown option ${arg}${guess ? `; did you mean ${guess}?` : ''}`);
    } else options.environments.push(arg);
  }
  return options;
}

export function runTerraform(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): TerraformRun {
  const result = spawnSync('terraform', args, {
    cwd,
    env: { ...env, TF_IN_AUTOMATION: '1', TF_INPUT: '0' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error)
    return {
      exitCode: null,
      output: '',
      spawnError: (result.error as NodeJS.ErrnoException).code ?? result.error.message,
    };
  return { exitCode: result.status, output: `${result.stdout ?? ''}${result.stderr ? `\n${result.stderr}` : ''}` };
}

/** Checks one environment's synthesized stack. */
export function checkEnvironment(
  environment: string,
  outdir: string,
  env: NodeJS.ProcessEnv,
  credentials: string | undefined,
): EnvironmentOutcome {
  const stack = stackName(environment);
  const stackDir = stackDirectory(outdir, environment);
  const artifact = stackArtifactPath(outdir, environment);
  if (!fs.existsSync(artifact)) {
    return outcome(environment, stack, 'error', {
      problems: [`no synthesized stack at ${artifact}: run \`npm run synth\` first (\`npm run drift\` does).`],
    });
  }
  const init = runTerraform(INIT_ARGS, stackDir, env);
  const problems: string[] = [];
  if (init.exitCode !== 0) problems.push(initProblem(init));
  if (credentials === undefined) problems.push(NO_CREDENTIALS_MESSAGE);
  if (problems.length > 0) return outcome(environment, stack, 'error', { problems });
  const plan = runTerraform(PLAN_ARGS, stackDir, env);
  return planOutcome(environment, stack, plan, parsePlanOutput(plan.output));
}

function selectEnvironments(options: DriftOptions, cwd: string): string[] {
  const available = environmentFiles(path.resolve(cwd, options.environmentsDir)).map(environmentNameOf);
  if (options.environments.length === 0) return available;
  for (const name of options.environments) {
    if (!available.includes(name)) {
      const guess = closestName(name, available);
      throw new DriftUsageError(
        `no environment "${name}" in ${options.environmentsDir}/; ${guess ? `did you mean "${guess}"?` : `expected one of: ${available.join(', ')}`}`,
        false,
      );
    }
  }
  return options.environments;
}

/** The whole run; returns the exit code. Usage mistakes are errors (1): 2 means drift here. */
export async function driftMain(args: readonly string[], io: DriftIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${DRIFT_USAGE}\n`);
    return 0;
  }
  let options: DriftOptions;
  let environments: string[];
  try {
    options = parseDriftArgs(args);
    environments = selectEnvironments(options, io.cwd);
  } catch (error) {
    if (!(error instanceof DriftUsageError)) throw error;
    io.stderr(error.showUsage ? `drift: ${error.message}\n${DRIFT_USAGE}\n` : `drift: ${error.message}\n`);
    return EXIT_ERROR;
  }
  const credentials = options.assumeCredentials
    ? 'assumed (--assume-credentials)'
    : findCredentials(io.env, (file) => fs.existsSync(file));
  const outdir = path.resolve(io.cwd, options.outdir);
  const outcomes = environments.map((environment) => checkEnvironment(environment, outdir, io.env, credentials));
  io.stdout(textReport(outcomes));
  if (options.json) {
    const runUrl =
      io.env.GITHUB_RUN_ID && io.env.GITHUB_REPOSITORY
        ? `${io.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${io.env.GITHUB_REPOSITORY}/actions/runs/${io.env.GITHUB_RUN_ID}`
        : undefined;
    writeOutputFile(path.resolve(io.cwd, options.json), jsonReport(outcomes, runUrl), options.json);
  }
  return overallExitCode(outcomes);
}
